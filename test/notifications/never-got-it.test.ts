import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/notifications/delivery-error.js";
import { keys, readable } from "../helpers/harness.js";
import { dispatcherFor, harnessWithSubmission, recordingChat } from "../helpers/notification-harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  describe("“I never got the notification”", () => {
    it("shows the masked contact details and how the last notification fared on each channel, with resend and correction buttons", async () => {
      const { harness, approve } = await harnessWithSubmission(["chat", "email", "sms"], { dialect });
      try {
        await approve();
        await dispatcherFor(harness, {
          chat: recordingChat().send,
          email: {
            send: async () => {
              throw new DeliveryError("SMTP 550", true);
            },
          },
          sms: { send: async () => undefined },
        }).runOnce();
        const answer = await harness.chat("alice").text("I never got the result email");
        const text = readable(answer);
        expect(text).toContain("a***e@example.com");
        expect(text).toContain("+86 138****8000");
        expect(text).toMatch(/email: failed — SMTP 550/);
        expect(text).toMatch(/SMS: delivered/);
        expect(answer.flatMap((reply) => reply.choices ?? []).map((choice) => choice.id)).toEqual(
          expect.arrayContaining(["notify.resend", "update.email", "update.phone"]),
        );
      } finally {
        await harness.close();
      }
    });

    it("resends at most 3 times an hour, then says when to try again", async () => {
      const { harness, approve } = await harnessWithSubmission(["chat", "email"], { dialect });
      try {
        await approve();
        const alice = harness.chat("alice");
        for (let i = 0; i < 3; i++) {
          const resent = await alice.press("notify.resend");
          expect(keys(resent)).toContain("notification.resent");
          expect(resent.some((reply) => reply.notificationId)).toBe(true); // the result itself, again, in the chat
        }
        const refused = await alice.press("notify.resend");
        expect(keys(refused)).toContain("notification.resendLimited");
        expect(readable(refused)).toMatch(/try again in 60 min/);
        harness.setNow(new Date("2026-11-23T03:01:00Z")); // an hour after the first resend
        expect(keys(await alice.press("notify.resend"))).toContain("notification.resent");
        const kinds = (
          await harness.rows<{ kind: string; n: number }>("select kind, count(*) as n from notifications group by kind order by kind")
        ).map(({ kind, n }) => ({ kind, n: Number(n) }));
        expect(kinds).toEqual([
          { kind: "decision", n: 1 },
          { kind: "resend", n: 4 },
        ]);
      } finally {
        await harness.close();
      }
    });

    it("corrects the email, then resends the last result to the new address", async () => {
      const { harness, approve } = await harnessWithSubmission(["chat", "email"], { dialect });
      try {
        await approve();
        const alice = harness.chat("alice");
        expect(keys(await alice.press("update.email"))).toEqual(["ask.newEmail"]);
        const updated = await alice.text("alice.new@example.com");
        expect(updated.flatMap((reply) => reply.choices ?? []).map((choice) => choice.id)).toContain("notify.resend");
        await alice.press("notify.resend");
        const emails: string[] = [];
        await dispatcherFor(harness, { chat: recordingChat().send, email: { send: async (to) => void emails.push(to) } }).runOnce(
          new Date("2026-11-23T03:00:00Z"),
        );
        expect(emails).toEqual(["alice@example.com", "alice.new@example.com"]); // the original decision, then the resend to the corrected address
      } finally {
        await harness.close();
      }
    });

    it("with nothing sent yet, says there is nothing to resend", async () => {
      const { harness } = await harnessWithSubmission(["chat"], { dialect });
      try {
        expect(keys(await harness.chat("alice").press("notify.resend"))).toContain("notification.nothingToResend");
      } finally {
        await harness.close();
      }
    });
  });
});
