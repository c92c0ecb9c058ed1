import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // Until when a dispatcher (or the instance that sent a chat message live) holds a delivery it is sending:
  // after that, another instance takes it as interrupted. Null on rows claimed before leases: expired.
  await db.schema.alterTable("deliveries").addColumn("lease_until", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("deliveries").dropColumn("lease_until").execute();
}
