import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // What an event answered (sealed), kept until the platform accepted it: after a crash between the
  // commit and sending, the redelivered update sends them. Whose they are, so an erasure reaches them.
  await db.schema.alterTable("processed_events").addColumn("replies", "text").execute();
  await db.schema.alterTable("processed_events").addColumn("replies_user_id", "text").execute();
  await db.schema.createIndex("processed_events_replies_user_idx").on("processed_events").column("replies_user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("processed_events_replies_user_idx").execute();
  await db.schema.alterTable("processed_events").dropColumn("replies_user_id").execute();
  await db.schema.alterTable("processed_events").dropColumn("replies").execute();
}
