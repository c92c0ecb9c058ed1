import type { Kysely } from "kysely";
import { nextStatus, type LifecycleStatus } from "../machines/application-lifecycle.machine.js";
import type { Method } from "../src/domain/application.js";
import type { IsoDate } from "../src/domain/business-days.js";
import type { AccountStatus } from "../src/domain/user-record.js";
import type { Platform } from "../src/chat/chat-event.js";
import type {
  AuditEntry,
  ChangeResult,
  LifecycleChange,
  ReviewQueueEntry,
  ReviewStore,
  SupportRequestEntry,
} from "../src/review/review-port.js";
import { findUserId } from "./identity-lookup.js";
import type { Database } from "./schema.js";

export class SqlReviewStore implements ReviewStore {
  constructor(private readonly db: Kysely<Database>) {}

  changeApplication(change: LifecycleChange): Promise<ChangeResult> {
    return retryWhenBusy(() => this.applyChange(change));
  }

  private applyChange(change: LifecycleChange): Promise<ChangeResult> {
    return this.db.transaction().execute((trx) => applyLifecycleChange(trx, change));
  }

  async awaitingReview(today: IsoDate): Promise<ReviewQueueEntry[]> {
    const rows = await this.db
      .selectFrom("applications")
      .select(["reference", "method", "status", "submitted_at", "expected_by"])
      .where("status", "=", "submitted")
      .orderBy("submitted_at", "asc")
      .execute();
    return rows.map((row) => ({
      reference: row.reference ?? "",
      method: row.method as Method,
      status: row.status as LifecycleStatus,
      submittedAt: row.submitted_at ?? "",
      expectedBy: row.expected_by ?? "",
      overdue: row.expected_by !== null && today > row.expected_by,
    }));
  }

  async auditTrail(reference: string): Promise<AuditEntry[] | null> {
    const application = await this.db.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirst();
    if (!application) return null;
    const rows = await this.db
      .selectFrom("audit_log")
      .select(["at", "actor", "platform", "from_status", "to_status", "reason", "note"])
      .where("application_id", "=", application.id)
      .orderBy("id", "asc")
      .execute();
    return rows.map((row) => ({
      at: row.at,
      actor: row.actor,
      platform: row.platform,
      from: row.from_status,
      to: row.to_status,
      reason: row.reason,
      note: row.note,
    }));
  }

  async supportRequests(limit: number): Promise<SupportRequestEntry[]> {
    const rows = await this.db
      .selectFrom("support_requests")
      .select(["reference", "platform", "platform_user_id", "question", "created_at"])
      .orderBy("created_at", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      reference: row.reference,
      platform: row.platform,
      user: row.platform_user_id,
      question: row.question,
      createdAt: row.created_at,
    }));
  }

  async setAccountStatus(platform: Platform, platformUserId: string, status: AccountStatus): Promise<boolean> {
    const userId = await findUserId(this.db, platform, platformUserId);
    if (!userId) return false;
    await this.db.updateTable("users").set({ account_status: status }).where("id", "=", userId).execute();
    return true;
  }
}

/**
 * Applies one lifecycle change inside the caller's transaction, if the
 * lifecycle allows it in the status read here; the update is a
 * compare-and-set on that status, so of two concurrent decisions only one
 * changes a row. Writes the audit entry with it.
 */
export async function applyLifecycleChange(trx: Kysely<Database>, change: LifecycleChange): Promise<ChangeResult> {
  const application = await trx
    .selectFrom("applications")
    .select(["id", "user_id", "status"])
    .where("reference", "=", change.reference)
    .executeTakeFirst();
  if (!application) return { ok: false, problem: "not_found" } as const;
  if (change.actorIdentity) {
    const actingUser = await findUserId(trx, change.actorIdentity.platform, change.actorIdentity.userId);
    if (actingUser === application.user_id) return { ok: false, problem: "own_application" } as const;
  }
  const from = application.status as LifecycleStatus;
  const to = nextStatus(from, change.event);
  // Compare-and-set on the status read above: of two concurrent decisions, only one updates a row.
  const updated = to
    ? await trx
        .updateTable("applications")
        .set({
          status: to,
          updated_at: change.at.toISOString(),
          // A reviewer's note belongs to one decision: a later decision without a note must not show the old one.
          ...(change.event.type.startsWith("review.")
            ? { decided_at: change.at.toISOString(), decided_by: change.actor, note: change.note ?? null }
            : {}),
          ...(change.reasons ? { reasons: JSON.stringify(change.reasons) } : {}),
          ...(change.items ? { requested_items: JSON.stringify(change.items) } : {}),
        })
        .where("id", "=", application.id)
        .where("status", "=", from)
        .executeTakeFirst()
    : undefined;
  if (!to || Number(updated?.numUpdatedRows ?? 0) === 0) {
    const current = await trx.selectFrom("applications").select("status").where("id", "=", application.id).executeTakeFirstOrThrow();
    const last = await trx
      .selectFrom("audit_log")
      .select(["actor", "at"])
      .where("application_id", "=", application.id)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    return { ok: false, problem: "not_allowed", status: current.status as LifecycleStatus, lastChange: last ?? null } as const;
  }
  await trx
    .insertInto("audit_log")
    .values({
      application_id: application.id,
      actor: change.actor,
      platform: change.platform ?? change.actorIdentity?.platform ?? null,
      at: change.at.toISOString(),
      from_status: from,
      to_status: to,
      reason: change.reasons?.join(",") ?? change.items?.join(",") ?? null,
      note: change.note ?? null,
    })
    .execute();
  return { ok: true, from, to } as const;
}

/**
 * Another process (the CLI beside the bot, a second bot instance) may commit
 * between our read and our write; SQLite then refuses the write with
 * SQLITE_BUSY or SQLITE_BUSY_SNAPSHOT. The transaction is re-run from the
 * start, where the compare-and-set sees the other decision.
 */
async function retryWhenBusy<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (!code.startsWith("SQLITE_BUSY") || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
