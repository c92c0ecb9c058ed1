import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // The Slack team (and Enterprise Grid) an application came from; null elsewhere.
  await db.schema.alterTable("applications").addColumn("workspace_team_id", "text").execute();
  await db.schema.alterTable("applications").addColumn("workspace_enterprise_id", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").dropColumn("workspace_enterprise_id").execute();
  await db.schema.alterTable("applications").dropColumn("workspace_team_id").execute();
}
