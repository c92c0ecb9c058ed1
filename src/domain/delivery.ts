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

/**
 * How long a sender holds a delivery it is sending (the dispatcher, or the instance that sent a chat
 * message right after its commit): well over the slowest send (SMTP and the SMS webhook time out
 * sooner), so a live sender is never taken for a dead one. After it, another instance recovers it.
 */
export const DELIVERY_LEASE_MS = 5 * 60_000;
