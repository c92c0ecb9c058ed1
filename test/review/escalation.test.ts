import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/chat/reply.js";
import { runDueTasks } from "../../src/review/due-tasks.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { readConfig } from "../../src/runtime/config.js";
import { createHarness, type Harness, readable, submitWithPhone } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

/** Issue 27 §5: an application past its promised date that nobody holds is escalated, once per business day. */
const reviewers = consoleReviewers(["rita"]);
const LEAD = { platform: "console" as const, chatId: "lead" };

describe.each(TESTED_DIALECTS)("escalation on %s", (dialect) => {
  let harness: Harness;
  afterEach(() => harness.close());

  it("announces an overdue, unclaimed application to REVIEW_ESCALATE_TO once per business day; a claim holds it off", async () => {
    harness = await createHarness({ dialect, reviewers, now: new Date("2026-11-27T02:00:00Z") }); // Fri 10:00 in Shanghai
    const reference = await submitWithPhone(harness, "alice"); // due Wed 2 Dec
    let escalations = 0;
    const tick = async (at: string, escalateTo: typeof LEAD | null = LEAD) =>
      (
        await runDueTasks(
          harness.store,
          reviewers,
          { reviewLocale: "en", timeZone: "Asia/Shanghai", reviewEscalateTo: escalateTo ?? undefined },
          new Date(at),
          { escalation: () => void escalations++ },
        )
      ).filter((reply) => reply.to?.chatId === "lead");
    const said = (replies: Reply[]) => readable(replies);

    expect(await tick("2026-12-02T08:00:00Z")).toEqual([]); // the due date itself: not overdue yet
    expect(await tick("2026-12-03T02:00:00Z", null)).toEqual([]); // overdue, but nobody to escalate to
    const first = await tick("2026-12-03T02:01:00Z"); // Thu
    expect(said(first)).toContain(`🚨 Overdue and nobody on it: ${reference} was due Wed 2 Dec.`);
    expect(first[0]!.choices?.map((choice) => choice.id)).toContain(`rv.cl.${reference}`);
    expect(first[0]!.card).toBeUndefined(); // not the room's card: that one stays the one edited
    expect(await tick("2026-12-03T08:00:00Z")).toEqual([]); // once a day
    expect(await tick("2026-12-04T02:00:00Z")).toHaveLength(1); // Fri: again
    expect(await tick("2026-12-05T02:00:00Z")).toEqual([]); // Sat: not a business day
    // Rita claims it on Monday morning: held, not escalated; once her claim runs out, it is again.
    harness.setNow(new Date("2026-12-07T01:50:00Z"));
    await harness.chat("rita").press(`rv.cl.${reference}`);
    expect(await tick("2026-12-07T02:00:00Z")).toEqual([]);
    expect(await tick("2026-12-07T03:00:00Z")).toHaveLength(1);
    expect(escalations).toBe(3);
    const audited = (await harness.auditOf(reference)).filter((entry) => entry.reason === "escalated");
    expect(audited.map((entry) => entry.actor)).toEqual(["system:escalation", "system:escalation", "system:escalation"]);
  });
});

describe("REVIEW_ESCALATE_TO", () => {
  it("takes a Telegram id, a Slack id or an explicit platform; anything else stops the start", () => {
    expect(readConfig({ REVIEW_ESCALATE_TO: "-1001234567890" }).reviewEscalateTo).toEqual({
      platform: "telegram",
      chatId: "-1001234567890",
    });
    expect(readConfig({ REVIEW_ESCALATE_TO: "U0LEAD" }).reviewEscalateTo).toEqual({ platform: "slack", chatId: "U0LEAD" });
    expect(readConfig({ REVIEW_ESCALATE_TO: "console:lead" }).reviewEscalateTo).toEqual(LEAD);
    expect(readConfig({}).reviewEscalateTo).toBeUndefined();
    expect(() => readConfig({ REVIEW_ESCALATE_TO: "the boss" })).toThrow(/REVIEW_ESCALATE_TO/);
  });
});
