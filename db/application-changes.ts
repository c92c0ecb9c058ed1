import type { Kysely, Transaction } from "kysely";
import type { ApplicationForReview } from "../src/ports/application-store.js";
import { draftFromRow, openNullable, parseJson } from "./rows.js";
import type { Database } from "./schema.js";
import { place, type Vault } from "./vault.js";

type Db = Transaction<Database> | Kysely<Database>;

/**
 * What reviewers need to see what changed: the application's latest revision (information provided,
 * a number fixed) with the answers before it, and the application a resubmission follows — its
 * reference, outcome, reasons, reviewer's note and answers. Personal data opened here is shown only
 * in the private view; the card names fields, never values.
 */
export async function changesOf(
  trx: Db,
  vault: Vault,
  application: { id: string; userId: string; previousApplicationId: string | null },
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
        .select(["id", "user_id", "reference", "status", "reasons", "note", "decided_at", "details", "documents"])
        .where("id", "=", application.previousApplicationId)
        .executeTakeFirst()
    : undefined;
  const seal = await vault.user(trx, application.userId);
  const previousSeal = await vault.owner(trx, previous?.user_id ?? null);
  return {
    lastRevision: revision
      ? {
          at: revision.at,
          fields: parseJson(revision.fields) as string[],
          before: (() => {
            const { details, documents } = parseJson(
              seal.open(revision.previous, place("application_revisions", "previous", application.id)),
            ) as { details: object; documents: object };
            return { ...details, documents } as ApplicationForReview["draft"];
          })(),
        }
      : null,
    follows: previous
      ? {
          reference: previous.reference ?? "",
          status: previous.status as ApplicationForReview["status"],
          reasons: parseJson(previous.reasons) as ApplicationForReview["reasons"],
          note: openNullable(previous.note, previousSeal, place("applications", "note", previous.id)),
          decidedAt: previous.decided_at,
          draft: draftFromRow(previous, previousSeal),
        }
      : null,
  };
}
