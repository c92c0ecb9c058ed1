import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { AssistantProcess, testEnv } from "./child-process.js";
import { freePort } from "./free-port.js";

const TOKEN = "123456:e2e-token";

/** What the bot last sent, as the emulator's client sees it. */
export interface BotMessage {
  text: string;
  reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>>; keyboard?: unknown };
}

/**
 * `npm start` (node --import tsx src/app/main.ts) with `TELEGRAM_BOT_TOKEN`, long-polling the
 * telegram-test-api emulator over real HTTP, and one user (`userId`) talking to it.
 */
export async function startEmulatedTelegramBot(userId: number, extraEnv: Record<string, string> = {}) {
  // The emulator can't listen on port 0 (it falls back to 9000, which may be taken): find a free port first.
  const server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 60 });
  await server.start();
  const client = server.getClient(TOKEN, { userId, chatId: userId, timeout: 15_000, interval: 50 });
  const dataDir = mkdtempSync(join(tmpdir(), "assistant-tg-e2e-"));
  const env = testEnv(dataDir, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.config.apiURL, ...extraEnv });
  const bot = new AssistantProcess(env);
  await bot.waitForStderr(/Telegram bot ready \(long polling\)/);

  async function waitForBot(until: RegExp): Promise<BotMessage> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const { result } = await client.getUpdates();
      const found = result.map((update) => update.message as unknown as BotMessage).find((message) => until.test(message.text));
      if (found) return found;
    }
    throw new Error(`the bot never sent ${until}; stderr:\n${bot.stderr}`);
  }

  return {
    bot,
    env,
    /** Sends a text, then waits for the bot's reply that asks the next thing. */
    async say(text: string, until: RegExp): Promise<BotMessage> {
      await client.sendMessage(client.makeMessage(text));
      return waitForBot(until);
    },
    /** Presses a button, then waits likewise. */
    async press(data: string, until: RegExp): Promise<BotMessage> {
      await client.sendCallback(client.makeCallbackQuery(data));
      return waitForBot(until);
    },
    async stop(): Promise<void> {
      await bot.kill("SIGTERM");
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function buttons(message: BotMessage): string[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat().map((button) => button.callback_data);
}
