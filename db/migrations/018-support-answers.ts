import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // When the team answered a chat's support request (`support reply`); null while it waits.
  await db.schema.alterTable("support_requests").addColumn("answered_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("support_requests").dropColumn("answered_at").execute();
}
