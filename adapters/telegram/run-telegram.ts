import { type RunnerHandle, run } from "@grammyjs/runner";
import { Api, type Bot, GrammyError, webhookCallback } from "grammy";
import type { BotCommand, LanguageCode } from "grammy/types";
import { REVIEW_ROOM_COMMANDS, USER_COMMANDS } from "../../src/chat/chat-event.js";
import { LOCALES, type Locale } from "../../src/i18n/locale.js";
import { type MessageKey, msg, translate } from "../../src/i18n/message.js";
import { Dependencies } from "../../src/runtime/dependencies.js";
import { errorSummary, type Logger } from "../../src/runtime/logger.js";
import type { RunningPlatform } from "../http/web-server.js";

/** The kinds of update the bot reads; Telegram does not even send the others. */
const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export type TelegramMode = { kind: "polling" } | { kind: "webhook"; url: string; secret: string; maxConnections: number };

/**
 * Starts the bot: `getMe` must succeed (a wrong token stops the start with a
 * clear message); the command menus are optional and only warned about.
 */
export async function runTelegram(
  bot: Bot,
  mode: TelegramMode,
  logger: Logger,
  defaultLocale: Locale,
  reach: { dependencies?: Dependencies; apiRoot?: string; reviewRoom?: ReviewRoomMenu } = {},
): Promise<RunningPlatform> {
  await identify(bot, reach.dependencies ?? new Dependencies(logger), reach.apiRoot);
  await bot.init();
  await registerCommands(bot, logger, defaultLocale, reach.reviewRoom);
  if (mode.kind === "webhook") {
    // Telegram opens up to `max_connections` at once to the URL: a load balancer spreads them over the instances.
    await bot.api.setWebhook(mode.url, {
      secret_token: mode.secret,
      allowed_updates: ALLOWED_UPDATES,
      max_connections: mode.maxConnections,
    });
    logger.info({ platform: "telegram", bot: bot.botInfo.username }, "Telegram bot ready (webhook)");
    // 200 only once the update is handled (its replies sent, the last one perhaps in the answer itself): answered
    // earlier, an update whose handling a crash then cuts short would never be redelivered. One that takes too long is answered 500 instead: Telegram
    // redelivers it, and the engine's processed-event record keeps it from taking effect twice.
    const handler = webhookCallback(bot, "http", { secretToken: mode.secret, onTimeout: "throw", timeoutMilliseconds: 50_000 });
    return { webhook: { path: new URL(mode.url).pathname, handler }, stop: async () => undefined };
  }
  // Polling and a webhook exclude each other: Telegram answers getUpdates with 409 while a webhook is set.
  await bot.api
    .deleteWebhook()
    .catch((error: unknown) => logger.warn({ platform: "telegram", error: errorSummary(error) }, "deleteWebhook failed"));
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  logger.info({ platform: "telegram", bot: bot.botInfo.username }, "Telegram bot ready (long polling)");
  return { stop: () => (runner.isRunning() ? runner.stop() : Promise.resolve()) };
}

/** How long one `getMe` may take at start before it counts as failed. */
const IDENTIFY_TIMEOUT_SECONDS = 5;

/**
 * `getMe` until the Bot API answers, each failure said on the log with when the next try comes:
 * grammY's own `init` retries network errors silently, forever. It asks through a client of its
 * own, without the bot's retries, so that the log says why each try failed. An answer that refuses
 * (a wrong token: 401) ends the start at once — waiting would not fix it.
 */
async function identify(bot: Bot, dependencies: Dependencies, apiRoot: string | undefined): Promise<void> {
  if (bot.isInited()) return;
  const probe = new Api(bot.token, { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: IDENTIFY_TIMEOUT_SECONDS });
  bot.botInfo = await dependencies.retryUntilReachable(
    "telegram",
    () => probe.getMe(),
    (error) => error instanceof GrammyError,
  );
}

/** The review group (`TELEGRAM_REVIEW_CHAT_ID`) and its language (`REVIEW_LOCALE`), for its own command menu. */
export interface ReviewRoomMenu {
  chatId: string;
  locale: Locale;
}

async function registerCommands(bot: Bot, logger: Logger, defaultLocale: Locale, reviewRoom: ReviewRoomMenu | undefined): Promise<void> {
  const commands = (locale: Locale, names: readonly string[]): BotCommand[] =>
    names.map((command) => ({ command, description: translate(locale, msg(`telegram.command.${command}` as MessageKey)) }));
  const set = (menu: BotCommand[], scope: Parameters<Api["setMyCommands"]>[1]) =>
    bot.api
      .setMyCommands(menu, scope)
      .catch((error: unknown) =>
        logger.warn({ platform: "telegram", error: errorSummary(error) }, "setMyCommands failed; the command menu may be missing"),
      );
  // The default menu, then one per language Telegram users set (zh-hans/zh-hant clients report "zh").
  const menus: Array<[Locale, LanguageCode | undefined]> = [
    [defaultLocale, undefined],
    ...LOCALES.map((locale): [Locale, LanguageCode] => [locale, locale === "zh-CN" ? "zh" : "en"]),
  ];
  for (const [locale, languageCode] of menus)
    await set(commands(locale, USER_COMMANDS), languageCode ? { language_code: languageCode } : {});
  // In the review group the conversation's commands do nothing: its menu offers what works there, in the cards' language.
  if (reviewRoom)
    await set(commands(reviewRoom.locale, REVIEW_ROOM_COMMANDS), { scope: { type: "chat", chat_id: Number(reviewRoom.chatId) } });
}
