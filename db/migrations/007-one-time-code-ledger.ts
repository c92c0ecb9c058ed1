import type { Kysely } from "kysely";
import { numberedKey } from "./portable.js";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // One row per code sent and per wrong code typed, for the 24-hour limits. The number is kept only
  // as a keyed hash: the ledger can count per number without holding any number.
  await db.schema
    .createTable("one_time_code_events")
    .addColumn("id", "integer", numberedKey(db))
    .addColumn("phone_hash", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("one_time_code_events_phone_idx").on("one_time_code_events").columns(["phone_hash", "at"]).execute();
  await db.schema.createIndex("one_time_code_events_user_idx").on("one_time_code_events").columns(["user_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("one_time_code_events").execute();
}
