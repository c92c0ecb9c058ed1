import { describe, expect, it } from "vitest";
import { writeMaintenance } from "../../db/maintenance-settings.js";
import type { Reply } from "../../src/chat/reply.js";
import { translate } from "../../src/i18n/message.js";
import { runDueTasks } from "../../src/review/due-tasks.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, keys, readable, sendPhoneApplication } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

const reviewers = consoleReviewers(["rita"]);
const buttons = (replies: Reply[]) => replies.flatMap((reply) => (reply.choices ?? []).map((choice) => choice.id));
const settings = { reviewLocale: "en" as const, timeZone: "Asia/Shanghai" };

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  describe("maintenance", () => {
    it("holds a new submission with the expected end, keeps status and FAQ working, and lets it through when maintenance ends", async () => {
      const harness = await createHarness({ dialect, reviewers });
      try {
        await writeMaintenance(harness.db, { until: "2026-11-23T06:00:00Z", note: { en: "We are upgrading the review system." } });
        const held = await sendPhoneApplication(harness, "alice");
        const alice = harness.chat("alice");
        expect(keys(held)).toContain("maintenance.held");
        expect(readable(held)).toContain("Mon 23 Nov, 14:00 UTC+8"); // the end in the service's time zone (Asia/Shanghai)
        expect(readable(held)).toContain("We are upgrading the review system.");
        expect(held.some((reply) => reply.to)).toBe(false); // no card: nothing was submitted
        expect(await harness.rows("select status, case when held_at is null then 0 else 1 end as held from applications")).toEqual([
          { status: "draft", held: 1 },
        ]);

        // Sent, not a draft: /status, the menu and the FAQ say it is held; nothing offers to start or continue one.
        const status = await alice.text("/status");
        expect(keys(status)).toContain("situation.held");
        expect(keys(status)).not.toContain("situation.draft");
        expect(readable(status)).toContain("(Phone)");
        expect(buttons(status)).not.toContain("start");
        expect(keys(await alice.text("how long does the review take"))).toEqual(expect.arrayContaining(["situation.held"]));
        expect(keys(await alice.press("start"))).toContain("start.heldNoNew");
        expect(keys(await alice.press("resubmit"))).toContain("start.heldNoNew");
        expect(keys(await alice.text("withdraw application"))).toContain("withdraw.held");
        expect(keys(await alice.text("can I change my application"))).toContain("faq.heldNoChanges");
        expect(keys(await alice.press("update.email"))).toContain("input.staleChoice"); // its result goes to the details it carries
        expect(await harness.rows("select count(*) as n from applications where held_at is not null")).toEqual([
          { n: dialect === "postgres" ? "1" : 1 },
        ]);

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
        expect(keys(await alice.text("/status"))).toContain("situation.submitted");
      } finally {
        await harness.close();
      }
    });

    it("answers changed after a hold make it a draft again: never released half-changed", async () => {
      const harness = await createHarness({ dialect, reviewers });
      try {
        const bob = harness.chat("bob", "console", "zh-CN");
        await bob.press("start");
        await bob.text("张三");
        await bob.text("bob@example.com");
        await bob.text("13812348001");
        await bob.press("method.phone");
        await bob.text(harness.lastCode());
        await bob.press("submit");
        // Held by the version before this one, which kept the answers in the conversation: they can still be edited.
        const [{ user_id: userId }] = (await harness.rows("select user_id from identities where platform_user_id = 'bob'")) as [
          { user_id: string },
        ];
        const draft = (await harness.store.transaction((tx) => tx.loadDraft(userId)))!;
        await harness.store.transaction((tx) => tx.holdDraft({ userId, draft, platform: "console" }, new Date()));
        expect(readable(await bob.text("/status"))).toContain("当时正值系统维护：申请已完整保留，维护结束后会自动提交审核");

        await bob.press("consent.back");
        await bob.press("edit");
        await bob.press("edit.method");
        expect(keys(await bob.press("method.id_card"))).toContain("ask.idNumber"); // now incomplete: the ID number and photos are missing
        expect(await harness.rows("select count(*) as n from applications where held_at is not null")).toEqual([
          { n: dialect === "postgres" ? "0" : 0 },
        ]);
        expect(await runDueTasks(harness.store, reviewers, settings, new Date("2026-11-23T06:01:00Z"))).toEqual([]);
        expect(keys(await bob.text("/status"))).toContain("situation.draft");
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

describe("the held message", () => {
  it("without an operator's note it ends on its own last sentence; with one, the note is a paragraph of its own", async () => {
    const harness = await createHarness({ reviewers });
    try {
      const paragraphs = (replies: Reply[]) => replies.flatMap((reply) => reply.body.map((part) => translate("en", part)));
      await writeMaintenance(harness.db, { until: "2026-11-23T06:00:00Z", note: {} });
      const [first] = paragraphs(await sendPhoneApplication(harness, "alice")).filter((text) =>
        text.startsWith("We are doing maintenance"),
      );
      expect(first).toMatch(/status and FAQ work as usual\.$/);
      await writeMaintenance(harness.db, { until: "2026-11-23T06:00:00Z", note: { en: "We are upgrading the review system." } });
      const told = paragraphs(await sendPhoneApplication(harness, "bob"));
      expect(told).toContain("We are upgrading the review system.");
      expect(told.find((text) => text.startsWith("We are doing maintenance"))).toMatch(/work as usual\.$/);
    } finally {
      await harness.close();
    }
  });
});
