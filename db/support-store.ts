import type { Kysely, Transaction } from "kysely";
import type { SupportStore } from "../src/ports/support-store.js";
import type { Database } from "./schema.js";

export function sqlSupportStore(trx: Transaction<Database> | Kysely<Database>): SupportStore {
  return {
    async recordSupportRequest(request) {
      await trx
        .insertInto("support_requests")
        .values({
          reference: request.reference,
          user_id: request.userId,
          platform: request.platform,
          platform_user_id: request.platformUserId,
          question: request.question,
          created_at: request.at.toISOString(),
        })
        .execute();
    },
  };
}
