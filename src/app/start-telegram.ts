import type { RunningPlatform } from "../../adapters/http/web-server.js";
import { runTelegram } from "../../adapters/telegram/run-telegram.js";
import { createTelegramBot } from "../../adapters/telegram/telegram-bot.js";
import { BOT_API_DOWNLOAD_LIMIT } from "../../adapters/telegram/telegram-files.js";
import type { Config } from "../runtime/config.js";
import type { TelegramConfig } from "../runtime/platform-config.js";
import { adapterOptions, type PlatformParts } from "./platform-parts.js";
import { holdPollingLease } from "./polling-lease.js";

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
    webhookAnswers: telegram.webhook?.answers ?? false,
  });
  const reach = {
    dependencies: parts.dependencies,
    apiRoot: telegram.apiRoot,
    ...(telegram.reviewChatId ? { reviewRoom: { chatId: telegram.reviewChatId, locale: config.reviewLocale } } : {}),
  };
  if (telegram.webhook) return runTelegram(bot, { kind: "webhook", ...telegram.webhook }, logger, config.defaultLocale, reach);
  const lease = await holdPollingLease(parts.assistant.store.leases(), logger);
  const running = await runTelegram(bot, { kind: "polling" }, logger, config.defaultLocale, reach);
  return {
    stop: async () => {
      await running.stop();
      await lease.release();
    },
  };
}
