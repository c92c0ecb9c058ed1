import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema.js";
import { withStatementCache } from "./statement-cache.js";

/**
 * Opens the SQLite database with the settings every caller must share:
 * WAL for concurrent readers, `synchronous=FULL` so a committed submission
 * survives power loss (the reply confirming it is sent only after commit),
 * foreign keys on, a busy timeout for the CLI running beside the bot, and
 * secure delete so that erased personal data is overwritten, not just unlinked.
 */
export function openSqlite(path: string): { db: Kysely<Database>; sqlite: SQLite.Database } {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(path);
  applyPragmas(sqlite);
  if (path !== ":memory:") keepPrivate(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, sqlite };
}

/**
 * The database holds personal data (sealed, but still): its folder is 0700 and
 * the database, WAL and shared-memory files 0600, whatever the umask was when
 * they were created.
 */
function keepPrivate(path: string): void {
  chmodSync(dirname(path), 0o700);
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

export function applyPragmas(sqlite: SQLite.Database): void {
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Deleted and overwritten content is zeroed on its page: erased personal data leaves no old copy behind.
  sqlite.pragma("secure_delete = ON");
}
