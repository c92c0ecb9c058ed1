import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // Only replies not yet confirmed carry their user (erasure finds them by it); confirmed ones are
  // null. The full index held an entry for every event still kept and moved each one twice — in at a
  // random user's leaf, out to the nulls on confirmation. Partial, it holds only the replies in
  // flight: a few pages, shared by the events of a commit (bench/README.md). Building it reads the
  // table once (a day of events), holding its writes meanwhile: ~0.1 s a million events, at start.
  await db.schema.dropIndex("processed_events_replies_user_idx").execute();
  await db.schema
    .createIndex("processed_events_unconfirmed_replies_idx")
    .on("processed_events")
    .column("replies_user_id")
    .where("replies_user_id", "is not", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("processed_events_unconfirmed_replies_idx").execute();
  await db.schema.createIndex("processed_events_replies_user_idx").on("processed_events").column("replies_user_id").execute();
}
