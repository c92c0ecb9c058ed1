import type { Kysely, Transaction } from "kysely";
import type { ReviewerNameStore } from "../src/ports/reviewer-name-store.js";
import type { Database } from "./schema.js";

export function sqlReviewerNameStore(trx: Transaction<Database> | Kysely<Database>): ReviewerNameStore {
  return {
    async rememberReviewerName(actor, displayName, at) {
      await trx
        .insertInto("reviewer_names")
        .values({ actor, display_name: displayName, updated_at: at.toISOString() })
        .onConflict((conflict) =>
          conflict
            .column("actor")
            .doUpdateSet({ display_name: displayName, updated_at: at.toISOString() })
            .where("reviewer_names.display_name", "<>", displayName),
        )
        .execute();
    },

    async reviewerNames(actors) {
      const wanted = [...new Set(actors)];
      if (wanted.length === 0) return new Map();
      const rows = await trx.selectFrom("reviewer_names").select(["actor", "display_name"]).where("actor", "in", wanted).execute();
      return new Map(rows.map((row) => [row.actor, row.display_name]));
    },
  };
}
