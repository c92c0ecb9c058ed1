import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { USCC_ALPHABET, usccCheckCharacter, validateUscc } from "../../src/domain/uscc.js";

const validUscc = fc
  .array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(""))
  .map((first17) => first17 + usccCheckCharacter(first17));

describe("validateUscc (GB 32100-2015)", () => {
  it("accepts published codes, in any case and with spaces", () => {
    expect(validateUscc("91350100M000100Y43")).toEqual({ valid: true, normalized: "91350100M000100Y43" });
    expect(validateUscc("9135 0100 m000 100y 43").valid).toBe(true);
    expect(validateUscc("９１３５０１００Ｍ０００１００Ｙ４３").valid).toBe(true);
  });

  it.each([
    ["91350100M000100Y4", "length"],
    ["91350100M000100I43", "characters"], // I is not in the alphabet
    ["91350100M000100Y44", "checksum"],
  ])("refuses %s with %s", (input, error) => {
    expect(validateUscc(input)).toEqual({ valid: false, error });
  });

  it("accepts every code with a correct check character", () => {
    fc.assert(fc.property(validUscc, (code) => validateUscc(code).valid));
  });

  it("detects every single substituted character", () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (code, position, shift) => {
        const replaced = USCC_ALPHABET[(USCC_ALPHABET.indexOf(code[position]!) + shift) % 31]!;
        const typo = code.slice(0, position) + replaced + code.slice(position + 1);
        expect(validateUscc(typo)).toEqual({ valid: false, error: "checksum" });
      }),
    );
  });
});
