import type { Kysely, Transaction } from "kysely";
import type { WebhookDelivery, WebhookEventType } from "../src/domain/webhook-event.js";
import type { DueWebhook, WebhookEventWriter, WebhookOutbox } from "../src/ports/webhook-outbox.js";
import { firstAccount } from "./identity-lookup.js";
import type { Dialect } from "./open-database.js";
import type { Database } from "./schema.js";

/**
 * The webhook queue as a transaction writes to it. With no receiver configured nothing is queued:
 * events would pile up for nobody, and a receiver configured later starts from its first day.
 */
export function sqlWebhookEventWriter(trx: Transaction<Database> | Kysely<Database>, receiverConfigured: boolean): WebhookEventWriter {
  return {
    async enqueueWebhookEvent(event) {
      if (!receiverConfigured) return;
      await trx
        .insertInto("webhook_events")
        .values({
          id: event.id,
          reference: event.data.reference,
          type: event.type,
          body: JSON.stringify(event),
          created_at: event.occurredAt,
          status: "pending",
          next_attempt_at: event.occurredAt,
        })
        .execute();
    },
    applicantAccount: (userId) => firstAccount(trx, userId),
  };
}

/** The queue as the sender and operators see it. */
export class SqlWebhookOutbox implements WebhookOutbox {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<DueWebhook[]> {
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom("webhook_events as w")
        .select("w.id")
        .where("w.status", "=", "pending")
        .where("w.next_attempt_at", "<=", at)
        .where((eb) => eb.or([eb("w.lease_until", "is", null), eb("w.lease_until", "<", at)]))
        // An application's later event waits until its earlier ones are delivered.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("webhook_events as earlier")
                .select("earlier.seq")
                .whereRef("earlier.reference", "=", "w.reference")
                .where("earlier.status", "=", "pending")
                .whereRef("earlier.seq", "<", "w.seq"),
            ),
          ),
        )
        .orderBy("w.seq")
        .limit(limit)
        // PostgreSQL: events another sender is taking are skipped, not waited for. SQLite has one writer.
        .$if(this.dialect === "postgres", (query) => query.forUpdate().skipLocked())
        .execute();
      if (due.length === 0) return [];
      const taken = await trx
        .updateTable("webhook_events")
        .set({ lease_until: leaseUntil.toISOString() })
        .where(
          "id",
          "in",
          due.map((row) => row.id),
        )
        .returning(["id", "reference", "body", "attempts", "seq"])
        .execute();
      return taken.sort((a, b) => a.seq - b.seq).map(({ id, reference, body, attempts }) => ({ id, reference, body, attempts }));
    });
  }

  async markDelivered(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable("webhook_events")
      .set((eb) => ({
        status: "delivered",
        attempts: eb("attempts", "+", 1),
        delivered_at: at.toISOString(),
        lease_until: null,
        failing_since: null,
      }))
      .where("id", "=", id)
      .execute();
  }

  async markRetry(id: string, error: string, at: Date, retryAt: Date): Promise<void> {
    await this.db
      .updateTable("webhook_events")
      .set((eb) => ({
        attempts: eb("attempts", "+", 1),
        last_error: error,
        next_attempt_at: retryAt.toISOString(),
        lease_until: null,
        failing_since: eb.fn.coalesce("failing_since", eb.val(at.toISOString())),
      }))
      .where("id", "=", id)
      .execute();
  }

  async release(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("webhook_events")
      .set({ lease_until: null })
      .where("id", "in", [...ids])
      .execute();
  }

  async backlog() {
    const row = await this.db
      .selectFrom("webhook_events")
      .select((eb) => [
        eb.fn.countAll<number | string>().as("pending"),
        eb.fn.min("created_at").as("oldest"),
        eb.fn.min("failing_since").as("failing"),
      ])
      .where("status", "=", "pending")
      .executeTakeFirstOrThrow();
    return { pending: Number(row.pending), oldestPendingAt: row.oldest ?? null, failingSince: row.failing ?? null };
  }

  async list({ failed, limit }: { failed: boolean; limit: number }): Promise<WebhookDelivery[]> {
    const rows = await this.db
      .selectFrom("webhook_events")
      .select(["id", "type", "reference", "created_at", "status", "attempts", "last_error", "next_attempt_at", "delivered_at"])
      .$if(failed, (query) => query.where("status", "=", "pending").where("attempts", ">", 0))
      .orderBy("seq", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: row.type as WebhookEventType,
      reference: row.reference,
      occurredAt: row.created_at,
      status: row.status as WebhookDelivery["status"],
      attempts: row.attempts,
      lastError: row.last_error,
      nextAttemptAt: row.status === "pending" ? row.next_attempt_at : null,
      deliveredAt: row.delivered_at,
    }));
  }

  async replay(id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("webhook_events")
      .set({ status: "pending", next_attempt_at: now.toISOString(), lease_until: null, delivered_at: null })
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async pruneDelivered(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom("webhook_events")
      .where("status", "=", "delivered")
      .where("delivered_at", "<", before.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
