import type { Kysely, Transaction, Updateable } from "kysely";
import type { ApplicationForReview } from "../src/ports/application-store.js";
import { loadApplicationForReview } from "./application-for-review.js";
import type { ApplicationsTable, Database } from "./schema.js";
import type { Vault } from "./vault.js";

/**
 * Marks each due application done (`mark`: the column saying so) and loads it, in the caller's
 * transaction: a scheduler task taken this way is done at most once, whichever instance ticks.
 */
export async function takeDue(
  trx: Transaction<Database> | Kysely<Database>,
  vault: Vault,
  due: ReadonlyArray<{ reference: string | null }>,
  mark: Updateable<ApplicationsTable>,
): Promise<ApplicationForReview[]> {
  const applications: ApplicationForReview[] = [];
  for (const { reference } of due) {
    if (!reference) continue;
    await trx.updateTable("applications").set(mark).where("reference", "=", reference).execute();
    const application = await loadApplicationForReview(trx, vault, reference);
    if (application) applications.push(application);
  }
  return applications;
}
