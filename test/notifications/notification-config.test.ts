import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, nextAttemptAt } from "../../src/notifications/retry-policy.js";
import { readConfig } from "../../src/runtime/config.js";

describe("notification configuration", () => {
  it("defaults: chat and SMS (the development provider); email only with SMTP", () => {
    expect(readConfig({})).toMatchObject({ notifyChannels: ["chat", "sms"], smtp: undefined, smsWebhook: undefined });
    const config = readConfig({
      SMTP_URL: "smtp://mail.local:25",
      MAIL_FROM: "v@example.com",
      SMS_WEBHOOK_URL: "https://sms.example.com/send",
      SMS_WEBHOOK_TOKEN: "t",
    });
    expect(config).toMatchObject({
      notifyChannels: ["chat", "email", "sms"],
      smtp: { url: "smtp://mail.local:25", from: "v@example.com" },
      smsWebhook: { url: "https://sms.example.com/send", token: "t" },
    });
    expect(readConfig({ NOTIFY_CHANNELS: "email", SMTP_URL: "smtp://m:25", MAIL_FROM: "v@e.com" }).notifyChannels).toEqual([
      "chat",
      "email",
    ]);
  });

  it.each([
    [{ NOTIFY_CHANNELS: "chat,fax" }, "NOTIFY_CHANNELS"],
    [{ SMTP_URL: "mail.local" }, "SMTP_URL"],
    [{ SMTP_URL: "smtp://mail.local" }, "MAIL_FROM"],
    [{ SMS_WEBHOOK_URL: "https://sms.example.com" }, "SMS_WEBHOOK_TOKEN"],
  ])("refuses %o naming %s", (env, variable) => {
    expect(() => readConfig(env)).toThrow(variable);
  });
});

describe("retry backoff", () => {
  it("doubles from the base up to the cap, within ±20 % jitter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, random) => {
        const now = new Date("2026-11-24T00:00:00Z");
        const delay = nextAttemptAt(now, attempts, DEFAULT_RETRY_POLICY, () => random).getTime() - now.getTime();
        const nominal = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempts - 1));
        expect(delay).toBeGreaterThanOrEqual(Math.floor(nominal * 0.8));
        expect(delay).toBeLessThanOrEqual(Math.ceil(nominal * 1.2));
      }),
    );
  });
});
