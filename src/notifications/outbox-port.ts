import type { Channel, DueDelivery, NotificationSummary } from "./notification.js";

/** The outbox as the dispatcher and the senders see it (`db/notification-store.ts`). */
export interface Outbox {
  due(now: Date, channels: readonly Channel[], limit: number): Promise<DueDelivery[]>;
  claim(notificationId: string, channel: Channel, now: Date): Promise<boolean>;
  markSent(notificationId: string, channel: Channel): Promise<void>;
  markRetry(notificationId: string, channel: Channel, reason: string, retryAt: Date): Promise<void>;
  markFailed(notificationId: string, channel: Channel, reason: string): Promise<void>;
  recoverInterrupted(now: Date): Promise<number>;
  recentForUser(userId: string, limit?: number): Promise<NotificationSummary[]>;
}
