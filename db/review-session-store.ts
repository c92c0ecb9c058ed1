import type { Kysely, Transaction } from "kysely";
import type { Step } from "../src/domain/application.js";
import type { RejectionReason } from "../src/domain/rejection-reasons.js";
import type { ReviewSessionStore } from "../src/ports/review-session-store.js";
import { parseJson } from "./rows.js";
import type { Database } from "./schema.js";

export function sqlReviewSessionStore(trx: Transaction<Database> | Kysely<Database>): ReviewSessionStore {
  return {
    async loadReviewSession(reviewer) {
      const row = await trx
        .selectFrom("review_sessions")
        .select(["reference", "reasons", "items"])
        .where("platform", "=", reviewer.platform)
        .where("chat_id", "=", reviewer.chatId)
        .executeTakeFirst();
      return row
        ? { reference: row.reference, reasons: parseJson(row.reasons) as RejectionReason[], items: parseJson(row.items) as Step[] }
        : null;
    },

    async saveReviewSession(reviewer, session, at) {
      await trx.deleteFrom("review_sessions").where("platform", "=", reviewer.platform).where("chat_id", "=", reviewer.chatId).execute();
      if (!session) return;
      await trx
        .insertInto("review_sessions")
        .values({
          platform: reviewer.platform,
          chat_id: reviewer.chatId,
          reference: session.reference,
          reasons: JSON.stringify(session.reasons),
          items: JSON.stringify(session.items),
          created_at: at.toISOString(),
        })
        .execute();
    },
  };
}
