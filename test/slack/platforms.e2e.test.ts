import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssistantProcess, runCli, testEnv } from "../helpers/child-process.js";
import { type FakeSlackApi, startFakeSlackApi } from "../helpers/fake-slack-api.js";
import { type FakeTelegramApi, startFakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { freePort } from "../helpers/free-port.js";
import { postSignedToSlackApp, SIGNING_SECRET, TEAM, until } from "../helpers/slack-harness.js";
import { textUpdate } from "../helpers/telegram-updates.js";

let telegram: FakeTelegramApi;
let slack: FakeSlackApi;
let assistant: AssistantProcess;
let dataDir: string;
let env: NodeJS.ProcessEnv;
let base: string;

beforeAll(async () => {
  telegram = await startFakeTelegramApi();
  slack = await startFakeSlackApi();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), "assistant-platforms-"));
  env = testEnv(dataDir, {
    PORT: String(port),
    TELEGRAM_BOT_TOKEN: "123456:e2e",
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_URL: `${base}/telegram`,
    TELEGRAM_WEBHOOK_SECRET: "tg-secret-0123456789abcdef01234",
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
  });
  assistant = new AssistantProcess(env);
  await assistant.waitForStderr(/assistant ready/);
}, 60_000);

afterAll(async () => {
  const code = await assistant?.kill("SIGTERM");
  expect(code).toBe(0); // a clean stop on SIGTERM
  await telegram?.close();
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start with Telegram (webhook) and Slack (HTTP) in one process on one PORT", () => {
  it("registers the Telegram webhook with its secret", () => {
    expect(telegram.callsOf("setWebhook")[0]?.payload).toMatchObject({
      url: `${base}/telegram`,
      secret_token: "tg-secret-0123456789abcdef01234",
    });
  });

  it("answers a Telegram user and a Slack user, both recorded in the one store", async () => {
    const update = { update_id: 1, ...textUpdate(77, "/start") };
    const fromTelegram = await telegram.deliver(`${base}/telegram`, "tg-secret-0123456789abcdef01234", update);
    expect(fromTelegram).toBe(200);
    await until(() => telegram.textsTo(77).some((text) => /What would you like/.test(text)), "the Telegram menu", 15_000);

    const event = {
      token: "t",
      team_id: TEAM,
      api_app_id: "A1",
      type: "event_callback",
      event_id: "Ev1",
      event_time: 1,
      event: { type: "message", channel: "DU1", channel_type: "im", user: "U1", text: "hello", ts: "1.1" },
    };
    const fromSlack = await postSignedToSlackApp(`${base}/slack/events`, JSON.stringify(event), "application/json");
    expect(fromSlack.status).toBe(200);
    await until(() => slack.postedTo("U1").some((message) => /What would you like/.test(message.text)), "the Slack menu", 15_000);

    expect(runCli(["status", "telegram", "77", "--json"], env).code).toBe(0);
    expect(runCli(["status", "slack", "U1", "--json"], env).code).toBe(0);
  });
});
