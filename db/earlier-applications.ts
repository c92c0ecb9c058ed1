import type { Kysely, Transaction } from "kysely";
import type { LifecycleStatus } from "../src/domain/application.js";
import type { RejectionReason } from "../src/domain/rejection-reasons.js";
import type { ApplicationForReview } from "../src/ports/application-store.js";
import { parseJson } from "./rows.js";
import type { Database } from "./schema.js";

type Db = Transaction<Database> | Kysely<Database>;

/** Earlier applications shown on a card: enough to judge repeated attempts, not the whole history. */
const SHOWN = 5;
const DAY_MS = 86_400_000;

/**
 * The applicant's applications submitted before this one (newest first, at most five), and how many
 * they submitted in the 30 days up to this one (this one included): reviewers judge repeated
 * attempts, since no number of failures takes away the right to apply again.
 */
export async function earlierApplicationsOf(
  trx: Db,
  application: { id: string; userId: string; submittedAt: string; previousApplicationId: string | null },
): Promise<Pick<ApplicationForReview, "earlierApplications" | "applicationsIn30Days" | "previousApplication">> {
  const rows = await trx
    .selectFrom("applications")
    .select(["id", "reference", "status", "reasons", "submitted_at", "decided_at"])
    .where("user_id", "=", application.userId)
    .where("id", "!=", application.id)
    .where("status", "!=", "draft")
    .where("submitted_at", "<", application.submittedAt)
    .orderBy("submitted_at", "desc")
    .execute();
  const monthBefore = new Date(Date.parse(application.submittedAt) - 30 * DAY_MS).toISOString();
  const previous = rows.find((row) => row.id === application.previousApplicationId);
  return {
    previousApplication: previous ? { status: previous.status as LifecycleStatus, decidedAt: previous.decided_at } : null,
    earlierApplications: rows.slice(0, SHOWN).map((row) => ({
      reference: row.reference ?? "",
      status: row.status as LifecycleStatus,
      reasons: parseJson(row.reasons) as RejectionReason[],
      submittedAt: row.submitted_at ?? "",
    })),
    applicationsIn30Days: 1 + rows.filter((row) => (row.submitted_at ?? "") >= monthBefore).length,
  };
}
