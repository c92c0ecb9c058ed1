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
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["requested_items", "note", "decided_by", "previous_application_id"]) {
    await db.schema.alterTable("applications").dropColumn(column).execute();
  }
}
