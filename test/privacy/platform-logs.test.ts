import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttons, startEmulatedTelegramBot } from "../helpers/telegram-emulator.js";

const USER = 6160;
const ENTERED = { name: "Probe Loggedname", email: "probe.logs@example.com", phone: "13812348000" };
let telegram: Awaited<ReturnType<typeof startEmulatedTelegramBot>>;
let smsProvider: Server;
const sms: Array<{ to: string; text: string }> = [];

beforeAll(async () => {
  // A real SMS webhook on this machine: the code reaches it, and nothing else should see it.
  smsProvider = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      sms.push(JSON.parse(body) as { to: string; text: string });
      response.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => smsProvider.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(smsProvider.address() as AddressInfo).port}/sms`;
  telegram = await startEmulatedTelegramBot(USER, { LOG_LEVEL: "trace", SMS_WEBHOOK_URL: url, SMS_WEBHOOK_TOKEN: "sms-token" });
}, 60_000);

afterAll(async () => {
  await telegram?.stop();
  await new Promise((resolve) => smsProvider?.close(resolve));
});

describe("logs on a platform path at LOG_LEVEL=trace", () => {
  it("after the phone method, hold no code, no SMS text, no name, phone or email", async () => {
    const { say, press, bot } = telegram;
    await say("/start", /What would you like to do/);
    await press("start", /full name/);
    await say(ENTERED.name, /email address/);
    await say(ENTERED.email, /mobile phone number/);
    const methods = await say(ENTERED.phone, /Choose a verification method/);
    expect(buttons(methods)).toContain("method.phone");
    await press("method.phone", /code/i);
    for (let i = 0; i < 50 && sms.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const [delivered] = sms;
    const code = /\d{6}/.exec(delivered!.text)![0];
    await say("000000", /not right/);
    await say(code, /Please check your application/);
    await press("submit", /agree/i);
    await press("consent.agree", /submitted/i);

    // The child's stderr is a pipe of its own: its lines may reach this process after the reply does.
    for (let i = 0; i < 50 && !bot.stderr.includes("application submitted"); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const log = bot.stderr;
    expect(log).toContain("application submitted");
    for (const secret of [code, delivered!.text, ENTERED.name, ENTERED.email, ENTERED.phone, "1381234"]) {
      expect(log, `"${secret}" in the log`).not.toContain(secret);
    }
  }, 60_000);
});
