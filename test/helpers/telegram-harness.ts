import type { Server } from "node:http";
import type { Update } from "grammy/types";
import pino from "pino";
import { startWebServer } from "../../adapters/http/web-server.js";
import { runTelegram } from "../../adapters/telegram/run-telegram.js";
import { createTelegramBot } from "../../adapters/telegram/telegram-bot.js";
import { findUserRecord } from "../../src/applications/user-records.js";
import type { Outbound } from "../../src/chat/outbound.js";
import type { ReviewPolicy } from "../../src/domain/review-policy.js";
import type { Locale } from "../../src/i18n/locale.js";
import { type Reviewers, type RoomDetails, roomReviewers } from "../../src/review/reviewers.js";
import { adapterTestOptions } from "./adapter-test-options.js";
import { BOT_INFO, startFakeTelegramApi } from "./fake-telegram-api.js";
import { createHarness, type Harness } from "./harness.js";
import { goodJpeg } from "./hostile-files.js";
import { messageUpdate, pressUpdate } from "./telegram-updates.js";

export const REVIEW_CHAT = -100500;
export const REVIEWER = 900;
export const SECOND_REVIEWER = 901;

/** The test group and its two reviewers. */
export function telegramReviewers(roomDetails: RoomDetails = "private"): Reviewers {
  return roomReviewers("telegram", String(REVIEW_CHAT), [String(REVIEWER), String(SECOND_REVIEWER)], roomDetails);
}

/**
 * The real Telegram bot over a real engine and SQLite file, talking to a fake
 * Bot API server over HTTP; updates go in through `bot.handleUpdate`, as
 * polling and webhooks deliver them. Pass `shared` to put it beside another
 * platform's adapter on one engine.
 */
export async function createTelegramHarness(
  shared?: { harness: Harness; reviewers: Reviewers; outbound: Outbound },
  {
    roomDetails = "private",
    review,
    defaultLocale,
    webhookAnswers = false,
  }: { roomDetails?: RoomDetails; review?: ReviewPolicy; defaultLocale?: Locale; webhookAnswers?: boolean } = {},
) {
  const api = await startFakeTelegramApi();
  const reviewers = shared?.reviewers ?? telegramReviewers(roomDetails);
  const harness =
    shared?.harness ?? (await createHarness({ reviewers, ...(review ? { review } : {}), ...(defaultLocale ? { defaultLocale } : {}) }));
  const bot = createTelegramBot({
    ...adapterTestOptions(harness, reviewers, shared?.outbound),
    token: "123456:TEST",
    apiRoot: api.apiRoot,
    botInfo: BOT_INFO,
    webhookAnswers,
  });
  const servers: Server[] = [];
  let updateId = 1;
  let messageId = 1;
  const send = (update: Omit<Update, "update_id">, id = updateId++) => bot.handleUpdate({ update_id: id, ...update } as Update);
  const message = (from: number, chatId: number, content: object, language?: string) =>
    messageUpdate(from, content, { chatId, messageId: messageId++, ...(language ? { language } : {}) }) as Omit<Update, "update_id">;

  const telegram = {
    api,
    bot,
    harness,
    send,
    text: (from: number, text: string, options: { chatId?: number; language?: string } = {}) =>
      send(message(from, options.chatId ?? from, { text }, options.language)),
    press: (from: number, data: string, options: { chatId?: number; messageId?: number; language?: string } = {}) =>
      send(pressUpdate(from, data, { id: `cb${updateId}`, ...options }) as Omit<Update, "update_id">),
    contact: (from: number, phone: string, ownerId: number | undefined) =>
      send(message(from, from, { contact: { phone_number: phone, first_name: "Test", ...(ownerId ? { user_id: ownerId } : {}) } })),
    photo: (from: number, fileId: string, size?: number) =>
      send(
        message(from, from, {
          photo: [
            { file_id: `${fileId}-small`, file_unique_id: "s", width: 90, height: 60 },
            { file_id: fileId, file_unique_id: "l", width: 1280, height: 960, ...(size !== undefined ? { file_size: size } : {}) },
          ],
        }),
      ),
    document: (from: number, fileId: string, size?: number) =>
      send(
        message(from, from, {
          document: {
            file_id: fileId,
            file_unique_id: fileId,
            file_name: "card.jpg",
            mime_type: "image/jpeg",
            ...(size !== undefined ? { file_size: size } : {}),
          },
        }),
      ),
    /** The last message sent to a chat, with its inline buttons' callback data. */
    lastTo(chatId: number) {
      const call = api
        .callsOf("sendMessage")
        .filter((c) => String(c.payload.chat_id) === String(chatId))
        .at(-1);
      const buttons: string[] = (call?.payload.reply_markup?.inline_keyboard ?? [])
        .flat()
        .map((button: { callback_data: string }) => button.callback_data);
      return { text: (call?.payload.text as string | undefined) ?? "", buttons, markup: call?.payload.reply_markup };
    },
    /** Registers with the phone proven by the user's own contact, picks the ID card and gives its number: the bot then asks for the front photo. */
    async reachIdCardPhotos(from: number) {
      await telegram.text(from, "/start");
      await telegram.press(from, "start");
      await telegram.text(from, "Zhang San");
      await telegram.text(from, "zhang.san@example.com");
      await telegram.contact(from, "+8613812348000", from);
      await telegram.press(from, "method.id_card");
      await telegram.text(from, "11010519491231002X");
    },
    /** A whole ID-card verification up to submission, photos sent as files; returns the reference. */
    async submitIdCard(from: number): Promise<string> {
      await telegram.reachIdCardPhotos(from);
      api.addFile("front", await goodJpeg());
      api.addFile("back", await goodJpeg());
      await telegram.document(from, "front");
      await telegram.document(from, "back");
      await telegram.press(from, "consent.agree");
      return (await findUserRecord(harness.store, "telegram", String(from), "2099-12-31"))!.application!.reference;
    },
    /**
     * The bot in webhook mode behind a real web server, as `npm start` serves it (the webhook at
     * `path`, `secret` required); returns the server's base URL. Closed with the harness.
     */
    async serveWebhook(secret: string, path = "/telegram"): Promise<string> {
      const mode = { kind: "webhook" as const, url: `https://bot.example.com${path}`, secret, maxConnections: 40 };
      const running = await runTelegram(bot, mode, pino({ level: "silent" }), "en");
      const started = await startWebServer(0, new Map([[running.webhook!.path, running.webhook!.handler]]));
      servers.push(started.server);
      return `http://127.0.0.1:${started.port}`;
    },
    async close() {
      for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
      if (!shared) await harness.close();
      await api.close();
    },
  };
  return telegram;
}

export type TelegramHarness = Awaited<ReturnType<typeof createTelegramHarness>>;
