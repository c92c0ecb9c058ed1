import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FAQ_TOPICS } from "../../src/domain/faq-topics.js";
import { FaqMatcher } from "../../src/faq/faq-matcher.js";

/**
 * The FAQ matcher against a labelled set written apart from its examples
 * (paraphrases, typos, colloquial and Traditional Chinese, full-width,
 * mixed languages) plus out-of-scope questions. Prints the confusion list.
 */
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "faq-questions.json"), "utf8")) as {
  inScope: Array<[string, string]>;
  outOfScope: string[];
};
const matcher = new FaqMatcher();

describe("FAQ matching quality", () => {
  const results = fixture.inScope.map(([question, expected]) => ({ question, expected, ...matcher.match(question) }));
  const outOfScope = fixture.outOfScope.map((question) => ({ question, ...matcher.match(question) }));

  it("has a labelled set of the required size, covering every topic", () => {
    expect(fixture.inScope.length).toBeGreaterThanOrEqual(150);
    expect(fixture.outOfScope.length).toBeGreaterThanOrEqual(30);
    expect(new Set(fixture.inScope.map(([, topic]) => topic))).toEqual(new Set(FAQ_TOPICS));
  });

  it("answers at least 90% of in-scope questions with the right topic, and matches at most 5% of out-of-scope ones", () => {
    const wrong = results.filter((r) => r.topic !== r.expected);
    const matchedOutOfScope = outOfScope.filter((r) => r.topic !== null);
    const accuracy = 1 - wrong.length / results.length;
    const falseMatches = matchedOutOfScope.length / outOfScope.length;
    console.log(
      [
        `\nin scope: ${results.length - wrong.length}/${results.length} right (${(accuracy * 100).toFixed(1)}%)`,
        ...wrong.map((r) => `  ✗ ${r.question}  →  ${r.topic ?? "none"} (${r.confidence}), expected ${r.expected}`),
        `out of scope: ${matchedOutOfScope.length}/${outOfScope.length} matched (${(falseMatches * 100).toFixed(1)}%)`,
        ...matchedOutOfScope.map((r) => `  ✗ ${r.question}  →  ${r.topic} (${r.confidence})`),
      ].join("\n"),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
    expect(falseMatches).toBeLessThanOrEqual(0.05);
  });
});
