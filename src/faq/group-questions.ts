import { type Features, questionFeatures } from "./text-features.js";

/** Two questions this similar (cosine of their features) are counted as one question asked again. */
const SAME_QUESTION = 0.5;
/** Characters weigh half a bigram here: what the question is about (its concepts) counts for more than its wording. */
const CHARACTER_WEIGHT = 0.5;

export interface QuestionGroup<T> {
  /** The first question of the group, which the others resemble. */
  question: string;
  items: T[];
}

/**
 * Groups questions by similarity, most frequent first: each joins the first group whose first
 * question it resembles, or starts one. Greedy and order-dependent, which is enough to see what
 * users keep asking (`cli faq unmatched`).
 */
export function groupSimilarQuestions<T>(items: readonly T[], questionOf: (item: T) => string): Array<QuestionGroup<T>> {
  const groups: Array<QuestionGroup<T> & { features: Features; norm: number }> = [];
  for (const item of items) {
    const features = questionFeatures(questionOf(item), CHARACTER_WEIGHT);
    const norm = Math.hypot(...features.values());
    const group = groups.find((candidate) => cosine(features, norm, candidate.features, candidate.norm) >= SAME_QUESTION);
    if (group) group.items.push(item);
    else groups.push({ question: questionOf(item), items: [item], features, norm });
  }
  return groups.sort((a, b) => b.items.length - a.items.length).map(({ question, items }) => ({ question, items }));
}

function cosine(a: Features, aNorm: number, b: Features, bNorm: number): number {
  if (aNorm === 0 || bNorm === 0) return 0;
  let dot = 0;
  for (const [feature, weight] of a) dot += weight * (b.get(feature) ?? 0);
  return dot / (aNorm * bNorm);
}
