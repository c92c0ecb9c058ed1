import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueTasks } from "../../src/review/due-tasks.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, readable, submitWithPhone } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

/**
 * Two instances of the assistant on one PostgreSQL database, as behind a load
 * balancer: updates of one chat reach either. Each takes the chat's lock
 * before reading its snapshot, so none is lost and each update counts once.
 */
describe.runIf(TESTED_DIALECTS.includes("postgres"))("two instances on one PostgreSQL database", () => {
  let first: Harness;
  let second: Harness;
  beforeAll(async () => {
    first = await createHarness({ dialect: "postgres" });
    second = await createHarness({ dialect: "postgres", sharing: { database: first.database } });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it("100 /lang toggles of one chat, sent to both at once, all take effect: none is lost to a concurrent write", async () => {
    await first.chat("alice").text("/start");
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? first : second).chat("alice").text("/lang")));
    // Each toggle reads what the one before it wrote, so the languages switched to alternate: 50 each way.
    // A lost update shows as two toggles reading the same language and switching to the same one.
    const keys = replies.map((reply) => reply[0]!.locale);
    expect(keys.filter((locale) => locale === "en")).toHaveLength(50);
    expect(keys.filter((locale) => locale === "zh-CN")).toHaveLength(50);
    expect(readable(await second.chat("alice").text("/help"))).toMatch(/Commands:/);
  });

  it("one update redelivered to both instances at once is handled once", async () => {
    const event = { kind: "text" as const, text: "/status" };
    const [a, b] = await Promise.all([first.chat("bob").send(event, "same-update"), second.chat("bob").send(event, "same-update")]);
    expect([a.length > 0, b.length > 0].sort()).toEqual([false, true]);
  });
});

describe.runIf(TESTED_DIALECTS.includes("postgres"))("the scheduler on two instances", () => {
  it("a due reviewer reminder is sent once when both tick at the same moment", async () => {
    const reviewers = consoleReviewers(["rita"]);
    const first = await createHarness({ dialect: "postgres", reviewers });
    const second = await createHarness({ dialect: "postgres", reviewers, sharing: { database: first.database } });
    try {
      await submitWithPhone(first, "carol");
      const later = new Date("2026-11-25T02:00:00Z"); // past the reminder (one business day)
      const settings = { reviewLocale: "en" as const, timeZone: "Asia/Shanghai" };
      const [a, b] = await Promise.all([
        runDueTasks(first.store, reviewers, settings, later),
        runDueTasks(second.store, reviewers, settings, later),
      ]);
      const reminders = [...a, ...b].filter((reply) => reply.body[0]?.key === "review.reminder");
      expect(reminders).toHaveLength(1);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
