import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "../../src/i18n/message.js";
import { queueAnnouncement } from "../../src/notifications/announce.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { dispatcherFor, recordingChat } from "../helpers/notification-harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

const USERS = 1000;
const TEXTS = { zh: "今晚 22:00–23:00 系统维护。", en: "Maintenance tonight 22:00–23:00." };

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await createHarness({ dialect, now: new Date() });
    for (let user = 0; user < USERS; user++) {
      const name = `user${user}`;
      await harness.engine.handle({
        id: `hello-${user}`,
        platform: "console",
        chatId: name,
        userId: name,
        kind: "text",
        text: "/start",
        ...(user % 2 ? { locale: "zh-CN" } : {}),
      });
    }
  }, 120_000);
  afterAll(() => harness.close());

  describe("announcements", () => {
    it("interrupted while queueing and resumed, then delivered with a crash in between: each of 1,000 users gets it exactly once", async () => {
      const now = new Date();
      await expect(
        queueAnnouncement(harness.store, TEXTS, 30, now, (progress) => {
          if (progress.done >= 400) throw new Error("killed");
        }),
      ).rejects.toThrow("killed");
      expect(await count("select count(*) from notifications where kind = 'announcement'")).toBe(400);

      const resumed = await queueAnnouncement(harness.store, TEXTS, 30, now);
      expect(resumed).toMatchObject({ total: USERS, done: USERS, queued: USERS - 400 });
      expect(await count("select count(*) from notifications where kind = 'announcement'")).toBe(USERS);
      expect(await count("select count(distinct user_id) from notifications where kind = 'announcement'")).toBe(USERS);
      expect(await count("select count(distinct announcement_id) from notifications")).toBe(1);

      // Deliver part, "crash" (a new dispatcher after recovery), deliver the rest.
      const chat = recordingChat();
      await dispatcherFor(harness, { chat: chat.send, batch: 300 }).runOnce();
      expect(chat.sent).toHaveLength(300);
      await harness.store.outbox().recoverInterrupted(new Date());
      const later = dispatcherFor(harness, { chat: chat.send, batch: 300 });
      while ((await later.runOnce()) > 0);
      const recipients = chat.sent.map((reply) => reply.to.chatId);
      expect(recipients).toHaveLength(USERS);
      expect(new Set(recipients).size).toBe(USERS);
      const zh = chat.sent.find((reply) => reply.to.chatId === "user1")!;
      const en = chat.sent.find((reply) => reply.to.chatId === "user2")!;
      expect(translate(zh.locale, zh.body[0]!)).toBe(TEXTS.zh);
      expect(translate(en.locale, en.body[0]!)).toBe(TEXTS.en);
      expect(await count("select count(*) from deliveries where status = 'sent'")).toBe(USERS);
    }, 60_000);

    it("paces chat messages to the platform's rate", async () => {
      await queueAnnouncement(harness.store, { zh: "甲", en: "B" }, 30, new Date());
      const dispatcher = dispatcherFor(harness, { chat: recordingChat().send, chatPerSecond: { console: 50 }, batch: 26 });
      const start = Date.now();
      expect(await dispatcher.runOnce()).toBe(26);
      // 26 messages at 50 per second: 25 gaps of 20 ms at least (a lower bound only, so a slow machine can't fail it).
      expect(Date.now() - start).toBeGreaterThanOrEqual(490);
    });
  });

  async function count(query: string): Promise<number> {
    const [row] = await harness.rows<object>(query);
    return Number(Object.values(row!)[0]);
  }
});
