/** The channels a notification can take. Chat is always tried; email and SMS when configured and known. */
export type Channel = "chat" | "email" | "sms";
export const CHANNELS: readonly Channel[] = ["chat", "email", "sms"];

export type DeliveryStatus = "pending" | "sending" | "sent" | "failed";

/** One channel's delivery of one notification: what `cli notifications` and "I never got it" show. */
export interface DeliveryState {
  channel: Channel;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt: string | null;
  failure: string | null;
}
