import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idCardCheckCharacter, validateIdCard } from "../../src/domain/id-card.js";

const TODAY = new Date("2026-11-23T00:00:00Z");

/** A random but valid 18-character resident ID number. */
const validIdCard = fc
  .record({
    province: fc.constantFrom("11", "31", "44", "51", "65", "81"),
    rest: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: TODAY, noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, birth, sequence }) => {
    const first17 =
      province + String(rest).padStart(4, "0") + birth.toISOString().slice(0, 10).replace(/-/g, "") + String(sequence).padStart(3, "0");
    return first17 + idCardCheckCharacter(first17);
  });

describe("validateIdCard (GB 11643-1999)", () => {
  it("accepts the standard's published example and a lower-case x", () => {
    expect(validateIdCard("11010519491231002X", TODAY)).toEqual({ valid: true, normalized: "11010519491231002X" });
    expect(validateIdCard("11010519491231002x", TODAY)).toEqual({ valid: true, normalized: "11010519491231002X" });
  });

  it("normalises full-width digits and stray spaces instead of refusing them", () => {
    expect(validateIdCard("１１０１０５ １９４９１２３１ ００２Ｘ", TODAY)).toEqual({
      valid: true,
      normalized: "11010519491231002X",
    });
    expect(validateIdCard(" 110105-19491231-002x ", TODAY).valid).toBe(true);
  });

  it.each([
    ["110105491231002", "old_format"],
    ["1101051949123100", "length"],
    ["11010519491231002XX", "length"],
    ["1101051949123100A2", "characters"],
    ["99010519491231002X", "region"],
    ["110105194902300025", "birth_date"], // 30 February
    ["110105203001010019", "birth_date"], // in the future
    ["110105189901010019", "birth_date"], // before 1900
    ["110105194912310021", "checksum"],
  ])("refuses %s with %s", (input, error) => {
    expect(validateIdCard(input, TODAY)).toEqual({ valid: false, error });
  });

  it("accepts every well-formed number", () => {
    fc.assert(fc.property(validIdCard, (id) => validateIdCard(id, TODAY).valid));
  });

  it("detects every single mistyped digit (MOD 11-2 catches all single substitutions)", () => {
    fc.assert(
      fc.property(validIdCard, fc.integer({ min: 14, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, position, shift) => {
        const digit = (Number(id[position]) + shift) % 10;
        const typo = id.slice(0, position) + digit + id.slice(position + 1);
        expect(validateIdCard(typo, TODAY)).toEqual({ valid: false, error: "checksum" });
      }),
    );
  });

  it("never throws, whatever is typed", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => typeof validateIdCard(text, TODAY).valid === "boolean"));
  });
});
