import { randomUUID } from "node:crypto";
import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import type { Platform } from "../src/domain/platform.js";
import { FIRST_APPROVAL_CANCELLED } from "../src/domain/review-policy.js";
import type { ApplicationStore } from "../src/ports/application-store.js";
import { loadApplicationForReview } from "./application-for-review.js";
import { sqlDraftStore } from "./draft-store.js";
import type { HotQueries } from "./hot-queries.js";
import { shareIdentity, writeDigests } from "./identity-digests.js";
import { awaitingReview } from "./operator-store.js";
import { DRAFT, draftColumns, historyFromRows, openDetails, sealDetails, sealNullable } from "./rows.js";
import type { Database } from "./schema.js";
import { takeDue } from "./take-due.js";
import { place, type Seal, type Vault } from "./vault.js";

type Db = Transaction<Database> | Kysely<Database>;

/** `column = value`, or `column is null` for null: how a compare-and-set matches what was read. */
function isValue(eb: ExpressionBuilder<Database, "applications">, column: "claimed_by" | "first_approved_by", value: string | null) {
  return value === null ? eb(column, "is", null) : eb(column, "=", value);
}

/** Drafts and applications, inside one transaction. */
export function sqlApplicationStore(trx: Db, queries: HotQueries, vault: Vault): ApplicationStore {
  const drafts = sqlDraftStore(trx, queries, vault);
  const store: ApplicationStore = {
    loadDraft: drafts.loadDraft,
    saveDraft: drafts.saveDraft,
    holdDraft: drafts.holdDraft,
    heldDrafts: drafts.heldDrafts,

    async isReferenceTaken(reference) {
      const application = await trx.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirst();
      const request = await trx.selectFrom("support_requests").select("reference").where("reference", "=", reference).executeTakeFirst();
      return application !== undefined || request !== undefined;
    },

    async submitApplication(submission) {
      const now = submission.submittedAt.toISOString();
      await trx.deleteFrom("applications").where("user_id", "=", submission.userId).where("status", "=", DRAFT).execute();
      drafts.draftGone(submission.userId);
      const id = randomUUID();
      const previous = submission.previousReference
        ? await trx.selectFrom("applications").select("id").where("reference", "=", submission.previousReference).executeTakeFirst()
        : undefined;
      await trx
        .insertInto("applications")
        .values({
          id,
          previous_application_id: previous?.id ?? null,
          workspace_team_id: submission.workspace?.teamId ?? null,
          workspace_enterprise_id: submission.workspace?.enterpriseId ?? null,
          user_id: submission.userId,
          reference: submission.reference,
          status: "submitted",
          method: submission.draft.method ?? null,
          ...draftColumns(id, submission.draft, await vault.user(trx, submission.userId)),
          created_at: now,
          updated_at: now,
          submitted_at: now,
          consented_at: now,
          expected_by: submission.expectedBy,
          remind_reviewers_at: submission.remindReviewersAt.toISOString(),
          decided_at: null,
          reasons: "[]",
        })
        .execute();
      await writeDigests(trx, vault.sealer, id, submission.draft);
      await trx
        .insertInto("audit_log")
        .values({
          application_id: id,
          actor: submission.actor,
          platform: submission.platform,
          at: now,
          from_status: "draft",
          to_status: "submitted",
          reason: null,
          note: null,
        })
        .execute();
    },

    async applicationHistory(userId) {
      const { rows } = await trx.executeQuery(queries.applicationsOfUser(userId, "draft"));
      return historyFromRows(rows, await vault.user(trx, userId));
    },

    loadApplication: (reference) => loadApplicationForReview(trx, vault, reference),

    async setStatus(change) {
      const application = await trx
        .selectFrom("applications")
        .select(["id", "user_id"])
        .where("reference", "=", change.reference)
        .executeTakeFirst();
      if (!application) return false;
      const at = change.at.toISOString();
      const seal = await vault.user(trx, application.user_id);
      // Compare-and-set on the status and review state the decision was taken from: of two concurrent changes, one updates the row.
      const updated = await trx
        .updateTable("applications")
        .set({
          status: change.to,
          updated_at: at,
          ...(change.decision
            ? {
                decided_at: at,
                decided_by: change.decision.by,
                note: sealNullable(change.decision.note, seal, place("applications", "note", application.id)),
              }
            : {}),
          ...(change.reasons ? { reasons: JSON.stringify(change.reasons) } : {}),
          ...(change.items ? { requested_items: JSON.stringify(change.items) } : {}),
          claimed_by: null,
          claimed_until: null,
          first_approved_by: change.firstApproval?.by ?? null,
          first_approved_at: change.firstApproval ? at : null,
        })
        .where("id", "=", application.id)
        .where("status", "=", change.from)
        .where((eb) => isValue(eb, "claimed_by", change.expected.claimedBy))
        .where((eb) => isValue(eb, "first_approved_by", change.expected.firstApprovedBy))
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows ?? 0) === 0) return false;
      await trx
        .insertInto("audit_log")
        .values({
          application_id: application.id,
          actor: change.actor,
          platform: change.platform,
          at,
          from_status: change.from,
          to_status: change.to,
          reason: change.auditReason,
          note: sealNullable(change.auditNote, seal, place("audit_log", "note", application.id)),
        })
        .execute();
      return true;
    },

    async setClaim({ reference, expectedBy, claim }) {
      const updated = await trx
        .updateTable("applications")
        .set({ claimed_by: claim?.by ?? null, claimed_until: claim?.until.toISOString() ?? null })
        .where("reference", "=", reference)
        .where("status", "=", "submitted")
        .where((eb) => isValue(eb, "claimed_by", expectedBy))
        .executeTakeFirst();
      return Number(updated.numUpdatedRows ?? 0) > 0;
    },

    async cancelFirstApproval(userId, actor, platform, at) {
      const pending = await trx
        .selectFrom("applications")
        .select(["id", "status", "reference"])
        .where("user_id", "=", userId)
        .where("status", "=", "submitted")
        .where("first_approved_by", "is not", null)
        .executeTakeFirst();
      if (!pending) return null;
      await trx
        .updateTable("applications")
        .set({ first_approved_by: null, first_approved_at: null })
        .where("id", "=", pending.id)
        .execute();
      await audit(pending, actor, platform, at, `${FIRST_APPROVAL_CANCELLED}:new_information`);
      return pending.reference;
    },

    awaitingReview: () => awaitingReview(trx),

    shareIdentity: (userA, userB) => shareIdentity(trx, userA, userB),

    async reviseApplication({ reference, draft, fields, actor, platform, at }) {
      const row = await trx
        .selectFrom("applications")
        .select(["id", "user_id", "status", "details", "documents"])
        .where("reference", "=", reference)
        .executeTakeFirst();
      if (!row) return;
      const seal = await vault.user(trx, row.user_id);
      await keepRevision(row, seal, fields, actor, platform, at);
      await trx
        .updateTable("applications")
        .set({ ...draftColumns(row.id, draft, seal), updated_at: at.toISOString() })
        .where("id", "=", row.id)
        .execute();
      await writeDigests(trx, vault.sealer, row.id, draft);
      await audit(row, actor, platform, at, `revised:${fields.join(",")}`);
    },

    async updateContactDetails(userId, field, value, actor, platform, at) {
      const latest = await latestSubmitted(trx, userId);
      if (!latest) return false;
      const seal = await vault.user(trx, userId);
      const details = { ...openDetails(latest, seal), [field]: value };
      await keepRevision(latest, seal, [field], actor, platform, at);
      await trx
        .updateTable("applications")
        .set({ details: sealDetails(latest.id, details, seal), updated_at: at.toISOString() })
        .where("id", "=", latest.id)
        .execute();
      await audit(latest, actor, platform, at, `${field}_updated`);
      return true;
    },

    async latestContactDetails(userId) {
      const latest = await latestSubmitted(trx, userId);
      if (!latest) return null;
      const { email, phone } = openDetails(latest, await vault.user(trx, userId)) as { email?: string; phone?: string };
      return { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
    },

    async takeDueReviewerReminders(now) {
      const due = await trx
        .selectFrom("applications")
        .select("reference")
        .where("status", "=", "submitted")
        .where("reviewers_reminded_at", "is", null)
        .where("remind_reviewers_at", "<=", now.toISOString())
        .orderBy("submitted_at", "asc")
        .execute();
      return takeDue(trx, vault, due, { reviewers_reminded_at: now.toISOString() });
    },

    async takeOverdueNotices(today, now) {
      const due = await trx
        .selectFrom("applications")
        .select("reference")
        .where("status", "=", "submitted")
        .where("user_told_overdue_at", "is", null)
        .where("expected_by", "<", today)
        .orderBy("submitted_at", "asc")
        .execute();
      return takeDue(trx, vault, due, { user_told_overdue_at: now.toISOString() });
    },
  };

  /** The details a change replaces, kept sealed with the changed fields' names. */
  async function keepRevision(
    row: { id: string; details: string; documents: string },
    seal: Seal,
    fields: string[],
    actor: string,
    platform: Platform,
    at: Date,
  ): Promise<void> {
    // Bound to its application: the revision's own id exists only once it is inserted.
    const previous = seal.text(
      JSON.stringify({ details: openDetails(row, seal), documents: JSON.parse(row.documents) }),
      place("application_revisions", "previous", row.id),
    );
    await trx
      .insertInto("application_revisions")
      .values({ application_id: row.id, at: at.toISOString(), actor, platform, fields: JSON.stringify(fields), previous })
      .execute();
  }

  /** An audit entry that changes no status (the reason names fields, never values). */
  async function audit(row: { id: string; status: string }, actor: string, platform: Platform, at: Date, reason: string): Promise<void> {
    await trx
      .insertInto("audit_log")
      .values({
        application_id: row.id,
        actor,
        platform,
        at: at.toISOString(),
        from_status: row.status,
        to_status: row.status,
        reason,
        note: null,
      })
      .execute();
  }

  return store;
}

/** The user's latest application that left the draft stage. */
function latestSubmitted(trx: Db, userId: string) {
  return trx
    .selectFrom("applications")
    .select(["id", "details", "documents", "status"])
    .where("user_id", "=", userId)
    .where("status", "!=", "draft")
    .orderBy("submitted_at", "desc")
    .limit(1)
    .executeTakeFirst();
}
