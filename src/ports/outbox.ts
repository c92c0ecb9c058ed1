import type { Channel } from "../domain/delivery.js";
import type { DueDelivery, NewNotification, NotificationContent, NotificationKind, NotificationSummary } from "../domain/notification.js";

/** The outbox as a transaction writes to it: notifications are queued with the change that causes them. */
export interface OutboxWriter {
  /** Writes a notification and its deliveries to the outbox; null when it exists already (an announcement resumed). */
  enqueueNotification(notification: NewNotification): Promise<string | null>;
  /** The user's most recent notification (not counting announcements) with its deliveries, to explain or resend it. */
  latestNotification(userId: string): Promise<(NotificationSummary & { content: NotificationContent }) | null>;
  /** When the user's notifications of a kind were created since `since` (the resend limit). */
  notificationTimesSince(userId: string, kind: NotificationKind, since: Date): Promise<Date[]>;
}

/** The outbox as the dispatcher, the senders and operators see it. */
export interface Outbox {
  due(now: Date, channels: readonly Channel[], limit: number): Promise<DueDelivery[]>;
  claim(notificationId: string, channel: Channel, now: Date): Promise<boolean>;
  markSent(notificationId: string, channel: Channel): Promise<void>;
  markRetry(notificationId: string, channel: Channel, reason: string, retryAt: Date): Promise<void>;
  markFailed(notificationId: string, channel: Channel, reason: string): Promise<void>;
  recoverInterrupted(now: Date): Promise<number>;
  recentForUser(userId: string, limit?: number): Promise<NotificationSummary[]>;
}
