import { type Kysely, sql } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // The one-time-code ledger counts per user by a keyed hash of the user's id, not the id itself: its rows then hold
  // nothing personal and stay for their 24 hours when the user erases their data (erase → register → new codes was
  // a way around the limits). Rows from before this migration lose their user (their per-number counts stay).
  await db.schema.alterTable("one_time_code_events").renameColumn("user_id", "user_hash").execute();
  await sql`update one_time_code_events set user_hash = ''`.execute(db);
  // Keys the service needs to stay the same across data-key rotations (the ledger's hash key), sealed under the data
  // keys like any personal value: `keys rotate` re-seals them, their value never changes.
  await db.schema
    .createTable("service_keys")
    .addColumn("purpose", "text", (c) => c.primaryKey())
    .addColumn("sealed", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("service_keys").execute();
  await db.schema.alterTable("one_time_code_events").renameColumn("user_hash", "user_id").execute();
}
