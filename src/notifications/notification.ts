import type { ChatAddress, Choice } from "../chat/reply.js";
import type { Message } from "../i18n/message.js";

/** The channels a notification can take. Chat is always tried; email and SMS when configured and known. */
export type Channel = "chat" | "email" | "sms";
export const CHANNELS: readonly Channel[] = ["chat", "email", "sms"];

export type NotificationKind = "decision" | "needs_info" | "overdue" | "reverify" | "announcement" | "resend" | "held_released";

/** What a notification says, in no language yet: rendered per channel in the user's language when sent. */
export interface NotificationContent {
  /** The chat message (and the email's text). */
  body: Message[];
  choices?: Choice[];
  /** Email subject; it carries the reference code where there is one. */
  subject: Message;
  /** The short SMS text. */
  sms: Message;
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  reference: string | null;
  locale: string;
  content: NotificationContent;
  /** Where each channel delivers; a channel without an address is not used. */
  addresses: { chat: ChatAddress | null; email?: string; sms?: string };
  /** Set when the caller delivers the chat message itself right after the commit (a reviewer's decision). */
  chatDeliveredLive?: boolean;
  announcementId?: string;
  at: Date;
}

export type DeliveryStatus = "pending" | "sending" | "sent" | "failed";

/** One channel's delivery of one notification: what `cli notifications` and "I never got it" show. */
export interface DeliveryState {
  channel: Channel;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt: string | null;
  failure: string | null;
}

export interface NotificationSummary {
  id: string;
  kind: NotificationKind;
  reference: string | null;
  createdAt: string;
  deliveries: DeliveryState[];
}

/** A delivery due now, with what the dispatcher needs to send it. */
export interface DueDelivery {
  notificationId: string;
  channel: Channel;
  /** For chat `platform:chatId`; the email address or phone number otherwise. */
  address: string;
  attempts: number;
  locale: string;
  content: NotificationContent;
}
