import { type Kysely, type RawBuilder, sql } from "kysely";
import type { SealedColumns } from "../src/ports/key-rotation.js";
import type { Database } from "./schema.js";
import { place, type Vault } from "./vault.js";

interface SealedColumn {
  table: string;
  column: string;
  /** The columns that find the row. */
  keys: readonly string[];
  /** The columns of its place (`db/vault.ts`): its key, or its application's where the row's id exists only once inserted. */
  row: readonly string[];
  /** Whose value it is (a user id), or null: the service's, sealed under the data keys. */
  owner: RawBuilder<string | null>;
}

const NOBODY = sql<null>`null`;
const applicationOwner = sql<string>`(select user_id from applications a where a.id = application_id)`;

/** Every sealed column: personal data (under its user's key), the service's keys and users' keys (under the data keys). */
const SEALED: readonly SealedColumn[] = [
  // An erased application's answers are "{}", nobody's.
  { table: "applications", column: "details", keys: ["id"], row: ["id"], owner: sql`case when erased_at is null then user_id end` },
  { table: "applications", column: "note", keys: ["id"], row: ["id"], owner: sql`user_id` },
  { table: "conversations", column: "snapshot", keys: ["platform", "chat_id"], row: ["platform", "chat_id"], owner: sql`user_id` },
  { table: "support_requests", column: "question", keys: ["reference"], row: ["reference"], owner: sql`user_id` },
  { table: "faq_misses", column: "question", keys: ["id"], row: ["id"], owner: NOBODY },
  {
    table: "deliveries",
    column: "address",
    keys: ["notification_id", "channel"],
    row: ["notification_id", "channel"],
    owner: sql`(select user_id from notifications n where n.id = notification_id)`,
  },
  { table: "notifications", column: "content", keys: ["id"], row: ["id"], owner: sql`user_id` },
  { table: "audit_log", column: "note", keys: ["id"], row: ["application_id"], owner: applicationOwner },
  { table: "application_revisions", column: "previous", keys: ["id"], row: ["application_id"], owner: applicationOwner },
  {
    table: "processed_events",
    column: "replies",
    keys: ["platform", "event_id"],
    row: ["platform", "event_id"],
    owner: sql`replies_user_id`,
  },
  { table: "service_keys", column: "sealed", keys: ["purpose"], row: ["purpose"], owner: NOBODY },
  { table: "user_keys", column: "wrapped", keys: ["user_id"], row: ["user_id"], owner: NOBODY },
];

/**
 * The sealed columns of the store, re-sealed in batches (`cli keys rotate`): values under an older
 * data key, in an older format (before they were bound to their place or their user's key) or
 * stored before encryption. Users' values need nothing: only their wrapped keys are re-sealed.
 * Each batch is one transaction, so a stopped rotation resumes.
 */
export function sqlSealedColumns(db: Kysely<Database>, vault: Vault): SealedColumns {
  // Prefix comparisons, not LIKE: a key id may contain "_", which LIKE would take for any character.
  const current = `enc2:${vault.sealer.currentKeyId}:`;
  const stale = (column: string) =>
    sql`${sql.ref(column)} is not null and substr(${sql.ref(column)}, 1, 5) <> 'encu:' and substr(${sql.ref(column)}, 1, ${current.length}) <> ${current}`;
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
        for (const sealed of SEALED) {
          if (done >= limit) break;
          const { table, keys, row: rowColumns, column, owner } = sealed;
          const columns = [...new Set([...keys, ...rowColumns])];
          const { rows } = await sql<Record<string, string>>`select ${sql.join(columns.map((key) => sql.ref(key)))},
              ${sql.ref(column)} as value, ${owner} as owner
            from ${sql.table(table)} where ${stale(column)} limit ${limit - done}`.execute(trx);
          for (const row of rows) {
            const at = place(table, column, ...rowColumns.map((key) => String(row[key])));
            const plain = vault.sealer.openText(row.value!, at, undefined, { acceptUnsealed: true });
            const seal = await vault.owner(trx, row.owner ?? null);
            const where = sql.join(
              keys.map((key) => sql`${sql.ref(key)} = ${row[key]}`),
              sql` and `,
            );
            await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${seal.text(plain, at)} where ${where}`.execute(trx);
          }
          done += rows.length;
        }
        return done;
      });
    },
  };
}
