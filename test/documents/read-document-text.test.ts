import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpretDocumentText, mayShowNumber, type OcrLine } from "../../src/documents/read-document-text.js";
import { randomIdNumber, randomUscc, seeded } from "../helpers/document-cards.js";

/** What the reader makes of recognised text, on text written by hand: the rules without the OCR. */
const TODAY = new Date("2026-11-30T00:00:00Z");
const line = (text: string, confidence = 90): OcrLine => ({
  words: text.split(" ").map((word) => ({ text: word, confidence })),
});
const PORTRAIT_LABELS = [line("姓名 测试甲"), line("性别 男 民族 汉"), line("出生 1990 年 1 月 1 日"), line("住址 某省某市")];
const ID = randomIdNumber(seeded(7));

describe("interpreting the text read on a photo", () => {
  it("the portrait side: its labels and a number with the right check character", () => {
    const read = interpretDocumentText({ chinese: [...PORTRAIT_LABELS, line(`公民身份号码 ${ID}`)], latin: [line(`ABCD ${ID}`)] }, TODAY);
    expect(read).toMatchObject({ side: "portrait", idNumber: ID, uscc: null });
  });

  it("a number printed in groups is joined; punctuation read inside it is dropped", () => {
    const grouped = `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`;
    expect(interpretDocumentText({ chinese: PORTRAIT_LABELS, latin: [line(grouped)] }, TODAY).idNumber).toBe(ID);
    const dotted = `${ID.slice(0, 2)}/${ID.slice(2)}`;
    expect(interpretDocumentText({ chinese: PORTRAIT_LABELS, latin: [line(dotted)] }, TODAY).idNumber).toBe(ID);
  });

  it("two readings that found different valid numbers claim neither", () => {
    const other = randomIdNumber(seeded(8));
    expect(interpretDocumentText({ chinese: [...PORTRAIT_LABELS, line(other)], latin: [line(ID)] }, TODAY).idNumber).toBeNull();
  });

  it("never cuts a number out of a longer run of characters", () => {
    expect(interpretDocumentText({ chinese: PORTRAIT_LABELS, latin: [line(`7${ID}`)] }, TODAY).idNumber).toBeNull();
  });

  it("any one character misread makes the number unclaimed (the check character catches it)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.constantFrom(..."0123456789X"), (position, character) => {
        fc.pre(ID[position] !== character);
        const misread = ID.slice(0, position) + character + ID.slice(position + 1);
        const read = interpretDocumentText({ chinese: PORTRAIT_LABELS, latin: [line(misread)] }, TODAY);
        expect(read.idNumber).toBeNull();
      }),
    );
  });

  it("the emblem side by its texts, one misread character allowed in a long label", () => {
    const chinese = [line("中华人民共和田"), line("居民身份证"), line("签发机关 某市公安局"), line("有效期限 2015.03.01-2035.03.01")];
    expect(interpretDocumentText({ chinese, latin: [] }, TODAY)).toMatchObject({ side: "emblem", idNumber: null });
  });

  it("a licence and its credit code, O and I read for 0 and 1", () => {
    const code = randomUscc(seeded(9));
    const lookalike = code.replace(/0/g, "O").replace(/1/g, "I");
    const chinese = [line("营业执照"), line("统一社会信用代码"), line("法定代表人 测试甲")];
    expect(interpretDocumentText({ chinese, latin: [line(lookalike)] }, TODAY)).toMatchObject({
      side: "licence",
      uscc: code,
      idNumber: null,
    });
  });

  it("one label is not enough to name a side; a tie names none", () => {
    expect(interpretDocumentText({ chinese: [line("姓名 测试甲")], latin: [] }, TODAY).side).toBe("unknown");
    const tie = [line("姓名"), line("性别"), line("签发机关"), line("有效期限")];
    expect(interpretDocumentText({ chinese: tie, latin: [] }, TODAY).side).toBe("unknown");
  });

  it("a name only when every character after 姓名 was read surely", () => {
    const sure: OcrLine = {
      words: [
        { text: "姓名", confidence: 96 },
        {
          text: "”测试",
          confidence: 60,
          symbols: [
            { text: "”", confidence: 10 },
            { text: "测", confidence: 97 },
            { text: "试", confidence: 96 },
          ],
        },
        { text: "甲", confidence: 97, symbols: [{ text: "甲", confidence: 97 }] },
      ],
    };
    const chinese = [sure, ...PORTRAIT_LABELS.slice(1)];
    expect(interpretDocumentText({ chinese, latin: [line(ID)] }, TODAY).name).toBe("测试甲");
    const unsure = { words: sure.words.map((word, i) => (i === 2 ? { ...word, symbols: [{ text: "甲", confidence: 80 }] } : word)) };
    expect(interpretDocumentText({ chinese: [unsure, ...PORTRAIT_LABELS.slice(1)], latin: [line(ID)] }, TODAY).name).toBeNull();
  });

  it("a number is told only on the side that carries it", () => {
    const chinese = [line("中华人民共和国"), line("居民身份证"), line("签发机关")];
    expect(interpretDocumentText({ chinese, latin: [line(ID)] }, TODAY)).toMatchObject({ side: "emblem", idNumber: null });
  });

  it("when the Chinese reading has no label of a side with a number, no other reading can change the read (so none is made)", () => {
    const labels = [
      "姓名",
      "出生",
      "公民身份号码",
      "营业执照",
      "法定代表人",
      "中华人民共和国",
      "居民身份证",
      "签发机关",
      "有效期限 2015.03.01-2035.03.01",
      "某市",
    ];
    const texts = fc.constantFrom(...labels, ID, randomUscc(seeded(3)), randomIdNumber(seeded(4)), "ABC 123");
    const lines = fc.array(
      texts.map((text) => line(text)),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(lines, lines, (chinese, latin) => {
        fc.pre(!mayShowNumber(chinese));
        const alone = interpretDocumentText({ chinese, latin: [] }, TODAY);
        const withLatin = interpretDocumentText({ chinese, latin }, TODAY);
        expect(withLatin).toEqual({ ...alone, confidence: withLatin.confidence });
      }),
      { numRuns: 500 },
    );
    expect(mayShowNumber([line("姓名 测试甲")])).toBe(true);
    expect(mayShowNumber([line("中华人民共和国"), line("居民身份证")])).toBe(false);
  });
});
