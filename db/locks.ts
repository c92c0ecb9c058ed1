import { type Kysely, sql, type Transaction } from "kysely";
import pg from "pg";
import type { Locks } from "../src/ports/locks.js";
import type { Dialect } from "./open-database.js";
import type { Database } from "./schema.js";

const { escapeLiteral } = pg;

/** The advisory lock's name of a chat. */
export const chatLockName = (platform: string, chatId: string) => `chat:${platform}:${chatId}`;

/**
 * BEGIN and the chat's lock as one simple query (one round trip instead of two); the name is a quoted
 * literal there, since the simple protocol takes no parameters.
 */
export const beginLockingChat = (platform: string, chatId: string) =>
  sql.raw(`begin; select pg_advisory_xact_lock(hashtextextended(${escapeLiteral(chatLockName(platform, chatId))}, 0))`);

/**
 * Advisory locks on PostgreSQL, keyed by a 64-bit hash of their name; granted at once on SQLite (one
 * writer). `heldChat`: the chat lock this transaction took as it began (`beginLockingChat`).
 */
export function sqlLocks(trx: Transaction<Database> | Kysely<Database>, dialect: Dialect, heldChat?: string): Locks {
  const key = (name: string) => sql`hashtextextended(${name}, 0)`;
  return {
    async lockChat(platform, chatId) {
      const name = chatLockName(platform, chatId);
      if (dialect === "postgres" && name !== heldChat) await sql`select pg_advisory_xact_lock(${key(name)})`.execute(trx);
    },
    async tryLock(name) {
      if (dialect !== "postgres") return true;
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key(`job:${name}`)}) as locked`.execute(trx);
      return rows[0]?.locked === true;
    },
  };
}
