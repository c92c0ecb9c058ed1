import type { Kysely } from "kysely";
import { appendOnly, dropAppendOnly, numberedKey } from "./portable.js";

// Frozen in time: Kysely<any>, never the current schema types.

export async function up(db: Kysely<any>): Promise<void> {
  // Keyed digests (HMAC) of an application's ID numbers and credit code: duplicates are found without the numbers.
  await db.schema
    .createTable("identity_digests")
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id"))
    .addColumn("digest", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("identity_digests_pk", ["application_id", "digest"])
    .execute();
  await db.schema.createIndex("identity_digests_digest_idx").on("identity_digests").column("digest").execute();
  // Set once an application's personal data is erased (retention or the user's request); the masked number stays.
  await db.schema.alterTable("applications").addColumn("erased_at", "text").execute();
  await db.schema.alterTable("applications").addColumn("masked_identity", "text").execute();
  await db.schema.createIndex("applications_decided_idx").on("applications").columns(["status", "decided_at"]).execute();
  await db.schema.createIndex("conversations_updated_idx").on("conversations").column("updated_at").execute();
  // Every erasure: what kind, whose (internal ids only), how many items, by whom. Append-only like the audit log.
  await db.schema
    .createTable("erasures")
    .addColumn("id", "integer", numberedKey(db))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text")
    .addColumn("items", "integer", (c) => c.notNull())
    .execute();
  await appendOnly(db, "erasures");
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropAppendOnly(db, "erasures");
  await db.schema.dropTable("erasures").execute();
  await db.schema.dropIndex("conversations_updated_idx").execute();
  await db.schema.dropIndex("applications_decided_idx").execute();
  await db.schema.alterTable("applications").dropColumn("masked_identity").execute();
  await db.schema.alterTable("applications").dropColumn("erased_at").execute();
  await db.schema.dropTable("identity_digests").execute();
}
