import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_WEB_SERVER_LIMITS, startWebServer } from "../../adapters/http/web-server.js";
import { MIGRATION_NAMES, migrateToLatest } from "../../db/migrate.js";
import { openDatabase, openPostgres } from "../../db/open-database.js";
import { SqlStore } from "../../db/sql-store.js";
import { readiness } from "../../src/app/readiness.js";
import { Dependencies } from "../../src/runtime/dependencies.js";
import { createLogger } from "../../src/runtime/logger.js";
import { freshDatabase, TESTED_DIALECTS } from "../helpers/test-databases.js";
import { testKeyring } from "../helpers/test-keys.js";

const servers: Server[] = [];
const dir = mkdtempSync(join(tmpdir(), "assistant-readyz-"));
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** `GET /healthz` and `GET /readyz` of a web server whose readiness is this store's. */
async function probe(
  store: SqlStore | undefined,
  dependencies = new Dependencies(createLogger("silent")),
): Promise<{ health: number; ready: number; body: unknown }> {
  const { server, port } = await startWebServer(
    0,
    new Map(),
    DEFAULT_WEB_SERVER_LIMITS,
    () => readiness(store, false, dependencies),
    () => true,
  );
  servers.push(server);
  const health = (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
  const answer = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { health, ready: answer.status, body: await answer.json() };
}

describe.each(TESTED_DIALECTS)("GET /readyz on %s", (dialect) => {
  it("503 naming the pending migrations before migrating, 200 after", async () => {
    const fresh = await freshDatabase(dialect, mkdtempSync(join(dir, dialect)));
    const { db } = openDatabase(fresh.target);
    const store = new SqlStore(db, testKeyring(), () => db.destroy(), dialect);
    try {
      const before = await probe(store);
      expect(before).toMatchObject({ health: 200, ready: 503, body: { status: "not_ready", database: "ok" } });
      expect((before.body as { pendingMigrations: string[] }).pendingMigrations).toEqual(MIGRATION_NAMES);
      await migrateToLatest(db);
      expect(await probe(store)).toMatchObject({ ready: 200, body: { status: "ready", database: "ok", pendingMigrations: [] } });
    } finally {
      await store.close();
      await fresh.drop();
    }
  });
});

describe("GET /readyz when the database is down", () => {
  it("503 with database unreachable, while /healthz still says the process is up", async () => {
    const db = openPostgres("postgres://postgres@127.0.0.1:9/none", 1); // nothing listens on port 9
    const store = new SqlStore(db, testKeyring(), () => db.destroy(), "postgres");
    try {
      expect(await probe(store)).toMatchObject({ health: 200, ready: 503, body: { status: "not_ready", database: "unreachable" } });
    } finally {
      await store.close();
    }
  });
});

describe("GET /readyz names the dependencies", () => {
  it("while starting: 503, and which dependency the start waits for, with why", async () => {
    const dependencies = new Dependencies(createLogger("silent"));
    dependencies.unreachable("database", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }));
    expect(await probe(undefined, dependencies)).toMatchObject({
      health: 200,
      ready: 503,
      body: {
        status: "not_ready",
        starting: true,
        dependencies: { database: { reachable: false, error: "connect ECONNREFUSED 127.0.0.1:9" } },
      },
    });
  });

  it("started: an SMTP server out of reach is said, and the instance stays ready (emails wait in the outbox)", async () => {
    const fresh = await freshDatabase("sqlite", mkdtempSync(join(dir, "deps")));
    const { db } = openDatabase(fresh.target);
    await migrateToLatest(db);
    const store = new SqlStore(db, testKeyring(), () => db.destroy(), "sqlite");
    const dependencies = new Dependencies(createLogger("silent"));
    dependencies.reachable("telegram");
    dependencies.unreachable("smtp", new Error("connect ECONNREFUSED 127.0.0.1:25"));
    try {
      expect(await probe(store, dependencies)).toMatchObject({
        ready: 200,
        body: {
          status: "ready",
          dependencies: { telegram: { reachable: true }, smtp: { reachable: false, error: "connect ECONNREFUSED 127.0.0.1:25" } },
        },
      });
    } finally {
      await store.close();
      await fresh.drop();
    }
  });
});
