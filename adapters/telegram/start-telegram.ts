import type { Assistant } from "../../src/assistant.js";
import type { Outbound } from "../../src/chat/outbound.js";
import type { Config, TelegramConfig } from "../../src/config.js";
import type { Logger } from "../../src/logger.js";
import type { Reviewers } from "../../src/review/reviewers.js";
import { createTelegramBot } from "./telegram-bot.js";
import { BOT_API_DOWNLOAD_LIMIT } from "./telegram-files.js";
import type { RunningPlatform } from "../http/web-server.js";
import { runTelegram } from "./run-telegram.js";

const OFFICIAL_API_ROOT = "https://api.telegram.org";

/** Builds and starts the Telegram adapter from the configuration. */
export async function startTelegram(
  telegram: TelegramConfig,
  config: Readonly<Config>,
  parts: { assistant: Assistant; outbound: Outbound; reviewers: Reviewers; logger: Logger },
): Promise<RunningPlatform> {
  const { assistant, logger } = parts;
  if (!telegram.reviewChatId) logger.warn({ platform: "telegram" }, "TELEGRAM_REVIEW_CHAT_ID is not set: review cards are not posted to Telegram");
  const downloadLimit = telegram.apiRoot === OFFICIAL_API_ROOT ? BOT_API_DOWNLOAD_LIMIT : Infinity;
  const bot = createTelegramBot({
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    engine: assistant.engine,
    reviewers: parts.reviewers,
    outbound: parts.outbound,
    cards: assistant.store.cardMessages(),
    documentPath: (id) => assistant.documents.pathOf(id),
    maxFileBytes: Math.min(config.documentRules.maxBytes, downloadLimit),
    defaultLocale: config.defaultLocale,
    logger,
  });
  const mode = telegram.webhook ? { kind: "webhook" as const, ...telegram.webhook } : { kind: "polling" as const };
  return runTelegram(bot, mode, logger, config.defaultLocale);
}
