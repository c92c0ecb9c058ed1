import { describe, expect, it } from "vitest";
import { asksWhatItMeans } from "../../src/domain/meaning-question.js";

describe("asksWhatItMeans", () => {
  it("is a whole message asking what was just said means, in either language, any script or punctuation", () => {
    for (const text of [
      "这是什么意思",
      "什么意思？",
      "這是什麼意思",
      "啥意思",
      "看不懂",
      "没看懂啊",
      "What does this mean?",
      "what does that mean",
      "I don't understand",
      "huh?",
    ])
      expect(asksWhatItMeans(text), text).toBe(true);
  });

  it("is not a question with a subject of its own, which the FAQ answers", () => {
    for (const text of [
      "what does verification mean",
      "什么意思是认证",
      "I don't understand the rejection reason",
      "驳回理由是什么意思",
      "meaning of life",
    ])
      expect(asksWhatItMeans(text), text).toBe(false);
  });
});
