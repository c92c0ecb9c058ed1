import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("support_requests")
    .addColumn("reference", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("platform_user_id", "text", (c) => c.notNull())
    // The question the assistant could not answer, as typed: personal data, never logged.
    .addColumn("question", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("support_requests_created_idx").on("support_requests").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("support_requests").execute();
}
