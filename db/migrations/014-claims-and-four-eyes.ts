import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // A reviewer's claim ("I'm on it"): others' decisions are refused until it runs out or is released.
  await db.schema.alterTable("applications").addColumn("claimed_by", "text").execute();
  await db.schema.alterTable("applications").addColumn("claimed_until", "text").execute();
  // Four eyes: the first of two approvals, waiting for a second, different reviewer.
  await db.schema.alterTable("applications").addColumn("first_approved_by", "text").execute();
  await db.schema.alterTable("applications").addColumn("first_approved_at", "text").execute();
  // Phone digests too, so a reviewer is recognised as the applicant by phone; only numbers flag duplicates.
  await db.schema
    .alterTable("identity_digests")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("number"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("identity_digests").dropColumn("kind").execute();
  for (const column of ["first_approved_at", "first_approved_by", "claimed_until", "claimed_by"])
    await db.schema.alterTable("applications").dropColumn(column).execute();
}
