import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FaqMatcher, faqExamples } from "../../src/faq/faq-matcher.js";
import { OUT_OF_SCOPE_QUESTIONS } from "../../src/faq/faq-out-of-scope-questions.js";
import { USER_QUESTIONS } from "../../src/faq/faq-user-questions.js";

/** A labelled set: questions with the topic they are about, and questions the FAQ must not answer. */
export interface LabelledQuestions {
  inScope: ReadonlyArray<readonly [string, string]>;
  outOfScope: readonly string[];
}

/**
 * The development set is the matcher's own labelled user questions (it learns from them); the held-out
 * set, in test/fixtures, is never learnt from nor tuned on.
 */
export function labelledSet(name: "development" | "held-out"): LabelledQuestions {
  if (name === "development") return { inScope: USER_QUESTIONS, outOfScope: OUT_OF_SCOPE_QUESTIONS };
  return JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "faq-questions.heldout.json"), "utf8")) as LabelledQuestions;
}

/**
 * The development set measured honestly although the matcher learns from it: split in `folds` parts,
 * each part is answered by a matcher built without it.
 */
export function crossValidatedAccuracy(folds = 5): Accuracy {
  const parts = Array.from({ length: folds }, (_, fold) => {
    const inFold = (_: unknown, index: number) => index % folds === fold;
    const training = USER_QUESTIONS.filter((question, index) => !inFold(question, index));
    return accuracyOf(new FaqMatcher(faqExamples(training)), {
      inScope: USER_QUESTIONS.filter(inFold),
      outOfScope: OUT_OF_SCOPE_QUESTIONS.filter(inFold),
    });
  });
  const sum = (count: (accuracy: Accuracy) => number) => parts.reduce((total, part) => total + count(part), 0);
  const merged = new Map<string, string[]>();
  for (const { pair, questions } of parts.flatMap((part) => part.confusions)) merged.set(pair, [...(merged.get(pair) ?? []), ...questions]);
  return summarise(
    sum((a) => a.inScope),
    sum((a) => a.right),
    sum((a) => a.outOfScope),
    sum((a) => a.answeredOutOfScope),
    merged,
  );
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
  return summarise(set.inScope.length, right, set.outOfScope.length, answered.length, misses);
}

function summarise(
  inScope: number,
  right: number,
  outOfScope: number,
  answeredOutOfScope: number,
  misses: Map<string, string[]>,
): Accuracy {
  return {
    inScope,
    right,
    inScopeRate: right / inScope,
    outOfScope,
    answeredOutOfScope,
    outOfScopeRate: answeredOutOfScope / outOfScope,
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
