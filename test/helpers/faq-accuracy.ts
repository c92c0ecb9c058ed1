import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FaqMatcher } from "../../src/faq/faq-matcher.js";

/** A labelled set: questions with the topic they are about, and questions the FAQ must not answer. */
export interface LabelledQuestions {
  inScope: Array<[string, string]>;
  outOfScope: string[];
}

export function labelledSet(name: "development" | "held-out"): LabelledQuestions {
  const file = name === "development" ? "faq-questions.json" : "faq-questions.heldout.json";
  return JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", file), "utf8")) as LabelledQuestions;
}

export interface Accuracy {
  inScope: number;
  right: number;
  /** Right only when the topic is answered outright: a "Did you mean" counts as not right. */
  inScopeRate: number;
  outOfScope: number;
  answeredOutOfScope: number;
  outOfScopeRate: number;
  /** "expected → given" for every miss, most frequent first. */
  confusions: Array<{ pair: string; count: number; questions: string[] }>;
}

export function accuracyOf(matcher: FaqMatcher, set: LabelledQuestions): Accuracy {
  const misses = new Map<string, string[]>();
  let right = 0;
  for (const [question, expected] of set.inScope) {
    const match = matcher.match(question);
    if (match.topic === expected && !match.alternative) {
      right++;
      continue;
    }
    const given = match.alternative ? `did you mean ${match.topic}/${match.alternative}` : (match.topic ?? "no topic");
    const pair = `${expected} → ${given}`;
    misses.set(pair, [...(misses.get(pair) ?? []), question]);
  }
  const answered = set.outOfScope.filter((question) => matcher.match(question).topic !== null);
  for (const question of answered) {
    const pair = `out of scope → ${matcher.match(question).topic}`;
    misses.set(pair, [...(misses.get(pair) ?? []), question]);
  }
  return {
    inScope: set.inScope.length,
    right,
    inScopeRate: right / set.inScope.length,
    outOfScope: set.outOfScope.length,
    answeredOutOfScope: answered.length,
    outOfScopeRate: answered.length / set.outOfScope.length,
    confusions: [...misses].map(([pair, questions]) => ({ pair, count: questions.length, questions })).sort((a, b) => b.count - a.count),
  };
}

export function describeAccuracy(name: string, accuracy: Accuracy): string {
  const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
  return [
    `${name}: in scope ${accuracy.right}/${accuracy.inScope} right (${percent(accuracy.inScopeRate)}); out of scope answered ${accuracy.answeredOutOfScope}/${accuracy.outOfScope} (${percent(accuracy.outOfScopeRate)})`,
    ...accuracy.confusions.map(({ pair, count, questions }) => `  ${count}× ${pair}: ${questions.join(" | ")}`),
  ].join("\n");
}
