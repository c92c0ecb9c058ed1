import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import type { Dialect } from "../../db/open-database.js";
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
  const name = `assistant_test_${randomBytes(6).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString(), poolSize: 5 },
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** Runs one statement on the test server's own database (create, drop, alter a database; end its connections). */
export async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** SQLite always; PostgreSQL where it answers (in CI it must). */
export const TESTED_DIALECTS: readonly Dialect[] = (await postgresAvailable()) ? DIALECTS : ["sqlite"];
