import type { Kysely, Transaction } from "kysely";
import type { LifecycleStatus, Step } from "../src/domain/application.js";
import type { RejectionReason } from "../src/domain/rejection-reasons.js";
import type { ApplicationForReview } from "../src/ports/application-store.js";
import { changesOf } from "./application-changes.js";
import { earlierApplicationsOf } from "./earlier-applications.js";
import { duplicatesOf } from "./identity-digests.js";
import { sqlReviewerNameStore } from "./reviewer-names.js";
import { draftFromRow, openNullable, parseJson, workspaceFromRow } from "./rows.js";
import type { Database } from "./schema.js";
import { place, type Vault } from "./vault.js";

type Db = Transaction<Database> | Kysely<Database>;

/**
 * An application as reviewers and its lifecycle see it: the row, opened, with what is read beside
 * it — other users' applications sharing its numbers, the applicant's earlier ones, reviewers' names.
 * Null for an unknown reference or a draft.
 */
export async function loadApplicationForReview(trx: Db, vault: Vault, reference: string): Promise<ApplicationForReview | null> {
  const row = await trx.selectFrom("applications").selectAll().where("reference", "=", reference).executeTakeFirst();
  if (!row || row.status === "draft") return null;
  const seal = await vault.user(trx, row.user_id);
  return {
    reference,
    previousApplicationId: row.previous_application_id,
    workspace: workspaceFromRow(row),
    userId: row.user_id,
    status: row.status as LifecycleStatus,
    draft: draftFromRow(row, seal),
    submittedAt: row.submitted_at ?? "",
    expectedBy: row.expected_by ?? "",
    reasons: parseJson(row.reasons) as RejectionReason[],
    note: openNullable(row.note, seal, place("applications", "note", row.id)),
    requestedItems: parseJson(row.requested_items) as Step[],
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    duplicates: await duplicatesOf(trx, row.id, row.user_id),
    ...(await earlierApplicationsOf(trx, {
      id: row.id,
      userId: row.user_id,
      submittedAt: row.submitted_at ?? "",
      previousApplicationId: row.previous_application_id,
    })),
    ...(await changesOf(trx, vault, { id: row.id, userId: row.user_id, previousApplicationId: row.previous_application_id })),
    erasedAt: row.erased_at,
    claim: row.claimed_by && row.claimed_until ? { by: row.claimed_by, until: row.claimed_until } : null,
    firstApproval: row.first_approved_by && row.first_approved_at ? { by: row.first_approved_by, at: row.first_approved_at } : null,
    reviewerNames: await sqlReviewerNameStore(trx).reviewerNames(
      [row.decided_by, row.claimed_by, row.first_approved_by].filter((actor): actor is string => actor !== null),
    ),
  };
}
