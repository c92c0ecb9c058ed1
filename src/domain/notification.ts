import type { Message } from "../i18n/message.js";
import type { Choice } from "./choice.js";
import type { Channel, DeliveryState } from "./delivery.js";
import type { ChatAddress } from "./platform.js";

export type NotificationKind =
  | "decision"
  | "needs_info"
  | "overdue"
  | "reverify"
  | "announcement"
  | "resend"
  | "held_released"
  /** The account was disabled (after a rejection for false information). */
  | "account"
  /** The support team's answer to a request made in the chat (`support reply`). */
  | "support";

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
