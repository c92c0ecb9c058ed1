import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CODE_LIMIT_WINDOW_MS, codeDigest, lockAfterWrongCode, sendingRefusal } from "../../src/domain/one-time-code.js";
import { readConfig } from "../../src/runtime/config.js";
import { createHarness, type Harness, keys, readable } from "../helpers/harness.js";
import { atPhoneCode } from "../helpers/phone-code.js";
import { TEST_DATA_KEYS } from "../helpers/test-keys.js";

const START = new Date("2026-11-23T02:00:00Z");
let harness: Harness;
let now: Date;
beforeEach(async () => {
  harness = await createHarness({ now: START });
  now = START;
});
afterEach(() => harness.close());

/** Moves the clock on (the resend interval is 60 s). */
function later(ms: number): void {
  now = new Date(now.getTime() + ms);
  harness.setNow(now);
}

describe("one-time codes at rest", () => {
  it("the snapshot keeps a salted keyed hash: not the code, not sha256(phone:code), different for the same code", async () => {
    await atPhoneCode(harness, "alice", "13812348000");
    const code = harness.lastCode();
    const row = harness.sqlite.prepare("select snapshot, user_id from conversations where chat_id = 'alice'").get() as {
      snapshot: string;
      user_id: string;
    };
    const at = { table: "conversations", column: "snapshot", row: "console:alice" };
    const { context } = JSON.parse(await harness.openSealed(row.snapshot, at, row.user_id)) as {
      context: { code: { salt: string; hash: string } };
    };
    expect(JSON.stringify(context)).not.toContain(code);
    const { createHash } = await import("node:crypto");
    expect(context.code.hash).not.toBe(createHash("sha256").update(`+8613812348000:${code}`).digest("hex"));
    const key = harness.keyring.deriveKey("one-time-codes");
    expect(context.code.hash).toBe(codeDigest(key, context.code.salt, "+8613812348000", code));
    expect(codeDigest(key, "another salt", "+8613812348000", code)).not.toBe(context.code.hash);
    expect(codeDigest(Buffer.alloc(32), context.code.salt, "+8613812348000", code)).not.toBe(context.code.hash);
  });
});

describe("one-time code limits (24 hours)", () => {
  it("at most 5 codes to one number, whoever asks; then the wait is said, and a day later it works again", async () => {
    const { chat } = await atPhoneCode(harness, "alice", "13812348000");
    for (let sent = 2; sent <= 5; sent++) {
      later(61_000);
      expect(keys(await chat.press("code.resend"))).toEqual(["otp.sent", "ask.phoneCode"]);
    }
    later(61_000);
    const refused = await chat.press("code.resend");
    expect(keys(refused)).toEqual(["otp.refused.phone_limit", "ask.phoneCode"]);
    expect(readable(refused)).toMatch(/5 codes in the last 24 hours.*about 24 h/s);
    // Another user asking for the same number is refused too.
    const { first } = await atPhoneCode(harness, "bob", "13812348000");
    expect(keys(first)).toEqual(["otp.refused.phone_limit", "ask.phoneCodeNotSent"]);
    expect(harness.sms).toHaveLength(5);
    later(CODE_LIMIT_WINDOW_MS);
    expect(keys(await chat.press("code.resend"))).toEqual(["otp.sent", "ask.phoneCode"]);
  });

  it("10 wrong codes for one number lock it (own message); the right code no longer helps; a day later it is open", async () => {
    const { chat } = await atPhoneCode(harness, "alice", "13812348000");
    const wrong = () => (harness.lastCode() === "000000" ? "111111" : "000000");
    for (let i = 0; i < 5; i++) await chat.text(wrong());
    later(61_000);
    await chat.press("code.resend");
    for (let i = 0; i < 4; i++) await chat.text(wrong());
    const locked = await chat.text(wrong());
    expect(keys(locked)).toContain("otp.refused.locked");
    expect(readable(locked)).toContain("locked for about 24 h");
    expect(keys(await chat.text(harness.lastCode()))).not.toContain("otp.verified");
    later(61_000);
    expect(keys(await chat.press("code.resend"))).toEqual(["otp.refused.locked", "ask.phoneCodeNotSent"]);
    later(CODE_LIMIT_WINDOW_MS);
    await chat.press("code.resend");
    expect(keys(await chat.text(harness.lastCode()))).toContain("otp.verified");
  });

  it("the rules: 5 per number, 10 per user, 10 wrong per number, each lifting when the oldest counted leaves the window", () => {
    const t = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
    const at = START.getTime() + 60 * 60_000;
    const none = { sentToPhone: [], sentByUser: [], wrongForPhone: [] };
    expect(sendingRefusal({ ...none, sentToPhone: [1, 2, 3, 4].map(t) }, at)).toBeNull();
    expect(sendingRefusal({ ...none, sentToPhone: [1, 2, 3, 4, 5].map(t) }, at)).toEqual({
      reason: "phone_limit",
      until: t(1).getTime() + CODE_LIMIT_WINDOW_MS,
    });
    expect(sendingRefusal({ ...none, sentByUser: Array.from({ length: 10 }, (_, i) => t(i)) }, at)?.reason).toBe("user_limit");
    expect(sendingRefusal({ ...none, sentByUser: Array.from({ length: 9 }, (_, i) => t(i)) }, at)).toBeNull();
    expect(
      lockAfterWrongCode(
        Array.from({ length: 10 }, (_, i) => t(i)),
        at,
      )?.reason,
    ).toBe("locked");
    expect(
      lockAfterWrongCode(
        Array.from({ length: 10 }, (_, i) => t(i)),
        t(0).getTime() + CODE_LIMIT_WINDOW_MS + 1,
      ),
    ).toBeNull();
  });
});

describe("without an SMS provider on a platform", () => {
  it("the phone method is not offered and a pressed phone button is stale; SMS notifications are off", async () => {
    const noSms = await createHarness({ smsAvailable: false });
    try {
      const chat = noSms.chat("alice");
      await chat.press("start");
      await chat.text("Probe Person");
      await chat.text("alice@example.com");
      const methods = await chat.text("13812348000");
      expect(methods.at(-1)?.choices?.map((choice) => choice.id)).toEqual(["method.id_card", "method.enterprise"]);
      expect(keys(await chat.press("method.phone"))).toEqual(["input.staleChoice", "ask.method"]);
      expect(noSms.sms).toHaveLength(0);
    } finally {
      await noSms.close();
    }
  });

  it("configuration: no webhook on Telegram/Slack → no SMS unless SMS_DEVELOPMENT=log; the console keeps its printed SMS", () => {
    const telegram = { TELEGRAM_BOT_TOKEN: "123456:abc", DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS };
    expect(readConfig(telegram)).toMatchObject({ smsAvailable: false, notifyChannels: ["chat"] });
    expect(readConfig({ ...telegram, SMS_DEVELOPMENT: "log" })).toMatchObject({ smsAvailable: true, notifyChannels: ["chat", "sms"] });
    expect(readConfig({ ...telegram, SMS_WEBHOOK_URL: "http://127.0.0.1:9/sms", SMS_WEBHOOK_TOKEN: "t" }).smsAvailable).toBe(true);
    expect(readConfig({}).smsAvailable).toBe(true);
    expect(() => readConfig({ SMS_DEVELOPMENT: "yes" })).toThrow(/^SMS_DEVELOPMENT: /);
  });
});
