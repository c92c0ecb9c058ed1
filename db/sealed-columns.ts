import { type Kysely, sql } from "kysely";
import type { SealedColumns } from "../src/ports/key-rotation.js";
import type { Sealer } from "../src/ports/sealer.js";
import type { Database } from "./schema.js";

/** Every sealed column (personal data, and the service keys), with the key that finds its row. */
const SEALED = [
  { table: "applications", keys: ["id"], column: "details" },
  { table: "applications", keys: ["id"], column: "note" },
  { table: "conversations", keys: ["platform", "chat_id"], column: "snapshot" },
  { table: "support_requests", keys: ["reference"], column: "question" },
  { table: "faq_misses", keys: ["id"], column: "question" },
  { table: "deliveries", keys: ["notification_id", "channel"], column: "address" },
  { table: "notifications", keys: ["id"], column: "content" },
  { table: "audit_log", keys: ["id"], column: "note" },
  { table: "application_revisions", keys: ["id"], column: "previous" },
  { table: "processed_events", keys: ["platform", "event_id"], column: "replies" },
  { table: "service_keys", keys: ["purpose"], column: "sealed" },
] as const;

/** The sealed columns of the store, re-sealed in batches: each batch is one transaction, so a stopped rotation resumes. */
export function sqlSealedColumns(db: Kysely<Database>, sealer: Sealer): SealedColumns {
  // A prefix comparison, not LIKE: a key id may contain "_", which LIKE would take for any character.
  const current = `enc1:${sealer.currentKeyId}:`;
  const stale = (column: string) => sql`${sql.ref(column)} is not null and substr(${sql.ref(column)}, 1, ${current.length}) <> ${current}`;
  return {
    async remaining() {
      let total = 0;
      for (const { table, column } of SEALED) {
        const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where ${stale(column)}`.execute(
          db,
        );
        total += Number(rows[0]?.n ?? 0);
      }
      return total;
    },

    async resealBatch(limit) {
      return db.transaction().execute(async (trx) => {
        let done = 0;
        for (const { table, keys, column } of SEALED) {
          if (done >= limit) break;
          const { rows } = await sql<
            Record<string, string>
          >`select ${sql.join(keys.map((key) => sql.ref(key)))}, ${sql.ref(column)} as value
            from ${sql.table(table)} where ${stale(column)} limit ${limit - done}`.execute(trx);
          for (const row of rows) {
            const where = sql.join(
              keys.map((key) => sql`${sql.ref(key)} = ${row[key]}`),
              sql` and `,
            );
            const value = sealer.sealText(sealer.openText(row.value!));
            await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where ${where}`.execute(trx);
          }
          done += rows.length;
        }
        return done;
      });
    },
  };
}
