import { randomUUID } from "node:crypto";
import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import type { Platform } from "../src/domain/platform.js";
import { FIRST_APPROVAL_CANCELLED } from "../src/domain/review-policy.js";
import type { ApplicationStore, HeldDraft } from "../src/ports/application-store.js";
import type { Sealer } from "../src/ports/sealer.js";
import { loadApplicationForReview } from "./application-for-review.js";
import type { HotQueries } from "./hot-queries.js";
import { shareIdentity, writeDigests } from "./identity-digests.js";
import { awaitingReview } from "./operator-store.js";
import { draftColumns, draftFromRow, historyFromRows, openDetails, sealNullable, workspaceFromRow } from "./rows.js";
import type { Database } from "./schema.js";
import { takeDue } from "./take-due.js";

type Db = Transaction<Database> | Kysely<Database>;

/** `column = value`, or `column is null` for null: how a compare-and-set matches what was read. */
function isValue(eb: ExpressionBuilder<Database, "applications">, column: "claimed_by" | "first_approved_by", value: string | null) {
  return value === null ? eb(column, "is", null) : eb(column, "=", value);
}

/** Drafts and applications, inside one transaction. */
export function sqlApplicationStore(trx: Db, queries: HotQueries, sealer: Sealer): ApplicationStore {
  const store: ApplicationStore = {
    async loadDraft(userId) {
      const row = await trx
        .selectFrom("applications")
        .select(["details", "documents"])
        .where("user_id", "=", userId)
        .where("status", "=", "draft")
        .executeTakeFirst();
      return row ? draftFromRow(row, sealer) : null;
    },

    async saveDraft(userId, draft, at) {
      const { documents, ...details } = draft;
      const isEmpty = Object.keys(details).length === 0 && Object.keys(documents).length === 0;
      if (isEmpty) {
        await trx.deleteFrom("applications").where("user_id", "=", userId).where("status", "=", "draft").execute();
        return;
      }
      const now = at.toISOString();
      const values = { method: draft.method ?? null, ...draftColumns(draft, sealer), updated_at: now };
      const updated = await trx.executeQuery(
        queries.updateDraft(values.method, values.details, values.documents, values.updated_at, userId, "draft"),
      );
      if (Number(updated.numAffectedRows ?? 0) === 0) {
        await trx
          .insertInto("applications")
          .values({ id: randomUUID(), user_id: userId, reference: null, status: "draft", created_at: now, reasons: "[]", ...values })
          .execute();
      }
    },

    async holdDraft({ userId, draft, platform, previousReference, workspace }, at) {
      await store.saveDraft(userId, draft, at);
      await trx
        .updateTable("applications")
        .set({
          held_at: at.toISOString(),
          held_platform: platform,
          held_previous_reference: previousReference ?? null,
          workspace_team_id: workspace?.teamId ?? null,
          workspace_enterprise_id: workspace?.enterpriseId ?? null,
        })
        .where("user_id", "=", userId)
        .where("status", "=", "draft")
        .execute();
    },

    async heldDrafts() {
      const rows = await trx
        .selectFrom("applications")
        .select([
          "user_id",
          "details",
          "documents",
          "held_platform",
          "held_previous_reference",
          "workspace_team_id",
          "workspace_enterprise_id",
        ])
        .where("status", "=", "draft")
        .where("held_at", "is not", null)
        .orderBy("held_at")
        .execute();
      return rows.map((row): HeldDraft => {
        const workspace = workspaceFromRow(row);
        return {
          userId: row.user_id,
          draft: draftFromRow(row, sealer),
          platform: (row.held_platform ?? "console") as Platform,
          ...(row.held_previous_reference ? { previousReference: row.held_previous_reference } : {}),
          ...(workspace ? { workspace } : {}),
        };
      });
    },

    async isReferenceTaken(reference) {
      const application = await trx.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirst();
      const request = await trx.selectFrom("support_requests").select("reference").where("reference", "=", reference).executeTakeFirst();
      return application !== undefined || request !== undefined;
    },

    async submitApplication(submission) {
      const now = submission.submittedAt.toISOString();
      await trx.deleteFrom("applications").where("user_id", "=", submission.userId).where("status", "=", "draft").execute();
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
          ...draftColumns(submission.draft, sealer),
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
      await writeDigests(trx, sealer, id, submission.draft);
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
      return historyFromRows(rows, sealer);
    },

    loadApplication: (reference) => loadApplicationForReview(trx, sealer, reference),

    async setStatus(change) {
      const application = await trx.selectFrom("applications").select("id").where("reference", "=", change.reference).executeTakeFirst();
      if (!application) return false;
      const at = change.at.toISOString();
      // Compare-and-set on the status and review state the decision was taken from: of two concurrent changes, one updates the row.
      const updated = await trx
        .updateTable("applications")
        .set({
          status: change.to,
          updated_at: at,
          ...(change.decision ? { decided_at: at, decided_by: change.decision.by, note: sealNullable(change.decision.note, sealer) } : {}),
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
          note: sealNullable(change.auditNote, sealer),
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
        .select(["id", "status", "details", "documents"])
        .where("reference", "=", reference)
        .executeTakeFirst();
      if (!row) return;
      await keepRevision(row, fields, actor, platform, at);
      await trx
        .updateTable("applications")
        .set({ ...draftColumns(draft, sealer), updated_at: at.toISOString() })
        .where("id", "=", row.id)
        .execute();
      await writeDigests(trx, sealer, row.id, draft);
      await audit(row, actor, platform, at, `revised:${fields.join(",")}`);
    },

    async updateContactDetails(userId, field, value, actor, platform, at) {
      const latest = await latestSubmitted(trx, userId);
      if (!latest) return false;
      const details = { ...openDetails(latest.details, sealer), [field]: value };
      await keepRevision(latest, [field], actor, platform, at);
      await trx
        .updateTable("applications")
        .set({ details: sealer.sealText(JSON.stringify(details)), updated_at: at.toISOString() })
        .where("id", "=", latest.id)
        .execute();
      await audit(latest, actor, platform, at, `${field}_updated`);
      return true;
    },

    async latestContactDetails(userId) {
      const latest = await latestSubmitted(trx, userId);
      if (!latest) return null;
      const { email, phone } = openDetails(latest.details, sealer) as { email?: string; phone?: string };
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
      return takeDue(trx, sealer, due, { reviewers_reminded_at: now.toISOString() });
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
      return takeDue(trx, sealer, due, { user_told_overdue_at: now.toISOString() });
    },
  };

  /** The details a change replaces, kept sealed with the changed fields' names. */
  async function keepRevision(
    row: { id: string; details: string; documents: string },
    fields: string[],
    actor: string,
    platform: Platform,
    at: Date,
  ): Promise<void> {
    const previous = sealer.sealText(JSON.stringify({ details: openDetails(row.details, sealer), documents: JSON.parse(row.documents) }));
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
