import { createHash, randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { MIGRATION_NAMES, migrateToLatest } from "../../db/migrate.js";
import { type Dialect, openDatabase } from "../../db/open-database.js";
import type { DatabaseTarget } from "../../src/runtime/config.js";

/**
 * The databases store tests run against, looped over as Kysely's own tests
 * are. PostgreSQL: `TEST_DATABASE_URL`, default the local server every
 * machine here has (trust authentication, database `test`); each test file
 * gets a fresh database of its own and drops it.
 */
export const DIALECTS: readonly Dialect[] = ["sqlite", "postgres"];
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let reachable: Promise<boolean> | undefined;

/**
 * Whether the PostgreSQL half runs. In CI a missing server is a failure (`.ci/run` sets CI);
 * elsewhere the half is skipped, said once.
 */
export function postgresAvailable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      return true;
    } catch (error) {
      if (process.env.CI)
        throw new Error(`PostgreSQL is required in CI and unreachable at ${TEST_POSTGRES_URL}: ${(error as Error).message}`);
      console.warn(`PostgreSQL tests skipped: nothing answers at ${TEST_POSTGRES_URL} (set TEST_DATABASE_URL)`);
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** A new, empty database of the dialect (SQLite: a file in `dir`), and how to drop it. */
export async function freshDatabase(dialect: Dialect, dir: string): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (dialect === "sqlite") return { target: { kind: "sqlite", path: join(dir, "assistant.db") }, drop: async () => undefined };
  return newTestDatabase();
}

/**
 * A new database already at the latest migration. PostgreSQL: a copy of a migrated template
 * (`CREATE DATABASE … TEMPLATE`, ~0.2 s less than migrating each time). The template is named after the
 * migration list, made once by whichever test file needs it first and kept on the test server for the next
 * run; a template of an older migration list is dropped when a new one is made. SQLite: a new file, migrated
 * by whoever opens it.
 */
export async function migratedDatabase(dialect: Dialect, dir: string): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (dialect === "sqlite") return freshDatabase(dialect, dir);
  template ??= migratedTemplate();
  return newTestDatabase(await template);
}

/** A database of its own for one test file (empty, or a copy of `template`), and how to drop it. */
async function newTestDatabase(template?: string): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const name = `assistant_test_${randomBytes(6).toString("hex")}`;
  await admin(`create database ${name}${template ? ` template ${template}` : ""}`);
  return {
    target: { kind: "postgres", url: databaseUrl(name), poolSize: 5 },
    drop: async () => void (await admin(`drop database if exists ${name} with (force)`)),
  };
}

let template: Promise<string> | undefined;

async function migratedTemplate(): Promise<string> {
  const name = `assistant_template_${createHash("sha256").update(MIGRATION_NAMES.join("\n")).digest("hex").slice(0, 12)}`;
  if (await databaseNamed(name)) return name;
  // Made under a name of its own and renamed when complete: a test file running beside this one never copies half a template.
  const building = `assistant_building_${randomBytes(6).toString("hex")}`;
  await admin(`create database ${building}`);
  const { db } = openDatabase({ kind: "postgres", url: databaseUrl(building), poolSize: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  try {
    await admin(`alter database ${building} rename to ${name}`);
  } catch (error) {
    await admin(`drop database if exists ${building} with (force)`);
    if (!(await databaseNamed(name))) throw error;
    return name; // another file finished the same template first
  }
  for (const older of await databasesLike("assistant_template_%"))
    if (older !== name) await admin(`drop database if exists ${older}`).catch(() => undefined);
  return name;
}

function databaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function databaseNamed(name: string): Promise<boolean> {
  return (await databasesLike(name)).includes(name);
}

async function databasesLike(pattern: string): Promise<string[]> {
  const rows = await admin<{ datname: string }>("select datname from pg_database where datname like $1", [pattern]);
  return rows.map((row) => row.datname);
}

/** Runs one statement on the test server's own database (create, drop, alter a database; end its connections; list them). */
export async function admin<Row extends object = object>(statement: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query<Row>(statement, values)).rows;
  } finally {
    await client.end();
  }
}

/** SQLite always; PostgreSQL where it answers (in CI it must). */
export const TESTED_DIALECTS: readonly Dialect[] = (await postgresAvailable()) ? DIALECTS : ["sqlite"];
