import type { Config, TelegramConfig } from "../../src/config.js";
import { adapterOptions, type PlatformParts } from "../adapter-options.js";
import type { RunningPlatform } from "../http/web-server.js";
import { createTelegramBot } from "./telegram-bot.js";
import { BOT_API_DOWNLOAD_LIMIT } from "./telegram-files.js";
import { runTelegram } from "./run-telegram.js";

const OFFICIAL_API_ROOT = "https://api.telegram.org";

/** Builds and starts the Telegram adapter from the configuration. */
export async function startTelegram(telegram: TelegramConfig, config: Readonly<Config>, parts: PlatformParts): Promise<RunningPlatform> {
  const { logger } = parts;
  if (!telegram.reviewChatId)
    logger.warn({ platform: "telegram" }, "TELEGRAM_REVIEW_CHAT_ID is not set: review cards are not posted to Telegram");
  const downloadLimit = telegram.apiRoot === OFFICIAL_API_ROOT ? BOT_API_DOWNLOAD_LIMIT : Infinity;
  const common = adapterOptions(parts, config);
  const bot = createTelegramBot({
    ...common,
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    maxFileBytes: Math.min(common.maxFileBytes, downloadLimit),
  });
  const mode = telegram.webhook ? { kind: "webhook" as const, ...telegram.webhook } : { kind: "polling" as const };
  return runTelegram(bot, mode, logger, config.defaultLocale);
}
