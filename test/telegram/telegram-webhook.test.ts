import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTelegram } from "../../adapters/telegram/run-telegram.js";
import { createTelegramHarness, type TelegramHarness } from "../helpers/telegram-harness.js";
import { postUpdate, pressUpdate, textUpdate } from "../helpers/telegram-updates.js";

const SECRET = "webhook-secret_42";
let t: TelegramHarness;
let url: string;

beforeEach(async () => {
  t = await createTelegramHarness();
  url = await t.serveWebhook(SECRET, "/telegram/updates");
});
afterEach(() => t.close());

const update = (updateId: number) => ({ update_id: updateId, ...textUpdate(1001, "/start") });

const post = (body: unknown, secret?: string) =>
  fetch(`${url}/telegram/updates`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
    body: JSON.stringify(body),
  });

describe("Telegram webhook mode", () => {
  it("registers the webhook with its secret and the update kinds the bot reads", () => {
    const [setWebhook] = t.api.callsOf("setWebhook");
    expect(setWebhook?.payload).toMatchObject({
      url: "https://bot.example.com/telegram/updates",
      secret_token: SECRET,
      allowed_updates: ["message", "callback_query"],
      max_connections: 40,
    });
    expect(t.api.callsOf("setMyCommands").map((call) => call.payload.language_code ?? "default")).toEqual(["default", "zh", "en"]);
  });

  it("accepts an update carrying the secret and answers the user", async () => {
    expect((await post(update(1), SECRET)).status).toBe(200);
    expect(t.api.textsTo(1001).length).toBeGreaterThan(0);
  });

  it("refuses a wrong or missing secret with 401 and does nothing", async () => {
    expect((await post(update(2), "guess")).status).toBe(401);
    expect((await post(update(3))).status).toBe(401);
    expect(t.api.callsOf("sendMessage")).toEqual([]);
  });

  it("ignores a redelivered update (same update_id)", async () => {
    await post(update(4), SECRET);
    const sent = t.api.callsOf("sendMessage").length;
    expect((await post(update(4), SECRET)).status).toBe(200);
    expect(t.api.callsOf("sendMessage").length).toBe(sent);
  });

  it("answers 200 only once the update is handled, however slowly its replies go (a crash before then gets it redelivered)", async () => {
    t.api.stallNext("sendMessage", 10_000); // longer than the 9 s after which the webhook used to answer regardless
    const started = Date.now();
    expect((await post(update(5), SECRET)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
  }, 30_000);

  it("a reply Telegram refuses for now (429 beyond the retry limit) leaves the update unanswered; its redelivery sends the replies once", async () => {
    t.api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 300", parameters: { retry_after: 300 } });
    expect((await post(update(6), SECRET)).status).toBe(500); // Telegram delivers it again
    const [refused, ...heldBack] = t.api.textsTo(1001); // the fake records the refused attempt
    expect(heldBack).toEqual([]); // the next reply waited: it would have come first
    await new Promise((resolve) => setTimeout(resolve, 5_100)); // Telegram's redelivery comes later than the engine's grace for duplicates
    expect((await post(update(6), SECRET)).status).toBe(200);
    const [, ...sent] = t.api.textsTo(1001);
    expect(sent[0]).toBe(refused);
    expect(sent.length).toBeGreaterThan(1); // the welcome, then what the user may do
    expect((await post(update(6), SECRET)).status).toBe(200); // confirmed now: a further copy sends nothing
    expect(t.api.textsTo(1001)).toEqual([refused, ...sent]);
  }, 30_000);

  it("a reply refused for good (403: the user blocked the bot) is not retried: the update is answered 200", async () => {
    t.api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect((await post(update(7), SECRET)).status).toBe(200);
  });

  it("answers 404 elsewhere and 200 on /healthz", async () => {
    expect((await fetch(`${url}/other`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("gives the review group its own command menu, in REVIEW_LOCALE: what works there", async () => {
    const h = await createTelegramHarness();
    try {
      await runTelegram(
        h.bot,
        { kind: "webhook", url: "https://bot.example.com/t", secret: SECRET, maxConnections: 40 },
        pino({ level: "silent" }),
        "en",
        {
          reviewRoom: { chatId: "-100500", locale: "zh-CN" },
        },
      );
      const menus = h.api.callsOf("setMyCommands");
      expect(menus.map((call) => call.payload.scope?.chat_id ?? call.payload.language_code ?? "default")).toEqual([
        "default",
        "zh",
        "en",
        -100500,
      ]);
      expect(menus.at(-1)!.payload.commands).toEqual([
        { command: "queue", description: "审核人员：待审核的申请" },
        { command: "help", description: "我能做什么" },
      ]);
    } finally {
      await h.close();
    }
  });

  it("starts even when the optional command menus can't be set", async () => {
    const h = await createTelegramHarness();
    try {
      h.api.failNext("setMyCommands", ...Array(3).fill({ error_code: 400, description: "Bad Request: BOT_COMMAND_INVALID" }));
      const running = await runTelegram(
        h.bot,
        { kind: "webhook", url: "https://bot.example.com/t", secret: SECRET, maxConnections: 40 },
        pino({ level: "silent" }),
        "en",
      );
      expect(running.webhook?.path).toBe("/t");
      expect(h.api.callsOf("setWebhook")).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});

describe("Telegram webhook mode, an update's last message in the answer (TELEGRAM_WEBHOOK_ANSWERS=on)", () => {
  let answering: TelegramHarness;
  let base: string;
  beforeEach(async () => {
    answering = await createTelegramHarness(undefined, { webhookAnswers: true });
    base = `${await answering.serveWebhook(SECRET)}/telegram`;
  });
  afterEach(() => answering.close());

  const messagesTo = (chat: number) => answering.api.callsOf("sendMessage").filter((call) => String(call.payload.chat_id) === String(chat));

  it("carries each update's replies in the answer, as one message: the welcome joined to the menu, a blank line apart", async () => {
    expect(await answering.api.deliver(base, SECRET, { update_id: 1, ...textUpdate(2001, "/start") })).toBe(200);
    const [start, ...more] = messagesTo(2001);
    expect(more).toEqual([]);
    expect(start).toMatchObject({
      inAnswer: true,
      payload: { chat_id: "2001", text: expect.stringMatching(/^Hello![\s\S]*\n\nWhat would you like/) },
    });
    expect(JSON.stringify(start?.payload.reply_markup)).toContain("inline_keyboard"); // the menu's buttons travel with it

    expect(await answering.api.deliver(base, SECRET, { update_id: 2, ...pressUpdate(2001, "start") })).toBe(200);
    expect(messagesTo(2001).slice(1)).toMatchObject([{ inAnswer: true, payload: { text: expect.stringMatching(/name/i) } }]);
    expect(answering.api.callsOf("sendMessage").filter((call) => !call.inAnswer)).toEqual([]); // nothing went by call
  });

  it("an answer lost on its way (Telegram posts the update again): the redelivery's answer carries the whole message again", async () => {
    const update = { update_id: 3, ...textUpdate(2002, "/start") };
    await (await postUpdate(base, SECRET, update)).body?.cancel(); // answered, but the answer never reached Telegram
    expect(messagesTo(2002)).toEqual([]); // the welcome and the menu were both in the lost answer: nothing went by call
    answering.harness.setNow(new Date("2026-11-23T02:01:00Z")); // a minute on: Telegram's next attempt, past the grace for duplicates in flight
    expect(await answering.api.deliver(base, SECRET, update)).toBe(200);
    const [again, ...more] = messagesTo(2002);
    expect(again).toMatchObject({ inAnswer: true, payload: { text: expect.stringMatching(/^Hello![\s\S]*\n\nWhat would you like/) } });
    expect(more).toEqual([]);
  });

  it("sends everything through the Bot API when off (TELEGRAM_WEBHOOK_ANSWERS=off), as in long polling", async () => {
    expect((await post(update(8), SECRET)).status).toBe(200); // the harness of the first block: answers off
    expect(t.api.callsOf("sendMessage").filter((call) => call.inAnswer)).toEqual([]);
    expect(t.api.textsTo(1001).length).toBeGreaterThan(1);
  });
});
