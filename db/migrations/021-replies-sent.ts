import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // How many of an event's replies for its own chat the platform accepted so far: a redelivery after a
  // crash between two of them sends only the rest.
  await db.schema
    .alterTable("processed_events")
    .addColumn("replies_sent", "integer", (column) => column.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("processed_events").dropColumn("replies_sent").execute();
}
