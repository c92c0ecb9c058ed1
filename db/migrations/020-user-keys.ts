import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // Each user's own data key, wrapped by the data keys; erasure deletes the row (crypto-shredding).
  await db.schema
    .createTable("user_keys")
    .addColumn("user_id", "text", (column) => column.primaryKey())
    // A document names the key that sealed it: opened by key id.
    .addColumn("key_id", "text", (column) => column.notNull().unique())
    .addColumn("wrapped", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("user_keys").execute();
}
