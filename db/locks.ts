import { type Kysely, sql, type Transaction } from "kysely";
import type { Locks } from "../src/ports/locks.js";
import type { Dialect } from "./open-database.js";
import { pgDriver } from "./pg-driver.js";
import type { Database } from "./schema.js";

/**
 * PostgreSQL: BEGIN and the chat's lock as one simple query (one round trip instead of two), so two
 * instances handling updates of one chat take turns and each reads what the other committed. The
 * name is a quoted literal there, since the simple protocol takes no parameters.
 */
export const beginLockingChat = (platform: string, chatId: string) =>
  sql.raw(`begin; select pg_advisory_xact_lock(hashtextextended(${pgDriver().escapeLiteral(`chat:${platform}:${chatId}`)}, 0))`);

/** Advisory locks on PostgreSQL, keyed by a 64-bit hash of their name; granted at once on SQLite (one writer). */
export function sqlLocks(trx: Transaction<Database> | Kysely<Database>, dialect: Dialect): Locks {
  const key = (name: string) => sql`hashtextextended(${name}, 0)`;
  return {
    async tryLock(name) {
      if (dialect !== "postgres") return true;
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key(`job:${name}`)}) as locked`.execute(trx);
      return rows[0]?.locked === true;
    },
  };
}
