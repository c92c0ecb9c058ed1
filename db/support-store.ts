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
  };
}
