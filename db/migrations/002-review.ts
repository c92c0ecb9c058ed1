import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").addColumn("previous_application_id", "text").execute();
  await db.schema.alterTable("applications").addColumn("decided_by", "text").execute();
  await db.schema.alterTable("applications").addColumn("note", "text").execute();
  await db.schema
    .alterTable("applications")
    .addColumn("requested_items", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  // Due times the scheduler tick acts on (no in-memory timers for things that take days).
  await db.schema.alterTable("applications").addColumn("remind_reviewers_at", "text").execute();
  await db.schema.alterTable("applications").addColumn("reviewers_reminded_at", "text").execute();
  await db.schema.alterTable("applications").addColumn("user_told_overdue_at", "text").execute();
  // A reviewer who chose rejection reasons and is about to type a note for the user.
  await db.schema
    .createTable("review_sessions")
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("review_sessions_pk", ["platform", "chat_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("review_sessions").execute();
  for (const column of [
    "user_told_overdue_at",
    "reviewers_reminded_at",
    "remind_reviewers_at",
    "requested_items",
    "note",
    "decided_by",
    "previous_application_id",
  ]) {
    await db.schema.alterTable("applications").dropColumn(column).execute();
  }
}
