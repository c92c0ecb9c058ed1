import type { Kysely, Transaction } from "kysely";
import type { FaqTopic } from "../src/domain/faq-topics.js";
import type { FaqLearningStore, FaqMissOutcome, FaqMissWriter } from "../src/ports/faq-learning-store.js";
import type { Database } from "./schema.js";
import { place, type Vault } from "./vault.js";

/** In the chat's transaction: a missed question, kept without the user, so sealed under the data keys (nobody's). */
export function sqlFaqMissWriter(trx: Transaction<Database> | Kysely<Database>, vault: Vault): FaqMissWriter {
  return {
    async noteFaqMiss(miss) {
      await trx
        .insertInto("faq_misses")
        .values({
          id: miss.id,
          question: vault.service.text(miss.question, place("faq_misses", "question", miss.id)),
          outcome: miss.outcome,
          topic: miss.topic,
          created_at: miss.at.toISOString(),
        })
        .execute();
    },
    async settleFaqMiss(id, topic) {
      await trx.updateTable("faq_misses").set({ topic }).where("id", "=", id).execute();
    },
  };
}

/** Operators' side of what the FAQ learns (`cli faq unmatched|teach|taught|forget`), and each instance's refresh. */
export function sqlFaqLearningStore(db: Kysely<Database>, vault: Vault): FaqLearningStore {
  return {
    async faqMisses(since) {
      let query = db.selectFrom("faq_misses").selectAll().orderBy("created_at");
      if (since) query = query.where("created_at", ">=", since.toISOString());
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        question: vault.service.open(row.question, place("faq_misses", "question", row.id)),
        outcome: row.outcome as FaqMissOutcome,
        topic: row.topic as FaqTopic | null,
        createdAt: row.created_at,
      }));
    },
    async taughtPhrasings() {
      const rows = await db.selectFrom("faq_phrasings").selectAll().orderBy("id").execute();
      return rows.map((row) => ({ id: row.id, question: row.question, topic: row.topic as FaqTopic, createdAt: row.created_at }));
    },
    async teachPhrasing(question, topic, at) {
      const row = await db
        .insertInto("faq_phrasings")
        .values({ question, topic, created_at: at.toISOString() })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async forgetPhrasing(id) {
      const result = await db.deleteFrom("faq_phrasings").where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
