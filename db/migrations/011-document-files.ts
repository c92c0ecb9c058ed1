import type { Kysely } from "kysely";
import { isPostgres } from "./portable.js";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // Sealed document bytes by content address, where every instance sees them (used on PostgreSQL;
  // SQLite keeps files under DATA_DIR and leaves this table empty).
  await db.schema
    .createTable("document_files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("bytes", isPostgres(db) ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("written_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("document_files").execute();
}
