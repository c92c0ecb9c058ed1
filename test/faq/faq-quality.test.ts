import { describe, expect, it } from "vitest";
import { FAQ_TOPICS } from "../../src/domain/faq-topics.js";
import { FaqMatcher, faqExamples } from "../../src/faq/faq-matcher.js";
import { accuracyOf, crossValidatedAccuracy, describeAccuracy, labelledSet } from "../helpers/faq-accuracy.js";

/**
 * The FAQ matcher against its two labelled sets (typos, Traditional characters, no punctuation,
 * mixed languages, out-of-scope questions). The development set is learnt from and tuned on, so it is
 * measured by cross-validation; the held-out set is neither — its figure is the honest one. Both
 * print their confusion pairs.
 */
const matcher = new FaqMatcher();

describe("FAQ matching quality", () => {
  it("has labelled sets of the required size, each covering every topic", () => {
    const development = labelledSet("development");
    const heldOut = labelledSet("held-out");
    expect(development.inScope.length + heldOut.inScope.length).toBeGreaterThanOrEqual(400);
    expect(heldOut.inScope.length + heldOut.outOfScope.length).toBeGreaterThanOrEqual(150);
    expect(new Set(development.inScope.map(([, topic]) => topic))).toEqual(new Set(FAQ_TOPICS));
    expect(new Set(heldOut.inScope.map(([, topic]) => topic))).toEqual(new Set(FAQ_TOPICS));
    // The matcher never learns from a held-out question: not one is among its examples.
    const examples = new Set(Object.values(faqExamples()).flat());
    expect(heldOut.inScope.filter(([question]) => examples.has(question))).toEqual([]);
    expect(heldOut.outOfScope.filter((question) => development.outOfScope.includes(question))).toEqual([]);
  });

  it("development set (learnt from and tuned on), 5-fold cross-validated: at least 97 % in scope answered outright, at most 3 % out of scope", () => {
    const accuracy = crossValidatedAccuracy();
    console.log(describeAccuracy("development, 5-fold cross-validated", accuracy));
    expect(accuracy.inScopeRate).toBeGreaterThanOrEqual(0.97);
    expect(accuracy.outOfScopeRate).toBeLessThanOrEqual(0.03);
  });

  it("verification elsewhere is not ours, even worded like an example; a service merely named in a question of ours changes nothing", () => {
    for (const question of [
      "how do i verify my gmail account",
      "微信实名认证怎么弄",
      "what documents do i need for a uk visa",
      "抖音实名认证在哪里",
      "how do i get verified on instagram",
      "支付宝怎么实名",
      "淘宝店铺要交什么资料",
    ])
      expect(matcher.match(question).topic, question).toBeNull();
    expect(matcher.match("the result email went to my gmail spam folder").topic).toBe("notification-missing");
    expect(matcher.match("is there an official twitter for announcements").topic).toBe("official-channels");
    expect(matcher.match("官方微博是哪个").topic).toBe("official-channels");
    expect(matcher.match("qq邮箱一直收不到审核结果").topic).toBe("notification-missing");
  });

  it("getting a document issued, another role's verification, other accounts, the calendar and a question-type word alone are not ours; chat spellings and mixed languages are read as meant", () => {
    for (const question of [
      "小孩办身份证需要什么材料",
      "how do i renew my passport",
      "美团骑手怎么实名认证",
      "驾照认证怎么弄",
      "how to become a verified seller on etsy",
      "what is the meaning of life",
      "明天放假吗",
      "how do i open a checking account",
      "what date is easter",
      "help me write an essay",
    ])
      expect(matcher.match(question).topic, question).toBeNull();
    const answers: Array<[string, string]> = [
      ["我的驾照可以用来认证吗", "foreign-documents"],
      ["can i replace the id card photo i sent", "wrong-photo"],
      ["周末审核吗", "review-time"],
      ["驳回理由是什么意思", "rejection-reasons"],
      ["my acct got suspended", "account-problem"],
      ["what are the benifits of verfication", "benefits"],
      ["i dont know which email i used", "forgot-email"],
      ["which docuemnts does verification need", "required-documents"],
      // English words in a Chinese question are read in Chinese.
      ["upload 一直失败怎么办", "platform-issue"],
      // Spelling is corrected for matching only: "brother" is never read as "bother" (a benefits question).
      ["is it fine to verify with my brother's card", "false-information"],
    ];
    for (const [question, topic] of answers) expect(matcher.match(question).topic, question).toBe(topic);
  });

  it("held-out set (never tuned on): at least 97 % in scope answered outright, at most 3 % out of scope", () => {
    const accuracy = accuracyOf(matcher, labelledSet("held-out"));
    console.log(describeAccuracy("held-out", accuracy));
    // Issue 25's targets. Measured once, on 2026-12-07 (the twenty-first and twenty-second sets, pooled as decided
    // before the second was written): 98.1 % (357/364) and 1.3 % (1/80).
    expect(accuracy.inScopeRate).toBeGreaterThanOrEqual(0.97);
    expect(accuracy.outOfScopeRate).toBeLessThanOrEqual(0.03);
  });
});
