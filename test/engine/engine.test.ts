import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONVERSATION_MACHINE_VERSION } from "../../machines/conversation.machine.js";
import { findUserRecord } from "../../src/applications/user-records.js";
import { createHarness, type Harness, keys, readable, registerForIdCard, restartHarness, submitWithPhone } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  let harness: Harness;
  let photo: Buffer;
  beforeAll(async () => {
    photo = await minimalGoodJpeg();
  });
  beforeEach(async () => {
    harness = await createHarness({ dialect });
  });
  afterEach(() => harness.close());

  const register = registerForIdCard;

  describe("engine", () => {
    it("greets a new user with the menu", async () => {
      const replies = await harness.chat("alice").text("hello");
      expect(keys(replies)).toEqual(["menu.welcome", "menu.prompt"]);
      expect(replies.at(-1)?.choices?.map((c) => c.id)).toEqual(["start", "status", "faq", "support"]);
    });

    it("has no second effect and no second reply for a redelivered event", async () => {
      const chat = harness.chat("alice");
      await chat.press("start");
      const first = await chat.send({ kind: "text", text: "张三" }, "update-42");
      const again = await chat.send({ kind: "text", text: "李四" }, "update-42");
      expect(keys(first)).toEqual(["ask.email"]);
      expect(again).toEqual([]);
      const draft = await harness.store.transaction(async (tx) => {
        const { user } = await tx.openChat({ platform: "console", chatId: "alice", platformUserId: "alice" }, "en", new Date());
        return tx.loadDraft(user.id);
      });
      expect(draft?.name).toBe("张三");
    });

    it("resumes at the same step with the same answers after a restart", async () => {
      await register(harness.chat("alice"));
      await harness.close(false);
      const restarted = await restartHarness(harness);
      harness = restarted;
      const replies = await restarted.chat("alice").text("/help");
      expect(keys(replies)).toEqual(["help.text", "ask.idNumber"]);
      const status = await restarted.chat("alice").text("/status");
      expect(readable(status)).toContain("4 of 7 items done");
    });

    it.each([
      ["an older machine version", (snapshot: string) => ({ version: CONVERSATION_MACHINE_VERSION - 1, snapshot })],
      [
        "a state that no longer exists",
        (snapshot: string) => ({ version: CONVERSATION_MACHINE_VERSION, snapshot: snapshot.replace('"idNumber"', '"passportNumber"') }),
      ],
      ["a corrupt snapshot", () => ({ version: CONVERSATION_MACHINE_VERSION, snapshot: '{"value":42}' })],
    ])("apologises, shows the menu and keeps the draft for %s", async (_, change) => {
      await register(harness.chat("alice"));
      const [row] = (await harness.rows("select snapshot, user_id from conversations where chat_id = 'alice'")) as [
        { snapshot: string; user_id: string },
      ];
      // Snapshots are sealed at rest: open, change as an older version or a fault would have, seal again.
      const at = { table: "conversations", column: "snapshot", row: "console:alice" };
      const { version, snapshot } = change(await harness.openSealed(row.snapshot, at, row.user_id));
      await harness.rows(
        "update conversations set machine_version = ?, snapshot = ? where chat_id = 'alice'",
        version,
        await harness.seal(snapshot, at, row.user_id),
      );

      const replies = await harness.chat("alice").text("11010519491231002X");
      expect(keys(replies)).toEqual(["snapshot.reset", "menu.draftWaiting", "menu.prompt"]);
      const resumed = await harness.chat("alice").press("start");
      expect(keys(resumed)).toEqual(["ask.idNumber"]);
    });

    it("answers every kind of unusable input with a hint and the pending question", async () => {
      const chat = harness.chat("alice");
      await register(chat);
      expect(keys(await chat.text("  "))).toEqual(["input.empty", "ask.idNumber"]);
      expect(keys(await chat.text("🙂🙂🙂"))).toEqual(["input.empty", "ask.idNumber"]);
      expect(keys(await chat.text("1".repeat(1001)))).toEqual(["input.too_long", "ask.idNumber"]);
      expect(keys(await chat.send({ kind: "unsupported" }))).toEqual(["input.unsupported", "ask.idNumber"]);
      expect(keys(await chat.file(photo))).toEqual(["document.unexpected", "ask.idNumber"]);
      expect(keys(await chat.text("/frobnicate"))).toEqual(["input.unknownCommand", "help.text", "ask.idNumber"]);
      expect(keys(await chat.press("method.phone"))).toEqual(["input.staleChoice", "ask.idNumber"]);
      expect(keys(await chat.text("110105491231002"))).toEqual(["error.idCard.old_format", "ask.idNumber"]);
      expect(keys(await chat.send({ kind: "file", file: { name: "x.jpg", problem: { code: "missing" } } }))).toEqual([
        "document.unexpected",
        "ask.idNumber",
      ]);
    });

    it("explains a rejected photo and asks for that photo again", async () => {
      const chat = harness.chat("alice");
      await register(chat);
      await chat.text("11010519491231002X");
      const gif = await chat.file(Buffer.from("GIF89a...."));
      expect(keys(gif)).toEqual(["document.rejected", "document.problemLine", "ask.idFront"]);
      expect(readable(gif)).toContain("• It is not a JPEG or PNG image");
      expect(keys(await chat.send({ kind: "file", file: { name: "x.jpg", problem: { code: "missing" } } }))).toEqual([
        "document.rejected",
        "document.problemLine",
        "ask.idFront",
      ]);
      expect(keys(await chat.file(photo))).toEqual(["document.received", "ask.idBack"]);
    });

    it("verifies the phone with a one-time code: wrong tries, expiry and the resend limit", async () => {
      const chat = harness.chat("bob");
      await chat.press("start");
      await chat.text("Bob Lee");
      await chat.text("bob@example.com");
      await chat.text("+44 7911 123456");
      const asked = await chat.press("method.phone");
      expect(keys(asked)).toEqual(["ask.phoneCode"]);
      expect(harness.sms).toHaveLength(1);
      expect(harness.sms[0]!.phone).toBe("+447911123456");
      const code = harness.lastCode();
      const wrong = code === "000000" ? "111111" : "000000";

      expect(readable(await chat.text(wrong))).toContain("4 tries left");
      expect(keys(await chat.press("code.resend"))).toEqual(["otp.wait", "ask.phoneCode"]);
      harness.setNow(new Date("2026-11-23T02:11:00Z"));
      expect(keys(await chat.text(code))).toEqual(["otp.expired", "ask.phoneCode"]);
      expect(keys(await chat.press("code.resend"))).toEqual(["otp.sent", "ask.phoneCode"]);
      expect(harness.sms).toHaveLength(2);
      for (let i = 0; i < 4; i++) await chat.text(wrong);
      expect(keys(await chat.text(wrong))).toEqual(["otp.exhausted", "ask.phoneCode"]);
      expect(keys(await chat.text(harness.lastCode()))).toEqual(["otp.exhausted", "ask.phoneCode"]);
      harness.setNow(new Date("2026-11-23T02:13:00Z"));
      await chat.press("code.resend");
      expect(keys(await chat.text(` ${harness.lastCode()} `))).toEqual([
        "otp.verified",
        "consent.prompt",
        "summary.title",
        "summary.line",
        "summary.line",
        "summary.line",
        "summary.line",
      ]);
    });

    it("lets the user edit any field from the summary, then requires consent to submit", async () => {
      const chat = harness.chat("carol");
      await register(chat);
      await chat.text("11010519491231002X");
      await chat.file(photo);
      const summary = await chat.file(await minimalGoodJpeg(77));
      expect(readable(summary)).toContain("ID number: 110105********002X");
      expect(readable(summary)).not.toContain("11010519491231002X");

      await chat.press("edit");
      expect(keys(await chat.press("edit.email"))).toEqual(["ask.email", "ask.currentValue"]);
      expect(readable(await chat.text("new.address@example.com"))).toContain("Email: new.address@example.com");

      // Consent is given at the summary, with one tap; a Submit button of an earlier summary still asks for it alone.
      expect(readable(summary)).toContain("By submitting, you agree");
      expect(summary.at(-1)?.choices?.map((choice) => choice.id)).toEqual(["consent.agree", "edit"]);
      expect(keys(await chat.press("submit"))).toEqual(["consent.prompt"]);
      expect(keys(await chat.press("consent.back"))[0]).toBe("consent.prompt");
      const done = await chat.press("consent.agree");
      expect(readable(done)).toMatch(/Your reference is [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\. .* by Thu 26 Nov/);
      expect(keys(done).slice(-1)).toEqual(["menu.prompt"]);

      const record = await findUserRecord(harness.store, "console", "carol", "2026-11-23");
      expect(record?.application?.status).toBe("submitted");
      expect(keys(await chat.press("start"))).toEqual(["start.pending", "menu.prompt"]);
    });

    it("keeps the draft on /cancel and /back steps to the previous question", async () => {
      const chat = harness.chat("dave");
      await register(chat);
      expect(keys(await chat.text("/back"))).toEqual(["ask.method"]);
      expect(keys(await chat.text("/back"))).toEqual(["ask.phone", "ask.currentValue"]);
      expect(keys(await chat.text("/cancel"))).toEqual(["cancel.done", "menu.draftWaiting", "menu.prompt"]);
      expect(keys(await chat.press("start"))).toEqual(["ask.idNumber"]);
    });

    it("chooses Chinese or English from the platform locale and switches with /lang", async () => {
      const zh = await harness.chat("wang", "telegram", "zh-hans").text("你好");
      expect(zh[0]?.locale).toBe("zh-CN");
      const en = await harness.chat("mary", "telegram", "en-GB").text("hi");
      expect(en[0]?.locale).toBe("en");
      const switched = await harness.chat("wang", "telegram", "zh-hans").text("/lang en");
      expect(switched.map((reply) => reply.locale)).toEqual(["en", "en"]);
      expect(readable(switched)).toContain("Language set to English.");
      // Named in words or as a tag; a language we don't speak is said so, and nothing switches.
      expect(readable(await harness.chat("wang", "telegram", "zh-hans").text("/lang 中文"))).toContain("已切换为中文");
      expect(readable(await harness.chat("wang", "telegram", "zh-hans").text("/lang English"))).toContain("Language set to English.");
      const french = await harness.chat("wang", "telegram", "zh-hans").text("/lang fr");
      expect(readable(french)).toContain("I speak 中文 and English only: send /lang zh or /lang en");
      expect(french.map((reply) => reply.locale)).toEqual(["en", "en"]);
    });

    it("finds a free reference code when the first ones are taken", async () => {
      const codes = ["AAAA-AAAA", "AAAA-AAAA", "BBBB-BBBB"];
      const local = await createHarness({ dialect, newReference: () => codes.shift() ?? "CCCC-CCCC" });
      try {
        for (const user of ["u1", "u2"]) await submitWithPhone(local, user);
        expect((await findUserRecord(local.store, "console", "u1", "2026-11-23"))?.application?.reference).toBe("AAAA-AAAA");
        expect((await findUserRecord(local.store, "console", "u2", "2026-11-23"))?.application?.reference).toBe("BBBB-BBBB");
      } finally {
        await local.close();
      }
    });

    it("handles one chat's events in order even when they arrive together", async () => {
      const chat = harness.chat("erin");
      const results = await Promise.all([chat.press("start"), chat.text("张三"), chat.text("erin@example.com")]);
      expect(results.map(keys)).toEqual([["ask.name"], ["ask.email"], ["ask.phone"]]);
    });

    it("refuses to start verification for a disabled account and says how to reach support", async () => {
      await harness.chat("frank").text("hi");
      await harness.rows("update users set account_status = 'disabled'");
      const replies = await harness.chat("frank").press("start");
      // The menu's lead is the refusal's own sentence: said once, then only the buttons that can work.
      expect(keys(replies)).toEqual(["situation.accountBlocked", "situation.support", "menu.prompt"]);
      expect(replies.at(-1)?.choices?.map((choice) => choice.id)).toEqual(["support", "status", "faq"]);
      expect(readable(replies)).toContain("support@example.com");
    });

    it("a disabled account with a draft is offered nothing that would be refused: no Continue, no newcomer's steps", async () => {
      const gina = harness.chat("gina");
      await gina.press("start");
      await gina.text("张三");
      await harness.rows("update users set account_status = 'disabled'");
      expect(keys(await gina.text("/cancel"))).toEqual(["cancel.stopped", "situation.accountBlocked", "menu.prompt"]); // no "Continue"
      const status = await gina.text("/status");
      expect(keys(status)).toEqual(["situation.accountBlocked", "situation.support", "situation.draft", "menu.prompt"]);
      expect(status.at(-1)?.choices?.map((choice) => choice.id)).toEqual(["support", "status", "faq"]);
      expect(keys(await gina.text("/start"))).toEqual(["menu.welcomeBack", "situation.accountBlocked", "menu.prompt"]);
      expect(keys(await gina.text("how do I get verified"))[0]).toBe("situation.accountBlocked");
    });

    it("an account disabled mid-application hears it at the next step, not after every question at Submit; the answer is kept", async () => {
      const hana = harness.chat("hana");
      await hana.press("start");
      await hana.text("张三");
      await harness.rows("update users set account_status = 'disabled'");
      const told = await hana.text("hana@example.com");
      expect(keys(told)).toEqual(["situation.accountBlocked", "situation.support", "menu.prompt"]);
      expect(keys(told)).not.toContain("ask.phone");
      await harness.rows("update users set account_status = 'active'");
      expect(keys(await hana.press("start"))).toEqual(["ask.phone"]); // re-enabled: on from where they were, the email kept
    });
  });
});
