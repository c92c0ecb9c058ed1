import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { pgDriver } from "./pg-driver.js";
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

/** Where a store lives: `Config.database`'s shape (db/ does not import the configuration). */
export type DatabaseLocation = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string; poolSize: number };

/** Which SQL database a store runs on: the few places that differ ask this. */
export type Dialect = DatabaseLocation["kind"];

/** A Kysely over the configured database, and which kind it is. */
export function openDatabase(target: DatabaseLocation): { db: Kysely<Database>; dialect: Dialect } {
  if (target.kind === "sqlite") return { db: openSqlite(target.path).db, dialect: "sqlite" };
  return { db: openPostgres(target.url, target.poolSize), dialect: "postgres" };
}

const CONNECT_TIMEOUT_MS = 10_000;

/** Socket errors, and the SQLSTATEs of a server starting, stopping or full: worth trying again. */
const CONNECTION_FAILURES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "57P01", // admin_shutdown: the server was stopped or restarted
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up
  "53300", // too_many_connections
]);

/**
 * Whether a database error means the server could not be reached (so a later try may succeed),
 * rather than that it refused what was asked (a wrong password, a missing database, bad SQL).
 */
export function isConnectionFailure(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && CONNECTION_FAILURES.has(code)) return true;
  // pg's own words for a connection that timed out or broke; they carry no code.
  return typeof message === "string" && /timeout exceeded when trying to connect|Connection terminated/i.test(message);
}

/**
 * PostgreSQL through `pg`'s pool. Timestamps and JSON stay text (the schema is
 * portable); `count(*)` comes back as a string and is read with `Number`.
 */
export function openPostgres(url: string, poolSize: number, settings: { waitForWalFlush?: boolean } = {}): Kysely<Database> {
  // A server that swallows packets fails a connection attempt after 10 s instead of holding it forever.
  const pool = new (pgDriver().Pool)({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Commits that may be lost to a crash of the database server (never corrupted): `synchronous_commit` off for this pool.
    ...(settings.waitForWalFlush === false ? { options: "-c synchronous_commit=off" } : {}),
  });
  // An idle connection that breaks (a restarted server) is dropped by the pool; without a listener it would crash the process.
  pool.on("error", () => undefined);
  // So is one that breaks while checked out (the pool takes its listener off then): the statement running, or the
  // transaction's next one, fails with the error; the event itself must not reach the process as an uncaught exception.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Whether the assistant's database is already there — the SQLite file, or on PostgreSQL the migrations'
 * own table — without creating anything: the CLI works only on a store `npm start` or `migrate` made.
 */
export async function databaseExists(target: DatabaseLocation): Promise<boolean> {
  if (target.kind === "sqlite") return target.path === ":memory:" || existsSync(target.path);
  const db = openPostgres(target.url, 1);
  try {
    const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
    return tables.some((table) => table.name === "kysely_migration");
  } finally {
    await db.destroy();
  }
}
