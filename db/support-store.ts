import type { Kysely, Transaction } from "kysely";
import type { SupportStore } from "../src/ports/support-store.js";
import { openNullable, sealNullable } from "./rows.js";
import type { Database } from "./schema.js";
import { place, type Vault } from "./vault.js";

export function sqlSupportStore(trx: Transaction<Database> | Kysely<Database>, vault: Vault): SupportStore {
  return {
    async recordSupportRequest(request) {
      await trx
        .insertInto("support_requests")
        .values({
          reference: request.reference,
          user_id: request.userId,
          platform: request.platform,
          platform_user_id: request.platformUserId,
          question: sealNullable(
            request.question,
            await vault.user(trx, request.userId),
            place("support_requests", "question", request.reference),
          ),
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

    async waitingSupportRequest(userId) {
      const row = await trx
        .selectFrom("support_requests")
        .select(["reference", "question", "created_at"])
        .where("user_id", "=", userId)
        .where("answered_at", "is", null)
        .orderBy("created_at", "desc")
        .limit(1)
        .executeTakeFirst();
      if (!row) return null;
      const question = openNullable(row.question, await vault.user(trx, userId), place("support_requests", "question", row.reference));
      return { reference: row.reference, question, createdAt: row.created_at };
    },

    async setSupportQuestion(reference, userId, question) {
      const sealed = sealNullable(question, await vault.user(trx, userId), place("support_requests", "question", reference));
      await trx.updateTable("support_requests").set({ question: sealed }).where("reference", "=", reference).execute();
    },
  };
}
