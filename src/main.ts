import { randomUUID } from "node:crypto";
import { runConsoleChat } from "../adapters/console/console-chat.js";
import { renderSms } from "../adapters/console/console-render.js";
import { openAssistant } from "./assistant.js";
import { loadConfigOrExit } from "./load-config.js";
import { createLogger } from "./logger.js";
import { DevelopmentSmsSender } from "./sms/sms-sender.js";

/**
 * The composition root: reads the configuration and starts the adapters.
 * With no platform token the local console chat runs on stdin/stdout.
 */
export async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  if (config.telegramBotToken || config.slackBotToken) {
    logger.fatal("TELEGRAM_BOT_TOKEN / SLACK_BOT_TOKEN are set, but this build has no Telegram or Slack adapter yet; unset them to use the console");
    process.exit(1);
  }
  const sms = new DevelopmentSmsSender(logger, (phone, text) => process.stdout.write(`${renderSms(phone, text)}\n`));
  const assistant = await openAssistant(config, logger, sms);
  logger.info({ database: config.sqlitePath }, "console chat ready: type a message, /as <user> to switch user, /file <path> to send a file");
  await runConsoleChat({
    input: process.stdin,
    output: process.stdout,
    handler: assistant.engine,
    sessionId: randomUUID(),
    locale: config.defaultLocale,
    documentPath: (id) => assistant.documents.pathOf(id),
    ticker: { intervalMs: 60_000, tick: () => assistant.runDueTasks() },
    onError: (error) => logger.error({ err: error }, "console message failed"),
  });
  await assistant.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`fatal: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
