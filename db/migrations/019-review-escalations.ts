import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // The local date an overdue application nobody held was last announced to REVIEW_ESCALATE_TO (once per business day).
  await db.schema.alterTable("applications").addColumn("escalated_on", "text").execute();
  // Refusals of forged review buttons are audited once per actor per hour: found by actor and time.
  await db.schema.createIndex("audit_log_actor_at_idx").on("audit_log").columns(["actor", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_log_actor_at_idx").execute();
  await db.schema.alterTable("applications").dropColumn("escalated_on").execute();
}
