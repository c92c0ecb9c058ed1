import pino from "pino";
import { describe, expect, it } from "vitest";
import { Outbound } from "../../src/chat/outbound.js";
import type { Reply } from "../../src/chat/reply.js";
import { announcementNotification } from "../../src/notifications/notification-content.js";
import { chatReply, notify } from "../../src/notifications/notify.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, restartHarness, submitWithPhone } from "../helpers/harness.js";
import { dispatcherFor, harnessWithSubmission, recordingChat } from "../helpers/notification-harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

const states = (harness: Awaited<ReturnType<typeof createHarness>>) =>
  harness.rows("select channel, status, attempts, failure from deliveries order by channel");

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  describe("the outbox across crashes", () => {
    it("a crash between the decision and any delivery loses nothing: after the restart every channel is delivered", async () => {
      const { harness, approve } = await harnessWithSubmission(["chat", "email", "sms"], { dialect });
      try {
        const replies = await approve();
        expect(replies.find((reply) => reply.to?.chatId === "alice")?.notificationId).toBeDefined();
        // Crash: the reply for Alice was never sent, nobody marked anything.
        await harness.close(false);
        const restarted = await restartHarness(harness, {
          reviewers: consoleReviewers(["rita"]),
          notifyChannels: ["chat", "email", "sms"],
        });
        try {
          expect(await restarted.store.outbox().recoverInterrupted(new Date())).toBe(1);
          const emails: string[] = [];
          const sms: string[] = [];
          const chat = recordingChat();
          await dispatcherFor(restarted, {
            chat: chat.send,
            email: { send: async (to) => void emails.push(to) },
            sms: { send: async (phone) => void sms.push(phone) },
          }).runOnce();
          expect(emails).toEqual(["alice@example.com"]);
          expect(sms).toEqual(["+8613812348000"]);
          // The live chat attempt's outcome is unknown after the crash: recorded, and not re-sent blindly.
          expect(chat.sent).toEqual([]);
          expect(await states(restarted)).toEqual([
            { channel: "chat", status: "failed", attempts: 1, failure: expect.stringContaining("interrupted") },
            { channel: "email", status: "sent", attempts: 1, failure: null },
            { channel: "sms", status: "sent", attempts: 1, failure: null },
          ]);
        } finally {
          await restarted.close();
        }
      } finally {
        await harness.close();
      }
    });

    it("a crash between sending a chat message and marking it sent does not send it twice", async () => {
      const harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita"]) });
      try {
        await aliceWithAnAnnouncement(harness);
        // The dispatcher's steps, and the kill: the claim is committed, the platform accepts the message, the mark never happens.
        const outbox = harness.store.outbox();
        const [due] = await outbox.claimDue(new Date(), ["chat"], 10, new Date(Date.now() + 60_000));
        expect(due).toBeDefined();
        const delivered: Reply[] = [chatReply(due!.notificationId, { platform: "console", chatId: "alice" }, "en", due!.content)];

        // Restart: once the dead sender's lease has run out, recovery; then the dispatcher runs as usual.
        expect(await outbox.recoverInterrupted(new Date())).toBe(0); // still leased: it may be in flight elsewhere
        expect(await outbox.recoverInterrupted(new Date(Date.now() + 61_000))).toBe(1);
        const after = recordingChat();
        await dispatcherFor(harness, { chat: after.send }).runOnce(new Date(Date.now() + 86_400_000));
        expect([...delivered, ...after.sent]).toHaveLength(1);
        const [notification] = await outbox.recentForUser(await userOf(harness), 1);
        expect(notification!.deliveries[0]).toMatchObject({
          channel: "chat",
          status: "failed",
          attempts: 1,
          failure: expect.stringContaining("not re-sent"),
        });
      } finally {
        await harness.close();
      }
    });

    it("a live chat message that the platform refused is retried by the dispatcher, and marked sent when it arrives", async () => {
      const { harness, approve } = await harnessWithSubmission(["chat"], { dialect });
      try {
        const outbox = harness.store.outbox();
        const outbound = new Outbound(pino({ level: "silent" }), {
          sent: (id) => outbox.markSent(id, "chat"),
          failed: (id, reason) => outbox.markRetry(id, "chat", reason, new Date()),
        });
        outbound.register("console", async () => {
          throw new Error("Call to 'sendMessage' failed! (502: Bad Gateway)");
        });
        await outbound.deliver(await approve());
        expect(await states(harness)).toEqual([
          { channel: "chat", status: "pending", attempts: 1, failure: "Call to 'sendMessage' failed! (502: Bad Gateway)" },
        ]);
        const chat = recordingChat();
        await dispatcherFor(harness, { chat: chat.send }).runOnce(new Date(Date.now() + 1000));
        expect(chat.sent).toHaveLength(1);
        expect(chat.sent[0]!.to).toEqual({ platform: "console", chatId: "alice" });
        expect(await states(harness)).toEqual([{ channel: "chat", status: "sent", attempts: 2, failure: null }]);
      } finally {
        await harness.close();
      }
    });

    it("when recording “sent” fails, the message is not taken for unsent and sent again", async () => {
      const harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita"]) });
      try {
        await aliceWithAnAnnouncement(harness);
        const outbox = harness.store.outbox();
        const flakyOutbox = Object.assign(Object.create(outbox) as typeof outbox, {
          markSent: async () => {
            throw new Error("SQLITE_BUSY");
          },
        });
        const chat = recordingChat();
        await expect(dispatcherFor(harness, { chat: chat.send, outbox: flakyOutbox }).runOnce()).rejects.toThrow("SQLITE_BUSY");
        await dispatcherFor(harness, { chat: chat.send }).runOnce(new Date(Date.now() + 86_400_000));
        expect(chat.sent).toHaveLength(1);
      } finally {
        await harness.close();
      }
    });
  });

  async function userOf(harness: Awaited<ReturnType<typeof createHarness>>): Promise<string> {
    const [row] = (await harness.rows("select user_id from identities where platform_user_id = 'alice'")) as [{ user_id: string }];
    return row.user_id;
  }

  /** Alice with a submitted application and a notification the dispatcher sends (not a live one): an announcement. */
  async function aliceWithAnAnnouncement(harness: Awaited<ReturnType<typeof createHarness>>): Promise<void> {
    await submitWithPhone(harness, "alice");
    const userId = await userOf(harness);
    await harness.store.transaction((tx) =>
      notify(tx, {
        userId,
        kind: "announcement",
        reference: null,
        content: announcementNotification({ zh: "维护", en: "Maintenance" }, "en"),
        channels: ["chat"],
        at: new Date(),
      }),
    );
  }
});
