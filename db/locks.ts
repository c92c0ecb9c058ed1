import { type Kysely, sql, type Transaction } from "kysely";
import type { Locks } from "../src/ports/locks.js";
import type { Dialect } from "./open-database.js";
import type { Database } from "./schema.js";

/** Advisory locks on PostgreSQL, keyed by a 64-bit hash of their name; granted at once on SQLite (one writer). */
export function sqlLocks(trx: Transaction<Database> | Kysely<Database>, dialect: Dialect): Locks {
  const key = (name: string) => sql`hashtextextended(${name}, 0)`;
  return {
    async lockChat(platform, chatId) {
      if (dialect === "postgres") await sql`select pg_advisory_xact_lock(${key(`chat:${platform}:${chatId}`)})`.execute(trx);
    },
    async tryLock(name) {
      if (dialect !== "postgres") return true;
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key(`job:${name}`)}) as locked`.execute(trx);
      return rows[0]?.locked === true;
    },
  };
}
