import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDueTasks } from "../../src/review/due-tasks.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, keys, readable, submitWithPhone } from "../helpers/harness.js";

const reviewers = consoleReviewers(["rita"]);
let harness: Harness;
beforeEach(async () => {
  harness = await createHarness({ reviewers, now: new Date("2026-11-27T02:00:00Z") }); // Friday 10:00 in Shanghai
});
afterEach(() => harness.close());

const tick = (at: string) => runDueTasks(harness.store, reviewers, { reviewLocale: "en", timeZone: "Asia/Shanghai" }, new Date(at));

const submit = (user: string) => submitWithPhone(harness, user);

describe("scheduled reminders and overdue notices", () => {
  it("reminds reviewers once, after 1 business day (the weekend skipped)", async () => {
    const reference = await submit("alice");
    expect(await tick("2026-11-29T03:00:00Z")).toEqual([]); // Sunday
    expect(await tick("2026-11-30T01:59:00Z")).toEqual([]); // Monday 09:59 — not yet a full business day
    const reminders = await tick("2026-11-30T02:01:00Z");
    expect(reminders.map((reply) => reply.to?.chatId)).toEqual(["rita"]);
    expect(readable(reminders)).toContain(`⏰ Waiting more than 1 business day: ${reference} (decision due by Wed 2 Dec).`);
    expect(reminders[0]?.choices?.[0]?.id).toBe(`rv.ok.${reference}`);
    expect(await tick("2026-11-30T02:02:00Z")).toEqual([]);
  });

  it("apologises to the user once when the expected date has passed, and status says overdue", async () => {
    await submit("alice");
    expect((await tick("2026-12-02T15:00:00Z")).filter((reply) => reply.to?.chatId === "alice")).toEqual([]); // Wed 23:00: still the due date
    const notices = (await tick("2026-12-02T16:30:00Z")).filter((reply) => reply.to?.chatId === "alice"); // Thu 00:30
    expect(keys(notices)).toEqual(["overdue.apology"]);
    // Several may be overdue: each comes before every application on time (the queue is oldest first), not first of all.
    expect(readable(notices)).toContain("Overdue applications come first in the reviewers' queue");
    expect(await tick("2026-12-03T16:30:00Z")).toEqual([]);
    harness.setNow(new Date("2026-12-03T02:00:00Z"));
    expect(readable(await harness.chat("alice").text("/status"))).toContain("was due to be decided by Wed 2 Dec and is overdue");
  });

  it("forgets processed event ids after 30 days", async () => {
    await harness.chat("alice").text("hello");
    const count = () => (harness.sqlite.prepare("select count(*) as n from processed_events").get() as { n: number }).n;
    expect(count()).toBe(1);
    await tick("2026-12-20T02:00:00Z");
    expect(count()).toBe(1);
    await tick("2026-12-28T02:00:01Z");
    expect(count()).toBe(0);
  });

  it("forgets replies kept for a redelivery after a day: no platform redelivers an update later", async () => {
    // Handled, never confirmed sent (as a reply in a Telegram webhook's answer): its replies are kept, sealed, for a redelivery.
    await harness.engine.handle({ id: "e1", platform: "console", chatId: "alice", userId: "alice", kind: "text", text: "hello" });
    const kept = () =>
      (harness.sqlite.prepare("select count(*) as n from processed_events where replies is not null").get() as { n: number }).n;
    expect(kept()).toBe(1);
    await tick("2026-11-28T01:59:00Z"); // 23 h 59 min later
    expect(kept()).toBe(1);
    await tick("2026-11-28T02:00:01Z");
    expect(kept()).toBe(0);
    expect((harness.sqlite.prepare("select count(*) as n from processed_events").get() as { n: number }).n).toBe(1); // the event id stays
  });

  it("does nothing for applications already decided", async () => {
    const reference = await submit("alice");
    await harness.chat("rita").press(`rv.ok.${reference}`);
    expect(await tick("2026-12-10T02:00:00Z")).toEqual([]);
  });
});
