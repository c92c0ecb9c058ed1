import { type Kysely, sql } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // A user's request still waiting for the team, found when they ask for a person again (a message is
  // added to it instead of a second request). Partial: only the requests waiting, a few pages.
  await db.schema
    .createIndex("support_requests_waiting_idx")
    .on("support_requests")
    .column("user_id")
    .where(sql.ref("answered_at"), "is", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("support_requests_waiting_idx").execute();
}
