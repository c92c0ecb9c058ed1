import { type Kysely, sql } from "kysely";
import { numberedKey } from "./portable.js";

// Migrations are frozen in time: they use Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("identities")
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("platform_user_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("identities_pk", ["platform", "platform_user_id"])
    .execute();
  await db.schema.createIndex("identities_user_idx").on("identities").column("user_id").execute();

  await db.schema
    .createTable("applications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("reference", "text", (c) => c.unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("method", "text")
    .addColumn("details", "text", (c) => c.notNull())
    .addColumn("documents", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addColumn("consented_at", "text")
    .addColumn("expected_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("reasons", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema.createIndex("applications_user_idx").on("applications").columns(["user_id", "created_at"]).execute();
  // At most one draft per user: the conversation edits it in place.
  await db.schema
    .createIndex("applications_one_draft_idx")
    .on("applications")
    .column("user_id")
    .unique()
    .where(sql.ref("status"), "=", "draft")
    .execute();
  await db.schema.createIndex("applications_status_idx").on("applications").columns(["status", "submitted_at"]).execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", numberedKey(db))
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id"))
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("platform", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("note", "text")
    .execute();
  await db.schema.createIndex("audit_log_application_idx").on("audit_log").columns(["application_id", "id"]).execute();

  await db.schema
    .createTable("conversations")
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("machine_version", "integer", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("conversations_pk", ["platform", "chat_id"])
    .execute();

  await db.schema
    .createTable("processed_events")
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("processed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("processed_events_pk", ["platform", "event_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["processed_events", "conversations", "audit_log", "applications", "identities", "users"]) {
    await db.schema.dropTable(table).execute();
  }
}
