import type { Kysely } from "kysely";
import { numberedKey } from "./portable.js";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // Questions the FAQ missed (no topic, "Did you mean", a 👎), for operators to learn from. The text is sealed and
  // erased after RETENTION_DAYS; no user id is kept with it.
  await db.schema
    .createTable("faq_misses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("topic", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("faq_misses_created_idx").on("faq_misses").column("created_at").execute();
  // Phrasings operators taught: examples the matcher adds to its own on every instance.
  await db.schema
    .createTable("faq_phrasings")
    .addColumn("id", "integer", numberedKey(db))
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("faq_phrasings").execute();
  await db.schema.dropTable("faq_misses").execute();
}
