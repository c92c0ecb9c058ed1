import { describe, expect, it } from "vitest";
import { writeMaintenance } from "../../db/maintenance-settings.js";
import { runDueTasks } from "../../src/review/due-tasks.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, keys, readable } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

const reviewers = consoleReviewers(["rita"]);
const settings = { reviewLocale: "en" as const, timeZone: "Asia/Shanghai" };

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  describe("maintenance", () => {
    it("holds a new submission with the expected end, keeps status and FAQ working, and lets it through when maintenance ends", async () => {
      const harness = await createHarness({ dialect, reviewers });
      try {
        await writeMaintenance(harness.db, { until: "2026-11-23T06:00:00Z", note: { en: "We are upgrading the review system." } });
        const alice = harness.chat("alice");
        await alice.press("start");
        await alice.text("张三");
        await alice.text("alice@example.com");
        await alice.text("13812348000");
        await alice.press("method.phone");
        await alice.text(harness.lastCode());
        await alice.press("submit");
        const held = await alice.press("consent.agree");
        expect(keys(held)).toContain("maintenance.held");
        expect(readable(held)).toContain("2026-11-23 14:00"); // the end in the service's time zone (Asia/Shanghai)
        expect(readable(held)).toContain("We are upgrading the review system.");
        expect(held.some((reply) => reply.to)).toBe(false); // no card: nothing was submitted
        expect(await harness.rows("select status, case when held_at is null then 0 else 1 end as held from applications")).toEqual([
          { status: "draft", held: 1 },
        ]);

        expect(keys(await alice.text("/status"))).toContain("situation.draft"); // the answers are kept
        expect(keys(await alice.text("how long does the review take"))).toContain("faq.review-time");

        expect(await runDueTasks(harness.store, reviewers, settings, new Date("2026-11-23T05:00:00Z"))).toEqual([]); // still on

        await writeMaintenance(harness.db, null);
        const released = await runDueTasks(harness.store, reviewers, settings, new Date("2026-11-23T06:01:00Z"));
        const [row] = (await harness.rows("select status, reference from applications")) as [{ status: string; reference: string }];
        expect(row.status).toBe("submitted");
        expect(released.find((reply) => reply.to?.chatId === "rita")?.card).toBe(row.reference);
        const toAlice = released.find((reply) => reply.to?.chatId === "alice")!;
        expect(keys([toAlice])).toEqual(["maintenance.released"]);
        expect(toAlice.notificationId).toBeDefined();
        expect(await runDueTasks(harness.store, reviewers, settings, new Date("2026-11-23T06:02:00Z"))).toEqual([]); // released once
      } finally {
        await harness.close();
      }
    });

    it("a held submission keeps what it would have carried: the resubmitted reference and the Slack workspace", async () => {
      const harness = await createHarness({ dialect, reviewers });
      try {
        await harness.chat("u1", "slack").text("/start");
        const [{ user_id: userId }] = (await harness.rows("select user_id from identities where platform_user_id = 'u1'")) as [
          { user_id: string },
        ];
        const held = {
          userId,
          draft: { name: "张三", documents: {} },
          platform: "slack" as const,
          previousReference: "K7M3-9QXD",
          workspace: { teamId: "T1", enterpriseId: "E1" },
        };
        await harness.store.transaction((tx) => tx.holdDraft(held, new Date()));
        expect(await harness.store.transaction((tx) => tx.heldDrafts())).toEqual([held]);
      } finally {
        await harness.close();
      }
    });
  });
});
