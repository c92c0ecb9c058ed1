import { describe, expect, it } from "vitest";
import { inlineKeyboard } from "../../adapters/telegram/telegram-render.js";
import { msg } from "../../src/i18n/message.js";

describe("inline keyboards", () => {
  it("refuse a button id over Telegram's 64-byte callback_data limit rather than send a message Telegram rejects", () => {
    const label = msg("choice.approve");
    expect(() => inlineKeyboard({ locale: "en", body: [], choices: [{ id: "x".repeat(65), label }] })).toThrow(/64 bytes/);
    expect(inlineKeyboard({ locale: "en", body: [], choices: [{ id: "x".repeat(64), label }] })?.inline_keyboard).toHaveLength(1);
  });
});
