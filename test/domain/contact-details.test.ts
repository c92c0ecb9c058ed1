import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateEmail } from "../../src/domain/email.js";
import { validateCompanyName, validatePersonName } from "../../src/domain/person-name.js";
import { validatePhone } from "../../src/domain/phone.js";
import { textProblem } from "../../src/domain/text.js";

describe("validatePhone", () => {
  it.each([
    ["13812348000", "+8613812348000"],
    ["138 1234 8000", "+8613812348000"],
    ["138-1234-8000", "+8613812348000"],
    ["+86 138 1234 8000", "+8613812348000"],
    ["0086 13812348000", "+8613812348000"],
    ["１３８１２３４８０００", "+8613812348000"],
    ["+44 7911 123456", "+447911123456"],
    ["+1 415 555 2671", "+14155552671"],
  ])("normalises %s to %s", (input, e164) => {
    expect(validatePhone(input)).toEqual({ valid: true, normalized: e164 });
  });

  it.each([
    ["1381234", "too_short"],
    ["138123480001234567", "too_long"],
    ["hello", "invalid"],
    ["+86 10 6552 9988", "not_mobile"], // a Beijing landline
    // Without a country code it is read as Chinese: a landline there, perhaps another country's mobile (a US number without +1).
    ["010 6552 9988", "not_mobile_read_as_chinese"],
    ["4155552671", "not_mobile_read_as_chinese"],
  ])("refuses %s with %s", (input, error) => {
    expect(validatePhone(input)).toEqual({ valid: false, error });
  });
});

describe("validateEmail", () => {
  it("accepts and lower-cases addresses, folding full-width characters", () => {
    expect(validateEmail(" Zhang.San@Example.COM ")).toEqual({ valid: true, normalized: "zhang.san@example.com" });
    expect(validateEmail("ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ")).toEqual({ valid: true, normalized: "zhang@example.com" });
    expect(validateEmail("zhang@example。com")).toEqual({ valid: true, normalized: "zhang@example.com" });
  });

  it("takes the address out of the sentence or brackets it was typed in", () => {
    for (const typed of [
      "my email is zhang@example.com",
      "My email address is zhang@example.com.",
      "邮箱是zhang@example.com",
      "email: zhang@example.com",
      "mailto:zhang@example.com",
      "<zhang@example.com>",
      "zhang@example.com!",
    ])
      expect(validateEmail(typed), typed).toEqual({ valid: true, normalized: "zhang@example.com" });
  });

  it.each(["zhang", "zhang@", "@example.com", "zhang@example", "zhang san@example.com", "zhang@@example.com"])("refuses %s", (input) =>
    expect(validateEmail(input)).toEqual({ valid: false, error: "format" }),
  );
});

describe("validatePersonName", () => {
  it.each([
    ["张三", "张三"],
    ["  Zhang   San ", "Zhang San"],
    ["阿依古丽·买买提", "阿依古丽·买买提"],
    ["阿依古丽•买买提", "阿依古丽·买买提"],
    ["O'Brien-Smith", "O'Brien-Smith"],
    ["张 三", "张三"],
    ["阿依古丽.买买提", "阿依古丽·买买提"],
    ["我叫张三", "张三"],
    ["My name is Zhang San.", "Zhang San"],
    ["Maria de los Angeles Garcia Lopez", "Maria de los Angeles Garcia Lopez"],
  ])("accepts %s", (input, normalized) => {
    expect(validatePersonName(input)).toEqual({ valid: true, normalized });
  });

  it.each([
    ["张", "too_short"],
    ["Zhang3", "characters"],
    ["😀😀", "characters"],
    ["a".repeat(61), "too_long"],
    ["张三李四王五赵", "han_length"],
    [`${"阿依古丽".repeat(3)}·${"买买提".repeat(3)}`, "han_length"],
    ["Ana Bea Cid Dee Eve Fay", "too_many_words"],
    ["张San", "characters"],
    ["I don't know", "sentence"],
    ["不知道写什么", "sentence"],
    ["測試", "sentence"],
    ["asdf", "sentence"],
    ["no", "sentence"],
  ])("refuses %s with %s", (input, error) => {
    expect(validatePersonName(input)).toEqual({ valid: false, error });
  });

  it("accepts company names with digits and brackets", () => {
    expect(validateCompanyName("北京某某科技有限公司（分公司）").valid).toBe(true);
    expect(validateCompanyName("3M China Ltd.").valid).toBe(true);
    expect(validateCompanyName("-")).toEqual({ valid: false, error: "too_short" });
    expect(validateCompanyName("我爱我家房地产经纪有限公司").valid).toBe(true);
    expect(validateCompanyName("I don't have a company")).toEqual({ valid: false, error: "sentence" });
    expect(validateCompanyName("不知道公司名字")).toEqual({ valid: false, error: "sentence" });
    expect(validateCompanyName("which company?")).toEqual({ valid: false, error: "characters" });
  });
});

describe("textProblem", () => {
  it("flags empty, emoji-only and over-long text", () => {
    expect(textProblem("   ")).toBe("empty");
    expect(textProblem("😀🎉!!")).toBe("empty");
    expect(textProblem("a".repeat(1001))).toBe("too_long");
    expect(textProblem("a".repeat(1000))).toBeNull();
    expect(textProblem("张三")).toBeNull();
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 1200 }), (text) => [null, "empty", "too_long"].includes(textProblem(text))),
    );
  });
});
