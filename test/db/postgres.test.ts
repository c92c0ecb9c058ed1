import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATION_NAMES, migrateToLatest } from "../../db/migrate.js";
import { openDatabase, openPostgres } from "../../db/open-database.js";
import { SqlStore } from "../../db/sql-store.js";
import type { DatabaseTarget } from "../../src/runtime/config.js";
import { readConfig } from "../../src/runtime/config.js";
import { runCli, testEnv } from "../helpers/child-process.js";
import { admin, freshDatabase, TESTED_DIALECTS } from "../helpers/test-databases.js";
import { testKeyring } from "../helpers/test-keys.js";

describe("DATABASE_URL", () => {
  it("takes postgres:// with a pool size (DATABASE_POOL_SIZE, default 10); SQLite stays the default", () => {
    expect(readConfig({}).database).toMatchObject({ kind: "sqlite" });
    expect(readConfig({ DATABASE_URL: "postgres://u:p@db.example:5432/verify" }).database).toEqual({
      kind: "postgres",
      url: "postgres://u:p@db.example:5432/verify",
      poolSize: 10,
    });
    expect(readConfig({ DATABASE_URL: "postgresql://db/verify", DATABASE_POOL_SIZE: "25" }).database).toMatchObject({ poolSize: 25 });
    expect(() => readConfig({ DATABASE_URL: "postgres://db/verify", DATABASE_POOL_SIZE: "0" })).toThrow(/^DATABASE_POOL_SIZE/);
    expect(() => readConfig({ DATABASE_URL: "postgres://[::1" })).toThrow(/^DATABASE_URL: is not a valid/);
  });
});

describe.runIf(TESTED_DIALECTS.includes("postgres"))("on PostgreSQL", () => {
  let target: DatabaseTarget;
  let drop: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), "assistant-pg-"));
  beforeAll(async () => {
    ({ target, drop } = await freshDatabase("postgres", dir));
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("several instances starting at once migrate safely: one applies each migration, the others wait", async () => {
    const instances = [1, 2, 3].map(() => openDatabase(target).db);
    try {
      const applied = await Promise.all(instances.map((db) => migrateToLatest(db)));
      expect(applied.flat().sort()).toEqual([...applied.find((names) => names.length > 0)!].sort());
      expect(applied.flat()).toEqual(MIGRATION_NAMES);
      const { rows } = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(instances[0]!);
      expect(Number(rows[0]!.n)).toBe(MIGRATION_NAMES.length);
    } finally {
      await Promise.all(instances.map((db) => db.destroy()));
    }
  });

  it("only the reply confirmations' connection commits without waiting for the WAL's flush", async () => {
    if (target.kind !== "postgres") throw new Error("a PostgreSQL target");
    const setting = async (db: ReturnType<typeof openPostgres>) => {
      try {
        return (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db)).rows[0]?.synchronous_commit;
      } finally {
        await db.destroy();
      }
    };
    expect(await setting(openPostgres(target.url, 1, { waitForWalFlush: false }))).toBe("off");
    expect(await setting(openPostgres(target.url, 1))).toBe("on");
  });

  it("a chat event's transaction holds its chat's lock from its BEGIN, whatever the chat id holds", async () => {
    const { db } = openDatabase(target);
    await migrateToLatest(db);
    const store = new SqlStore(db, testKeyring(), () => db.destroy(), "postgres");
    const other = openDatabase(target).db;
    const tryLock = async (name: string) =>
      (await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtextextended(${name}, 0)) as locked`.execute(other)).rows[0]
        ?.locked;
    try {
      for (const chatId of ["12345", "o'neil\\'); select pg_sleep(5); --", "群聊 ☃"]) {
        const name = `chat:telegram:${chatId}`;
        const seen = await store.transaction(async () => tryLock(name), { chat: { platform: "telegram", chatId } });
        expect(seen, chatId).toBe(false);
        expect(await tryLock(name), chatId).toBe(true); // released with the commit
      }
      // A failing transaction rolls back and releases the lock too.
      await expect(
        store.transaction(
          async () => {
            throw new Error("boom");
          },
          { chat: { platform: "telegram", chatId: "7" } },
        ),
      ).rejects.toThrow("boom");
      expect(await tryLock("chat:telegram:7")).toBe(true);
    } finally {
      await other.destroy();
      await store.close();
    }
  });

  it("a connection cut while a transaction holds it between statements fails that transaction, not the process", async () => {
    if (target.kind !== "postgres") throw new Error("a PostgreSQL target");
    const db = openPostgres(target.url, 1);
    try {
      await expect(
        db.connection().execute(async (connection) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(connection);
          await admin(`select pg_terminate_backend(${Number(rows[0]!.pid)})`);
          // The cut arrives while no statement runs (the JS work between two of a transaction's statements).
          await new Promise((resolve) => setTimeout(resolve, 300));
          await sql`select 1`.execute(connection);
        }),
      ).rejects.toThrow();
      expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]); // a new connection serves
    } finally {
      await db.destroy();
    }
  });

  it("the audit log and the erasure log are append-only there too", async () => {
    const { db } = openDatabase(target);
    try {
      await sql`insert into erasures (at, actor, kind, subject, items) values ('2026-11-30', 'test', 'user', null, 1)`.execute(db);
      await expect(sql`delete from erasures`.execute(db)).rejects.toThrow(/erasures is append-only/);
      await expect(sql`update erasures set items = 2`.execute(db)).rejects.toThrow(/erasures is append-only/);
      await sql`insert into users (id, account_status, locale, created_at) values ('u1', 'active', 'en', '2026-11-30')`.execute(db);
      await sql`insert into applications (id, user_id, status, details, documents, created_at, updated_at, reasons)
        values ('a1', 'u1', 'submitted', '{}', '{}', '2026-11-30', '2026-11-30', '[]')`.execute(db);
      await sql`insert into audit_log (application_id, actor, at, to_status) values ('a1', 'test', '2026-11-30', 'submitted')`.execute(db);
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/audit_log is append-only/);
      await expect(sql`update audit_log set actor = 'someone else'`.execute(db)).rejects.toThrow(/audit_log is append-only/);
      await sql`update audit_log set note = null`.execute(db); // a note's sealing may be rewritten (key rotation)
    } finally {
      await db.destroy();
    }
  });

  it("the CLI runs against it: migrate reports it up to date, status finds nobody", () => {
    const env = testEnv(dir, { DATABASE_URL: (target as { url: string }).url });
    expect(runCli(["migrate"], env)).toMatchObject({ code: 0, stdout: "database is up to date\n" });
    expect(runCli(["status", "console", "nobody"], env).code).toBe(1);
  });
});
