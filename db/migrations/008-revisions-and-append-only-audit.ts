import type { Kysely } from "kysely";
import { appendOnly, dropAppendOnly, numberedKey } from "./portable.js";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // Every change of a submitted application's details keeps what it replaced (sealed) and which fields changed.
  await db.schema
    .createTable("application_revisions")
    .addColumn("id", "integer", numberedKey(db))
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("platform", "text")
    // JSON array of field names (never values).
    .addColumn("fields", "text", (c) => c.notNull())
    // The previous answers and documents, sealed.
    .addColumn("previous", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("application_revisions_application_idx")
    .on("application_revisions")
    .columns(["application_id", "at"])
    .execute();
  // The audit log is append-only: no row is deleted, and no row's facts change. Only a note's sealing
  // may be rewritten (`cli keys rotate` re-seals it with a new key; the text stays the same).
  await appendOnly(db, "audit_log", ["application_id", "actor", "platform", "at", "from_status", "to_status", "reason"]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropAppendOnly(db, "audit_log");
  await db.schema.dropTable("application_revisions").execute();
}
