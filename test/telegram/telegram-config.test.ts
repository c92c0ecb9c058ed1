import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/runtime/config.js";
import { TEST_DATA_KEYS } from "../helpers/test-keys.js";

const TOKEN = "123456:ABC-def_42";
/** Telegram talks to real users: a data-encryption key is required with it. */
const KEYS = { DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS };

describe("Telegram configuration", () => {
  it("no token: no Telegram adapter; a token alone: long polling on Telegram's own API", () => {
    expect(readConfig({}).telegram).toBeUndefined();
    expect(readConfig({ ...KEYS, TELEGRAM_BOT_TOKEN: TOKEN }).telegram).toEqual({
      token: TOKEN,
      apiRoot: "https://api.telegram.org",
      webhook: undefined,
      reviewChatId: undefined,
      reviewerIds: [],
    });
  });

  it("reads the webhook, API root, review group and reviewers", () => {
    const config = readConfig({
      ...KEYS,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.com/telegram",
      TELEGRAM_WEBHOOK_SECRET: "s3cret-_x-0123456789abcdef012",
      TELEGRAM_WEBHOOK_MAX_CONNECTIONS: "80",
      TELEGRAM_WEBHOOK_ANSWERS: "off",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      TELEGRAM_REVIEW_CHAT_ID: "-1001234567890",
      TELEGRAM_REVIEWER_IDS: "111, 222",
      PORT: "8443",
    });
    expect(config.telegram).toEqual({
      token: TOKEN,
      apiRoot: "http://127.0.0.1:8081",
      webhook: { url: "https://bot.example.com/telegram", secret: "s3cret-_x-0123456789abcdef012", maxConnections: 80, answers: false },
      reviewChatId: "-1001234567890",
      reviewerIds: ["111", "222"],
    });
    expect(config.port).toBe(8443);
  });

  it("defaults the webhook's connections to 40, and its answers to carrying an update's last message", () => {
    const env = {
      ...KEYS,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.com/t",
      TELEGRAM_WEBHOOK_SECRET: "0123456789abcdef01234567",
    };
    expect(readConfig(env).telegram?.webhook).toMatchObject({ maxConnections: 40, answers: true });
  });

  it.each([
    [{ TELEGRAM_WEBHOOK_URL: "https://bot.example.com/t" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_WEBHOOK_URL: "https://bot.example.com/t", TELEGRAM_WEBHOOK_SECRET: "has spaces" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_WEBHOOK_URL: "bot.example.com" }, "TELEGRAM_WEBHOOK_URL"],
    [{ TELEGRAM_API_ROOT: "ftp://x" }, "TELEGRAM_API_ROOT"],
    [{ TELEGRAM_REVIEW_CHAT_ID: "reviews" }, "TELEGRAM_REVIEW_CHAT_ID"],
    [{ TELEGRAM_REVIEWER_IDS: "111,@rita" }, "TELEGRAM_REVIEWER_IDS"],
    [{ TELEGRAM_BOT_TOKEN: "not-a-token" }, "TELEGRAM_BOT_TOKEN"],
    [{ PORT: "70000" }, "PORT"],
    [
      {
        TELEGRAM_WEBHOOK_URL: "https://bot.example.com/t",
        TELEGRAM_WEBHOOK_SECRET: "0123456789abcdef01234567",
        TELEGRAM_WEBHOOK_MAX_CONNECTIONS: "101",
      },
      "TELEGRAM_WEBHOOK_MAX_CONNECTIONS",
    ],
    [
      {
        TELEGRAM_WEBHOOK_URL: "https://bot.example.com/t",
        TELEGRAM_WEBHOOK_SECRET: "0123456789abcdef01234567",
        TELEGRAM_WEBHOOK_ANSWERS: "yes",
      },
      "TELEGRAM_WEBHOOK_ANSWERS",
    ],
  ])("refuses %o naming %s", (env, variable) => {
    expect(() => readConfig({ ...KEYS, TELEGRAM_BOT_TOKEN: TOKEN, ...env })).toThrow(variable);
  });
});
