import type { Kysely, Transaction } from "kysely";
import type { ApplicationForReview } from "../src/ports/application-store.js";
import type { Sealer } from "../src/ports/sealer.js";
import { draftFromRow, openNullable, parseJson } from "./rows.js";
import type { Database } from "./schema.js";

type Db = Transaction<Database> | Kysely<Database>;

/**
 * What reviewers need to see what changed: the application's latest revision (information provided,
 * a number fixed) with the answers before it, and the application a resubmission follows — its
 * reference, outcome, reasons, reviewer's note and answers. Personal data opened here is shown only
 * in the private view; the card names fields, never values.
 */
export async function changesOf(
  trx: Db,
  sealer: Sealer,
  application: { id: string; previousApplicationId: string | null },
): Promise<Pick<ApplicationForReview, "lastRevision" | "follows">> {
  const revision = await trx
    .selectFrom("application_revisions")
    .select(["at", "fields", "previous"])
    .where("application_id", "=", application.id)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const previous = application.previousApplicationId
    ? await trx
        .selectFrom("applications")
        .select(["reference", "status", "reasons", "note", "decided_at", "details", "documents"])
        .where("id", "=", application.previousApplicationId)
        .executeTakeFirst()
    : undefined;
  return {
    lastRevision: revision
      ? {
          at: revision.at,
          fields: parseJson(revision.fields) as string[],
          before: (() => {
            const { details, documents } = parseJson(sealer.openText(revision.previous)) as { details: object; documents: object };
            return { ...details, documents } as ApplicationForReview["draft"];
          })(),
        }
      : null,
    follows: previous
      ? {
          reference: previous.reference ?? "",
          status: previous.status as ApplicationForReview["status"],
          reasons: parseJson(previous.reasons) as ApplicationForReview["reasons"],
          note: openNullable(previous.note, sealer),
          decidedAt: previous.decided_at,
          draft: draftFromRow(previous, sealer),
        }
      : null,
  };
}
