import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // The local date an overdue application nobody held was last announced to REVIEW_ESCALATE_TO (once per business day).
  await db.schema.alterTable("applications").addColumn("escalated_on", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").dropColumn("escalated_on").execute();
}
