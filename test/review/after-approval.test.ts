import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, keys, readable } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { reviewStore } from "../helpers/review-store.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  let harness: Harness;
  let photo: Buffer;
  beforeAll(async () => {
    photo = await minimalGoodJpeg();
  });
  beforeEach(async () => {
    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita", "rob"]) });
  });
  afterEach(() => harness.close());

  async function approvedEnterprise(user: string): Promise<string> {
    const chat = harness.chat(user);
    await chat.press("start");
    await chat.text("张三");
    await chat.text(`${user}@example.com`);
    await chat.text("13812348000");
    await chat.press("method.enterprise");
    await chat.text("北京某某科技有限公司");
    await chat.text("91350100M000100Y43");
    await chat.file(photo);
    await chat.text("李四");
    await chat.text("11010519491231002X");
    await chat.file(await minimalGoodJpeg(7));
    await chat.file(await minimalGoodJpeg(8));
    await chat.press("submit");
    await chat.press("consent.agree");
    const reference = (await findUserRecord(harness.store, "console", user, "2026-11-23"))!.application!.reference;
    await harness.chat("rita").press(`rv.ok.${reference}`);
    await harness.chat("rob").press(`rv.ok.${reference}`); // four eyes: enterprise approvals take two reviewers
    return reference;
  }

  describe("after approval", () => {
    it("offers contact updates and, for enterprises, a change of legal representative", async () => {
      await approvedEnterprise("acme");
      const menu = await harness.chat("acme").text("/start");
      expect(menu.at(-1)?.choices?.map((c) => c.id)).toEqual(["update.email", "update.phone", "reverify", "status", "faq", "support"]);
      expect(readable(menu)).toContain("✅ You are verified (approved on Mon 23 Nov).");
    });

    it("updates the email, refusing a malformed one with the reason", async () => {
      const reference = await approvedEnterprise("acme");
      const chat = harness.chat("acme");
      expect(keys(await chat.press("update.email"))).toEqual(["ask.newEmail"]);
      expect(keys(await chat.text("new@"))).toEqual(["error.email.format", "ask.newEmail"]);
      expect(keys(await chat.text("New@Example.com"))).toEqual(["contact.emailUpdated", "situation.approvedSince", "menu.prompt"]);
      const application = await harness.store.transaction((tx) => tx.loadApplication(reference));
      expect(application?.draft.email).toBe("new@example.com");
      const trail = await reviewStore(harness.store).auditTrail(reference);
      expect(trail?.at(-1)).toMatchObject({ actor: "user:console:acme", reason: "email_updated", note: null });
    });

    it("updates the phone only after the code sent to the new number is typed back", async () => {
      const reference = await approvedEnterprise("acme");
      const chat = harness.chat("acme");
      await chat.press("update.phone");
      expect(keys(await chat.text("12345"))).toEqual(["error.phone.too_short", "ask.newPhone"]);
      expect(keys(await chat.text("139 0000 1111"))).toEqual(["ask.phoneCode"]);
      expect(harness.sms.at(-1)?.phone).toBe("+8613900001111");
      const wrong = harness.lastCode() === "000000" ? "111111" : "000000";
      expect(keys(await chat.text(wrong))).toEqual(["otp.wrong", "ask.phoneCode"]);
      expect(keys(await chat.text(harness.lastCode()))).toEqual(["contact.phoneUpdated", "situation.approvedSince", "menu.prompt"]);
      const application = await harness.store.transaction((tx) => tx.loadApplication(reference));
      expect(application?.draft.phone).toBe("+8613900001111");
    });

    it("re-verifies a new legal representative while the current verification stays valid", async () => {
      const approved = await approvedEnterprise("acme");
      harness.setNow(new Date("2026-12-01T02:00:00Z")); // months later, the company changes its representative
      const chat = harness.chat("acme");
      expect(keys(await chat.press("reverify"))).toEqual(["reverify.started", "ask.licence"]);
      await chat.file(await minimalGoodJpeg(99));
      expect(keys(await chat.text("王五"))).toEqual(["ask.legalRepId"]);
      expect(keys(await chat.text("11010519491231002X"))).toEqual(["ask.legalRepFront"]);
      await chat.file(await minimalGoodJpeg(100));
      expect(keys(await chat.file(await minimalGoodJpeg(101)))).toContain("summary.title");
      await chat.press("submit");
      const submitted = await chat.press("consent.agree");
      const card = readable(submitted.filter((r) => r.to?.chatId === "rita"));
      // Not "the previous attempt was rejected": the current verification was approved and stays valid.
      expect(card).toMatch(
        /Re-verification after a change of legal representative or owner \(current verification approved on \w{3} \d+ \w{3}, valid meanwhile\)\./,
      );
      expect(card).not.toContain("Resubmission");
      const record = await findUserRecord(harness.store, "console", "acme", "2026-12-01");
      expect(record).toMatchObject({ verified: true, application: { status: "submitted", method: "enterprise" } });
      expect(record?.application?.reference).not.toBe(approved);
      expect(keys(await chat.press("reverify"))).toEqual(["start.pending", "menu.prompt"]);
    });
  });
});
