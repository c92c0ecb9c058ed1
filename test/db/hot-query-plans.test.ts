import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hotQueries } from "../../db/hot-queries.js";
import { migrateToLatest } from "../../db/migrate.js";
import { openSqlite } from "../../db/open-database.js";

/**
 * The queries of every chat event must find their rows through an index: a
 * scan costs nothing in a test and grows with every user in production. (The
 * draft queries once compared `status` with a parameter, so SQLite could not
 * use the one-draft-per-user partial index and read every draft instead.)
 */
let opened: ReturnType<typeof openSqlite>;
beforeAll(async () => {
  opened = openSqlite(":memory:");
  await migrateToLatest(opened.db);
});
afterAll(async () => {
  await opened.db.destroy();
});

function plan(query: { sql: string; parameters: readonly unknown[] }): string[] {
  const rows = opened.sqlite.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as Array<{ detail: string }>;
  return rows.map((row) => row.detail);
}

describe("the per-event queries' plans (SQLite)", () => {
  const queries = () => hotQueries(opened.db);

  it("find the user's draft through the one-draft-per-user index", () => {
    expect(plan(queries().draftIdOfUser("u1"))).toEqual([expect.stringContaining("USING INDEX applications_one_draft_idx")]);
    expect(plan(queries().updateDraft(null, "{}", "{}", "2026-12-06", "u1"))).toEqual([
      expect.stringContaining("USING INDEX applications_one_draft_idx"),
    ]);
  });

  it("scan no table", () => {
    const all = queries();
    const perEvent = [
      all.markEventProcessed("telegram", "e1", "2026-12-06"),
      all.recordReplies("sealed", "u1", "telegram", "e1"),
      all.openChat("c1", "telegram", "p1"),
      all.applicationsOfUser("u1", "draft"),
      all.draftIdOfUser("u1"),
      all.updateDraft(null, "{}", "{}", "2026-12-06", "u1"),
      all.saveConversation("telegram", "c1", "u1", 1, "sealed", "2026-12-06", "u1", 1, "sealed", "2026-12-06"),
    ];
    for (const query of perEvent) for (const step of plan(query)) expect(step, query.sql).not.toMatch(/^SCAN /);
  });

  it("find a user's request waiting for the team through the partial index of waiting requests", () => {
    // The lookup as db/support-store.ts writes it (Talk to a person, asked again).
    const waiting = opened.db
      .selectFrom("support_requests")
      .select(["reference", "question"])
      .where("user_id", "=", "u1")
      .where("answered_at", "is", null)
      .orderBy("created_at", "desc")
      .limit(1)
      .compile();
    expect(plan(waiting).join("\n")).toContain("USING INDEX support_requests_waiting_idx");
    expect(plan(waiting).join("\n")).not.toMatch(/^SCAN /m);
  });

  it("find an erasure's kept replies through an index that holds only the unconfirmed ones (partial)", () => {
    // The erasure's statement as db/privacy-store.ts writes it.
    const erasure = opened.db
      .updateTable("processed_events")
      .set({ replies: null, replies_user_id: null })
      .where("replies_user_id", "=", "u1")
      .compile();
    expect(plan(erasure)).toEqual([expect.stringContaining("USING INDEX processed_events_unconfirmed_replies_idx")]);
    const indexes = opened.sqlite.pragma("index_list(processed_events)") as Array<{ name: string; partial: number }>;
    expect(indexes.find((index) => index.name === "processed_events_unconfirmed_replies_idx")?.partial).toBe(1);
  });
});
