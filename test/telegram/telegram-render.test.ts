import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inlineKeyboard, MESSAGE_LIMIT, splitText } from "../../adapters/telegram/telegram-render.js";
import { msg } from "../../src/i18n/message.js";

describe("splitting long texts for Telegram", () => {
  it("keeps every part within the limit, loses no visible character and never cuts an emoji in half", () => {
    const pieces = fc.constantFrom("a", "字", " ", "\n", "😀", "word ", "第一行\n");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 400 }), fc.integer({ min: 8, max: 64 }), (parts, limit) => {
        const text = parts.join("");
        const chunks = splitText(text, limit);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(limit);
          expect(/[\ud800-\udbff]$/.test(chunk)).toBe(false);
        }
        expect(chunks.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      }),
    );
  });

  it("leaves a text within the limit whole, and breaks a long one at a line break", () => {
    expect(splitText("short")).toEqual(["short"]);
    const long = `${"x".repeat(3000)}\n${"y".repeat(3000)}`;
    expect(splitText(long)).toEqual(["x".repeat(3000), "y".repeat(3000)]);
    expect(splitText("z".repeat(MESSAGE_LIMIT * 2 + 1)).map((chunk) => chunk.length)).toEqual([MESSAGE_LIMIT, MESSAGE_LIMIT, 1]);
  });
});

describe("inline keyboards", () => {
  it("refuse a button id over Telegram's 64-byte callback_data limit rather than send a message Telegram rejects", () => {
    const label = msg("choice.approve");
    expect(() => inlineKeyboard({ locale: "en", body: [], choices: [{ id: "x".repeat(65), label }] })).toThrow(/64 bytes/);
    expect(inlineKeyboard({ locale: "en", body: [], choices: [{ id: "x".repeat(64), label }] })?.inline_keyboard).toHaveLength(1);
  });
});
