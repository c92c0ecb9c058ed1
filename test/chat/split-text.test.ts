import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitText } from "../../src/chat/split-text.js";

describe("splitting long texts", () => {
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
    expect(splitText("short", 4096)).toEqual(["short"]);
    const long = `${"x".repeat(3000)}\n${"y".repeat(3000)}`;
    expect(splitText(long, 4096)).toEqual(["x".repeat(3000), "y".repeat(3000)]);
    expect(splitText("z".repeat(4096 * 2 + 1), 4096).map((chunk) => chunk.length)).toEqual([4096, 4096, 1]);
  });
});
