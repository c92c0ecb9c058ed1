import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import { type Channel, DELIVERY_LEASE_MS, type DeliveryState, type DeliveryStatus } from "../src/domain/delivery.js";
import type {
  DueDelivery,
  NewNotification,
  NotificationContent,
  NotificationKind,
  NotificationSummary,
} from "../src/domain/notification.js";
import type { Outbox, OutboxWriter } from "../src/ports/outbox.js";
import type { Dialect } from "./open-database.js";
import type { Database } from "./schema.js";
import { place, type Vault } from "./vault.js";

/**
 * The outbox. A notification and one delivery per usable channel are written
 * in the transaction of the change that causes them; the dispatcher (or, for
 * a chat message sent right after the commit, the sender) records each
 * attempt's outcome here.
 */
export async function enqueueNotification(
  trx: Transaction<Database> | Kysely<Database>,
  notification: NewNotification,
  vault: Vault,
): Promise<string | null> {
  const id = randomUUID();
  const at = notification.at.toISOString();
  const seal = await vault.user(trx, notification.userId);
  const inserted = await trx
    .insertInto("notifications")
    .values({
      id,
      user_id: notification.userId,
      kind: notification.kind,
      reference: notification.reference,
      announcement_id: notification.announcementId ?? null,
      locale: notification.locale,
      // What it says can carry a reviewer's note: sealed, like where it goes.
      content: seal.text(JSON.stringify(notification.content), place("notifications", "content", id)),
      created_at: at,
    })
    .onConflict((conflict) => conflict.columns(["announcement_id", "user_id"]).where("announcement_id", "is not", null).doNothing())
    .executeTakeFirst();
  // An announcement this user already has (a resumed run): nothing more to do.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  const { chat, email, sms } = notification.addresses;
  const rows: Array<{ channel: Channel; address: string; live?: boolean }> = [
    ...(chat
      ? [{ channel: "chat" as const, address: `${chat.platform}:${chat.chatId}`, live: notification.chatDeliveredLive ?? false }]
      : []),
    ...(email ? [{ channel: "email" as const, address: email }] : []),
    ...(sms ? [{ channel: "sms" as const, address: sms }] : []),
  ];
  if (rows.length > 0) {
    await trx
      .insertInto("deliveries")
      .values(
        rows.map((row) => ({
          notification_id: id,
          channel: row.channel,
          address: seal.text(row.address, place("deliveries", "address", id, row.channel)),
          // A chat message the caller sends right after the commit is already being attempted: the dispatcher must not send it too.
          status: row.live ? "sending" : "pending",
          attempts: row.live ? 1 : 0,
          next_attempt_at: at,
          last_attempt_at: row.live ? at : null,
          lease_until: row.live ? new Date(notification.at.getTime() + DELIVERY_LEASE_MS).toISOString() : null,
          failure: null,
        })),
      )
      .execute();
  }
  return id;
}

/** The outbox as a transaction writes to it. */
export function sqlOutboxWriter(trx: Transaction<Database> | Kysely<Database>, vault: Vault, dialect: Dialect): OutboxWriter {
  return {
    enqueueNotification: (notification) => enqueueNotification(trx, notification, vault),
    latestNotification: (userId) => new SqlNotificationStore(trx, vault, dialect).latestPersonal(userId),
    async notificationTimesSince(userId, kind, since) {
      const rows = await trx
        .selectFrom("notifications")
        .select("created_at")
        .where("user_id", "=", userId)
        .where("kind", "=", kind)
        .where("created_at", ">=", since.toISOString())
        .orderBy("created_at")
        .execute();
      return rows.map((row) => new Date(row.created_at));
    },
  };
}

/** Reads and updates delivery states outside the transactions that create them. */
export class SqlNotificationStore implements Outbox {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly dialect: Dialect,
  ) {}

  async claimDue(now: Date, channels: readonly Channel[], limit: number, leaseUntil: Date): Promise<DueDelivery[]> {
    if (channels.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      // PostgreSQL: rows another dispatcher is claiming are skipped, not waited for. SQLite has one writer.
      const keys = await trx
        .selectFrom("deliveries")
        .select(["notification_id", "channel"])
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", now.toISOString())
        .where("channel", "in", [...channels])
        .orderBy("next_attempt_at")
        .limit(limit)
        .$if(this.dialect === "postgres", (query) => query.forUpdate().skipLocked())
        .execute();
      const claimed: DueDelivery[] = [];
      for (const key of keys) {
        const row = await trx
          .updateTable("deliveries")
          .set((eb) => ({
            status: "sending",
            attempts: eb("attempts", "+", 1),
            last_attempt_at: now.toISOString(),
            lease_until: leaseUntil.toISOString(),
          }))
          .where("notification_id", "=", key.notification_id)
          .where("channel", "=", key.channel)
          .where("status", "=", "pending")
          .returning(["address", "attempts"])
          .executeTakeFirst();
        if (!row) continue;
        const notification = await trx
          .selectFrom("notifications")
          .select(["locale", "content", "user_id"])
          .where("id", "=", key.notification_id)
          .executeTakeFirstOrThrow();
        const seal = await this.vault.user(trx, notification.user_id);
        claimed.push({
          notificationId: key.notification_id,
          channel: key.channel as Channel,
          address: seal.open(row.address, place("deliveries", "address", key.notification_id, key.channel)),
          // The attempts made before this one.
          attempts: row.attempts - 1,
          locale: notification.locale,
          content: JSON.parse(
            seal.open(notification.content, place("notifications", "content", key.notification_id)),
          ) as NotificationContent,
        });
      }
      return claimed;
    });
  }

  async markSent(notificationId: string, channel: Channel): Promise<void> {
    await this.setOutcome(notificationId, channel, { status: "sent", failure: null });
  }

  /** A failed attempt that may succeed later: pending again from `retryAt`. */
  async markRetry(notificationId: string, channel: Channel, reason: string, retryAt: Date): Promise<void> {
    await this.setOutcome(notificationId, channel, { status: "pending", failure: reason, next_attempt_at: retryAt.toISOString() });
  }

  /** A permanent failure (a rejected address, too many attempts): no more retries. */
  async markFailed(notificationId: string, channel: Channel, reason: string): Promise<void> {
    await this.setOutcome(notificationId, channel, { status: "failed", failure: reason });
  }

  /**
   * After a crash, attempts that were under way have an unknown outcome.
   * Email and SMS carry idempotency keys (Message-ID, Idempotency-Key), so
   * they are tried again; a chat message has none, so it is not re-sent —
   * a duplicate is worse than a message the user can ask to have resent —
   * and the interruption is recorded. Returns how many were recovered.
   */
  async recoverInterrupted(now: Date): Promise<number> {
    // Only where the sender's lease ran out: another instance may be sending the others right now.
    const expired = sql<boolean>`status = 'sending' and (lease_until is null or lease_until < ${now.toISOString()})`;
    const retried = await this.db
      .updateTable("deliveries")
      .set({ status: "pending", failure: "interrupted by a restart; retried", next_attempt_at: now.toISOString() })
      .where(expired)
      .where("channel", "in", ["email", "sms"])
      .executeTakeFirst();
    const stopped = await this.db
      .updateTable("deliveries")
      .set({ status: "failed", failure: "interrupted by a restart; not re-sent to avoid a duplicate (the user can ask for a resend)" })
      .where(expired)
      .where("channel", "=", "chat")
      .executeTakeFirst();
    return Number(retried.numUpdatedRows) + Number(stopped.numUpdatedRows);
  }

  /** The user's latest notification that concerns them alone (not an announcement), with what it said: to explain or resend it. */
  async latestPersonal(userId: string): Promise<(NotificationSummary & { content: NotificationContent }) | null> {
    const [summary] = await this.recentForUser(userId, 1, { withoutAnnouncements: true });
    if (!summary) return null;
    const { content } = await this.db.selectFrom("notifications").select("content").where("id", "=", summary.id).executeTakeFirstOrThrow();
    const seal = await this.vault.user(this.db, userId);
    return { ...summary, content: JSON.parse(seal.open(content, place("notifications", "content", summary.id))) as NotificationContent };
  }

  /** The user's most recent notifications with each channel's delivery state, newest first. */
  async recentForUser(userId: string, limit = 10, { withoutAnnouncements = false } = {}): Promise<NotificationSummary[]> {
    const notifications = await this.db
      .selectFrom("notifications")
      .select(["id", "kind", "reference", "created_at"])
      .where("user_id", "=", userId)
      .$if(withoutAnnouncements, (query) => query.where("kind", "!=", "announcement"))
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(limit)
      .execute();
    if (notifications.length === 0) return [];
    const deliveries = await this.db
      .selectFrom("deliveries")
      .selectAll()
      .where(
        "notification_id",
        "in",
        notifications.map((row) => row.id),
      )
      .execute();
    return notifications.map((row) => ({
      id: row.id,
      kind: row.kind as NotificationKind,
      reference: row.reference,
      createdAt: row.created_at,
      deliveries: deliveries
        .filter((delivery) => delivery.notification_id === row.id)
        .map(toDeliveryState)
        .sort((a, b) => CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel)),
    }));
  }

  private async setOutcome(
    notificationId: string,
    channel: Channel,
    values: { status: DeliveryStatus; failure: string | null; next_attempt_at?: string },
  ): Promise<void> {
    await this.db
      .updateTable("deliveries")
      .set(values)
      .where("notification_id", "=", notificationId)
      .where("channel", "=", channel)
      .execute();
  }
}

const CHANNEL_ORDER: Channel[] = ["chat", "email", "sms"];

function toDeliveryState(row: {
  channel: string;
  status: string;
  attempts: number;
  last_attempt_at: string | null;
  failure: string | null;
}): DeliveryState {
  return {
    channel: row.channel as Channel,
    // An attempt under way is still pending to anyone asking.
    status: row.status === "sending" ? "pending" : (row.status as DeliveryStatus),
    attempts: row.attempts,
    lastAttemptAt: row.last_attempt_at,
    failure: row.status === "sent" ? null : row.failure,
  };
}
