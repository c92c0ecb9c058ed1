import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssistantProcess, runCli, testEnv } from "../helpers/child-process.js";
import { freePort } from "../helpers/free-port.js";

const TOKEN = "123456:e2e-token";
const USER = 5150;

/** What the bot last sent, as the emulator's client sees it. */
interface BotMessage {
  text: string;
  reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>>; keyboard?: unknown };
}

let server: TelegramServer;
let client: ReturnType<TelegramServer["getClient"]>;
let bot: AssistantProcess;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  // The emulator can't listen on port 0 (it falls back to 9000, which may be taken): find a free port first.
  server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 60 });
  await server.start();
  client = server.getClient(TOKEN, { userId: USER, chatId: USER, timeout: 15_000, interval: 50 });
  dataDir = mkdtempSync(join(tmpdir(), "assistant-tg-e2e-"));
  // No SMS provider here: the development sender logs the code (only because SMS_DEVELOPMENT=log says so).
  env = testEnv(dataDir, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.config.apiURL, SMS_DEVELOPMENT: "log" });
  bot = new AssistantProcess(env); // exactly `npm start`: tsx src/app/main.ts with the environment
  await bot.waitForStderr(/Telegram bot ready \(long polling\)/);
}, 60_000);

afterAll(async () => {
  await bot?.kill("SIGTERM");
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends a text or presses a button, then waits for the bot's reply that asks the next thing. */
async function say(text: string, until: RegExp): Promise<BotMessage> {
  await client.sendMessage(client.makeMessage(text));
  return waitForBot(until);
}

async function press(data: string, until: RegExp): Promise<BotMessage> {
  await client.sendCallback(client.makeCallbackQuery(data));
  return waitForBot(until);
}

async function waitForBot(until: RegExp): Promise<BotMessage> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const { result } = await client.getUpdates();
    const found = result.map((update) => update.message as unknown as BotMessage).find((message) => until.test(message.text));
    if (found) return found;
  }
  throw new Error(`the bot never sent ${until}; stderr:\n${bot.stderr}`);
}

function buttons(message: BotMessage): string[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat().map((button) => button.callback_data);
}

describe("npm start with TELEGRAM_BOT_TOKEN against the telegram-test-api emulator", () => {
  it("starts although the emulator refuses setMyCommands (an optional call), and warns", () => {
    expect(bot.stderr).toMatch(/setMyCommands failed/);
  });

  it("takes a user through registration with button presses, over real HTTP", async () => {
    const menu = await say("/start", /What would you like to do/);
    expect(buttons(menu)).toContain("start");
    await press("start", /full name/);
    await say("Zhang San", /email address/);
    const phone = await say("zhang.san@example.com", /mobile phone number/);
    expect(phone.reply_markup?.keyboard).toBeDefined();
    const methods = await say("13812348000", /Choose a verification method/);
    expect(buttons(methods)).toEqual(["method.id_card", "method.phone", "method.enterprise"]);
    const logged = bot.stderr.length;
    await press("method.phone", /code/i);
    // No SMS provider is configured: the development sender logs the message (phone masked).
    const [, code] = await bot.waitForStderr(/"to":"\+86 138\*{4}8000","text":"[^"]*?(\d{6})/, logged);
    const summary = await say(code!, /Please check your application/);
    expect(buttons(summary)).toContain("submit");
    await press("submit", /agree/i);
    await press("consent.agree", /submitted/i);
    const status = runCli(["status", "telegram", String(USER), "--json"], env);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ platform: "telegram", application: { status: "submitted", method: "phone" } });
  }, 60_000);
});
