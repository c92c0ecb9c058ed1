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
  /**
   * Takes up to `limit` deliveries due at `now` on these channels for this sender until `leaseUntil`
   * (committed before sending): several dispatchers never take the same one.
   */
  claimDue(now: Date, channels: readonly Channel[], limit: number, leaseUntil: Date): Promise<DueDelivery[]>;
  markSent(notificationId: string, channel: Channel): Promise<void>;
  markRetry(notificationId: string, channel: Channel, reason: string, retryAt: Date): Promise<void>;
  markFailed(notificationId: string, channel: Channel, reason: string): Promise<void>;
  /** Deliveries whose sender's lease ran out (it died mid-send): see the store for what becomes of them. */
  recoverInterrupted(now: Date): Promise<number>;
  recentForUser(userId: string, limit?: number): Promise<NotificationSummary[]>;
}
