import { type Kysely, sql } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // Every change of a submitted application's details keeps what it replaced (sealed) and which fields changed.
  await db.schema
    .createTable("application_revisions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
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
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_update before update of application_id, actor, platform, at, from_status, to_status, reason on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger audit_log_no_update`.execute(db);
  await sql`drop trigger audit_log_no_delete`.execute(db);
  await db.schema.dropTable("application_revisions").execute();
}
