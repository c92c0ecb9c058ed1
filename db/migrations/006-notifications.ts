import { type Kysely, sql } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reference", "text")
    .addColumn("announcement_id", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    // JSON: the messages (keys and parameters, no language yet) for chat, email subject and SMS.
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("notifications_user_idx").on("notifications").columns(["user_id", "created_at"]).execute();
  // An announcement reaches each user once, however often the sending is resumed.
  await db.schema
    .createIndex("notifications_announcement_user_idx")
    .on("notifications")
    .columns(["announcement_id", "user_id"])
    .unique()
    .where(sql.ref("announcement_id"), "is not", null)
    .execute();
  await db.schema
    .createTable("deliveries")
    .addColumn("notification_id", "text", (c) => c.notNull().references("notifications.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    // `platform:chatId`, an email address or a phone number: personal data, never logged.
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_attempt_at", "text")
    .addColumn("failure", "text")
    .addPrimaryKeyConstraint("deliveries_pk", ["notification_id", "channel"])
    .execute();
  await db.schema.createIndex("deliveries_due_idx").on("deliveries").columns(["status", "next_attempt_at"]).execute();
  await db.schema
    .createTable("announcements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("text_zh", "text", (c) => c.notNull())
    .addColumn("text_en", "text", (c) => c.notNull())
    .addColumn("since", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  // A submission held during maintenance: the draft waits with this mark and goes through when maintenance ends.
  await db.schema.alterTable("applications").addColumn("held_at", "text").execute();
  await db.schema.alterTable("applications").addColumn("held_platform", "text").execute();
  await db.schema.alterTable("applications").addColumn("held_previous_reference", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").dropColumn("held_previous_reference").execute();
  await db.schema.alterTable("applications").dropColumn("held_platform").execute();
  await db.schema.alterTable("applications").dropColumn("held_at").execute();
  for (const table of ["settings", "announcements", "deliveries", "notifications"]) await db.schema.dropTable(table).execute();
}
