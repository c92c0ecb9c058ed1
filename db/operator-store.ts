import type { Kysely, Transaction } from "kysely";
import type { LifecycleStatus, Method } from "../src/domain/application.js";
import { FIRST_APPROVAL } from "../src/domain/review-policy.js";
import type { ReviewQueueEntry } from "../src/ports/application-store.js";
import type { OperatorStore, ReviewDecision } from "../src/ports/operator-store.js";
import { findUserId, firstAccount } from "./identity-lookup.js";
import { writeMaintenance } from "./maintenance-settings.js";
import { openNullable } from "./rows.js";
import type { Database } from "./schema.js";
import { place, type Vault } from "./vault.js";

/** Operators' reads and settings, outside the chat path (`npm run cli`). */
export function sqlOperatorStore(db: Kysely<Database>, vault: Vault): OperatorStore {
  return {
    async applicationStatus(reference) {
      const row = await db
        .selectFrom("applications")
        .select(["reference", "user_id", "status", "method", "submitted_at", "expected_by", "decided_at", "reasons"])
        .where("reference", "=", reference)
        .where("status", "!=", "draft")
        .executeTakeFirst();
      if (!row) return null;
      const account = await firstAccount(db, row.user_id);
      if (!account) throw new Error(`application ${reference} has no applicant account`);
      return {
        reference,
        platform: account.platform,
        user: account.user,
        status: row.status,
        method: row.method ?? "",
        submittedAt: row.submitted_at ?? "",
        expectedBy: row.expected_by ?? "",
        decidedAt: row.decided_at,
        reasons: JSON.parse(row.reasons) as string[],
      };
    },

    async reviewDecisions(since) {
      const rows = await db
        .selectFrom("audit_log")
        .innerJoin("applications", "applications.id", "audit_log.application_id")
        .select([
          "applications.reference",
          "audit_log.actor",
          "audit_log.to_status",
          "audit_log.at",
          "applications.submitted_at",
          "applications.expected_by",
          "audit_log.reason",
          // Time on the case: from the same account's first Open or claim of the application before this decision.
          (eb) =>
            eb
              .selectFrom("audit_log as touch")
              .select((touch) => touch.fn.min("touch.at").as("at"))
              .whereRef("touch.application_id", "=", "audit_log.application_id")
              .whereRef("touch.actor", "=", "audit_log.actor")
              .whereRef("touch.id", "<", "audit_log.id")
              .where((touch) =>
                touch.or([
                  touch("touch.reason", "in", ["opened", "show_details", "claimed", "claim_renewed"]),
                  touch("touch.reason", "like", "claim_taken_over:%"),
                ]),
              )
              .as("first_touched_at"),
        ])
        .where((eb) =>
          eb.or([
            eb.and([
              eb("audit_log.actor", "like", "reviewer:%"),
              eb("audit_log.from_status", "=", "submitted"),
              eb("audit_log.to_status", "in", ["approved", "rejected", "needs_more_info"]),
            ]),
            eb("audit_log.reason", "like", `${FIRST_APPROVAL}%`),
          ]),
        )
        .where("audit_log.at", ">=", since.toISOString())
        .orderBy("audit_log.id")
        .execute();
      return rows.map((row) => ({
        reference: row.reference ?? "",
        reviewer: row.actor,
        outcome: row.reason?.startsWith(FIRST_APPROVAL) ? (row.reason.split(":")[0] as ReviewDecision["outcome"]) : row.to_status,
        at: row.at,
        submittedAt: row.submitted_at ?? row.at,
        expectedBy: row.expected_by ?? "",
        reasons: row.reason && !row.reason.startsWith(FIRST_APPROVAL) ? row.reason.split(",") : [],
        firstTouchedAt: row.first_touched_at ?? null,
      }));
    },

    awaitingReview: () => awaitingReview(db),

    async applicationCounts() {
      const rows = await db
        .selectFrom("applications")
        .select((eb) => ["status", eb.fn.countAll<number | string>().as("count")])
        .groupBy("status")
        .execute();
      return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
    },

    async auditTrail(reference) {
      const application = await db
        .selectFrom("applications")
        .select(["id", "user_id"])
        .where("reference", "=", reference)
        .executeTakeFirst();
      if (!application) return null;
      const seal = await vault.user(db, application.user_id);
      const rows = await db
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
        note: openNullable(row.note, seal, place("audit_log", "note", application.id)),
      }));
    },

    async supportRequests(limit) {
      const rows = await db
        .selectFrom("support_requests")
        .select(["reference", "user_id", "platform", "platform_user_id", "question", "created_at", "answered_at"])
        .orderBy("created_at", "desc")
        .limit(limit)
        .execute();
      const requests = [];
      for (const row of rows) {
        const question =
          row.question &&
          openNullable(row.question, await vault.user(db, row.user_id), place("support_requests", "question", row.reference));
        requests.push({
          reference: row.reference,
          platform: row.platform,
          user: row.platform_user_id,
          question,
          createdAt: row.created_at,
          answeredAt: row.answered_at,
        });
      }
      return requests;
    },

    async setAccountStatus(platform, platformUserId, status) {
      const userId = await findUserId(db, platform, platformUserId);
      if (!userId) return false;
      await db.updateTable("users").set({ account_status: status }).where("id", "=", userId).execute();
      return true;
    },

    setMaintenance: (maintenance) => writeMaintenance(db, maintenance),
  };
}

/** Applications waiting for a reviewer, oldest first, with who holds or first approved each. */
export async function awaitingReview(db: Kysely<Database> | Transaction<Database>): Promise<ReviewQueueEntry[]> {
  const rows = await db
    .selectFrom("applications")
    .select([
      "reference",
      "method",
      "status",
      "submitted_at",
      "expected_by",
      "claimed_by",
      "claimed_until",
      "first_approved_by",
      "first_approved_at",
    ])
    .where("status", "=", "submitted")
    .orderBy("submitted_at", "asc")
    .execute();
  return rows.map((row) => ({
    reference: row.reference ?? "",
    method: row.method as Method,
    status: row.status as LifecycleStatus,
    submittedAt: row.submitted_at ?? "",
    expectedBy: row.expected_by ?? "",
    claim: row.claimed_by && row.claimed_until ? { by: row.claimed_by, until: row.claimed_until } : null,
    firstApproval: row.first_approved_by && row.first_approved_at ? { by: row.first_approved_by, at: row.first_approved_at } : null,
  }));
}
