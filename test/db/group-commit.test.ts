import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, SqliteDialect } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GroupCommit } from "../../db/group-commit.js";
import { migrateToLatest } from "../../db/migrate.js";
import { openSqlite } from "../../db/open-database.js";
import type { Database } from "../../db/schema.js";

let dir: string;
let opened: ReturnType<typeof openSqlite>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "group-commit-"));
  opened = openSqlite(join(dir, "test.db"));
  await migrateToLatest(opened.db);
});
afterEach(async () => {
  await opened.db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const mark = (id: string) => (trx: Parameters<Parameters<GroupCommit["run"]>[0]>[0]) =>
  trx
    .insertInto("processed_events")
    .values({ platform: "test", event_id: id, processed_at: "2026-11-24" })
    .execute()
    .then(() => id);

const stored = () => opened.sqlite.prepare("select event_id from processed_events order by event_id").pluck().all();

describe("group commit", () => {
  it("commits concurrent units of work together, with fewer commits than units", async () => {
    const statements: string[] = [];
    const logged = new Kysely<Database>({
      dialect: new SqliteDialect({ database: opened.sqlite }),
      log: (event) => void statements.push(event.query.sql),
    });
    const group = new GroupCommit(logged);
    const ids = Array.from({ length: 20 }, (_, i) => `e${String(i).padStart(2, "0")}`);
    const results = await Promise.all(ids.map((id) => group.run(mark(id))));
    expect(results).toEqual(ids);
    expect(stored()).toEqual(ids);
    // The first unit starts a transaction at once; the 19 that arrive meanwhile share the next commit.
    expect(statements.filter((sql) => sql === "commit")).toHaveLength(2);
  });

  it("rolls back only the unit that failed; the others in its batch commit", async () => {
    const group = new GroupCommit(opened.db);
    const outcomes = await Promise.allSettled([
      group.run(mark("a")),
      group.run(async (trx) => {
        await mark("doomed")(trx);
        throw new Error("boom");
      }),
      group.run(mark("b")),
      group.run(mark("a")), // a duplicate key: this unit fails too
      group.run(mark("c")),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected", "fulfilled"]);
    expect(stored()).toEqual(["a", "b", "c"]);
  });

  it("rolls back a unit that runs alone and fails", async () => {
    const group = new GroupCommit(opened.db);
    await expect(
      group.run(async (trx) => {
        await mark("alone")(trx);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await group.run(mark("after"));
    expect(stored()).toEqual(["after"]);
  });

  it("commits a batch of only work that may be lost without waiting for the disk, and restores the setting", async () => {
    const group = new GroupCommit(opened.db);
    const setting = () => opened.sqlite.pragma("synchronous", { simple: true });
    const seen: unknown[] = [];
    const noting = (id: string) => async (trx: Parameters<Parameters<GroupCommit["run"]>[0]>[0]) => {
      seen.push(setting());
      return mark(id)(trx);
    };
    expect(setting()).toBe(2); // FULL
    await group.run(noting("lazy"), { durable: false });
    expect(seen).toEqual([1]); // NORMAL while it committed
    expect(setting()).toBe(2);
    // With durable work in the same batch the whole batch waits for the disk.
    seen.length = 0;
    await Promise.all([group.run(mark("first")), group.run(noting("mixed-lazy"), { durable: false }), group.run(noting("mixed"))]);
    expect(seen).toEqual([2, 2]);
    // A failing unit does not leave the setting relaxed.
    await expect(
      group.run(
        async () => {
          throw new Error("boom");
        },
        { durable: false },
      ),
    ).rejects.toThrow("boom");
    expect(setting()).toBe(2);
    expect(stored()).toEqual(["first", "lazy", "mixed", "mixed-lazy"]);
  });
});
