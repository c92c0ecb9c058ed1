import type { Kysely } from "kysely";
import { numberedKey } from "./portable.js";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("webhook_events")
    // The order events were queued in: an application's events are sent in it.
    .addColumn("seq", "integer", numberedKey(db))
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    // The JSON posted, byte for byte (the signature covers it); no personal data.
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("lease_until", "text")
    .addColumn("last_error", "text")
    // The first failure of the current streak: a receiver failing for a day is reported.
    .addColumn("failing_since", "text")
    .addColumn("delivered_at", "text")
    .execute();
  await db.schema.createIndex("webhook_events_due_idx").on("webhook_events").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("webhook_events_reference_idx").on("webhook_events").columns(["reference", "seq"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("webhook_events").execute();
}
