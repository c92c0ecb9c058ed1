import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // How reviewers are named to each other on cards and in the queue (a platform display name), instead of their
  // actor id. Staff names, not applicants' data: kept while the reviewer acts, rewritten when it changes.
  await db.schema
    .createTable("reviewer_names")
    .addColumn("actor", "text", (c) => c.primaryKey())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // A request for more information typed in a chat (Telegram, the console) waits for its note to the applicant as a
  // rejection waits for its note: the session holds the items chosen.
  await db.schema
    .alterTable("review_sessions")
    .addColumn("items", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("review_sessions").dropColumn("items").execute();
  await db.schema.dropTable("reviewer_names").execute();
}
