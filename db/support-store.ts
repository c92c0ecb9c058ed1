import type { Kysely, Transaction } from "kysely";
import type { Sealer } from "../src/ports/sealer.js";
import type { SupportStore } from "../src/ports/support-store.js";
import { sealNullable } from "./rows.js";
import type { Database } from "./schema.js";

export function sqlSupportStore(trx: Transaction<Database> | Kysely<Database>, sealer: Sealer): SupportStore {
  return {
    async recordSupportRequest(request) {
      await trx
        .insertInto("support_requests")
        .values({
          reference: request.reference,
          user_id: request.userId,
          platform: request.platform,
          platform_user_id: request.platformUserId,
          question: sealNullable(request.question, sealer),
          created_at: request.at.toISOString(),
        })
        .execute();
    },

    async supportRequest(reference) {
      const row = await trx
        .selectFrom("support_requests")
        .select(["user_id", "answered_at"])
        .where("reference", "=", reference)
        .executeTakeFirst();
      return row ? { userId: row.user_id, answeredAt: row.answered_at } : null;
    },

    async markSupportAnswered(reference, at) {
      await trx.updateTable("support_requests").set({ answered_at: at.toISOString() }).where("reference", "=", reference).execute();
    },
  };
}
