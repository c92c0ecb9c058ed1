import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssistantProcess, runCli } from "../helpers/child-process.js";
import { buttons, startEmulatedTelegramBot } from "../helpers/telegram-emulator.js";

const USER = 5150;
let telegram: Awaited<ReturnType<typeof startEmulatedTelegramBot>>;

beforeAll(async () => {
  // No SMS provider here: the development sender logs the code (only because SMS_DEVELOPMENT=log says so).
  telegram = await startEmulatedTelegramBot(USER, { SMS_DEVELOPMENT: "log" });
}, 60_000);

afterAll(() => telegram?.stop());

describe("npm start with TELEGRAM_BOT_TOKEN against the telegram-test-api emulator", () => {
  it("starts although the emulator refuses setMyCommands (an optional call), and warns", () => {
    expect(telegram.bot.stderr).toMatch(/setMyCommands failed/);
  });

  it("takes a user through registration with button presses, over real HTTP", async () => {
    const { say, press, bot, env } = telegram;
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
    expect(buttons(summary)).toContain("consent.agree");
    await press("consent.agree", /submitted/i);
    const status = runCli(["status", "telegram", String(USER), "--json"], env);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ platform: "telegram", application: { status: "submitted", method: "phone" } });
  }, 60_000);

  it("a second instance that would long-poll the same bot exits 1, saying to use webhooks", async () => {
    const second = new AssistantProcess(telegram.env);
    expect(await second.exited).toBe(1);
    expect(second.stderr).toMatch(/another instance is already long-polling Telegram.*use webhook mode \(set TELEGRAM_WEBHOOK_URL/);
  }, 30_000);
});
