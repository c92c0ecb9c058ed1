import { FAQ_TOPICS, type FaqTopic } from "../domain/faq-topics.js";
import { mentionsDomain, namesOtherSubject } from "./faq-lexicon.js";
import { FAQ_PHRASINGS } from "./faq-phrasings.js";
import { USER_QUESTIONS } from "./faq-user-questions.js";
import { SpellingCorrector } from "./spelling.js";
import { type Features, normalizedFeatures, normalizeQuestion } from "./text-features.js";

export interface FaqMatch {
  /** null when no topic matches well enough: say so honestly and offer the topic list. */
  topic: FaqTopic | null;
  /** Cosine similarity with the closest example, 0..1. */
  confidence: number;
  /** The most likely topics, best first (at most 5, any score above 0): offered when nothing matched well enough. */
  likely?: FaqTopic[];
  /** A second topic scored so close to `topic` that the user is asked which they meant, rather than guessed for. */
  alternative?: FaqTopic;
}

const LIKELY_TOPICS = 5;
/**
 * Words no example has still count against similarity, at this fraction of the rarest known word's
 * weight: "best phone 2026" is not "phone" alone (chosen on the development set).
 */
const UNKNOWN_WEIGHT = 0.6;
/** A question this close to one example is that example, whatever its words. */
const VERBATIM = 0.8;
/** Two topics within this score of each other are too close to call: "Did you mean …?" (chosen on the development set). */
const TOO_CLOSE = 0.01;

/** Below this similarity to every example, a question is not answered from the FAQ (calibrated on the labelled set). */
export const DEFAULT_MIN_CONFIDENCE = 0.25;

/** A topic's score mixes its closest example (precise phrasings) with its centroid (its vocabulary as a whole). */
const NEAREST_WEIGHT = 0.6;

/**
 * Nearest-example matching over TF-IDF weighted features. Built once (~0.35 s
 * at ~4,300 examples in a new process, ~0.2 s rebuilt); a question costs one pass
 * over its features through an inverted index, then one over the examples' scores
 * (a typed array).
 */
export class FaqMatcher {
  /**
   * Per feature: the examples that have it and its weight in each, and its weight in each topic's centroid
   * (by topic index) — typed arrays, so a question costs one lookup per feature.
   */
  private readonly postings = new Map<string, { examples: Int32Array; weights: Float64Array; centroids: Float64Array }>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly centroidNorms: Float64Array;
  private readonly spelling: SpellingCorrector;
  /** Each example's topic (its index in FAQ_TOPICS) and the norm of its weights. */
  private readonly exampleTopics: Int32Array;
  private readonly exampleNorms: Float64Array;
  /**
   * Where a question's scores are added up (per example; per topic, nearest and centroid), reused: matching
   * is synchronous. Maps and a fresh array per question cost ~200 µs at ~4,300 examples, these ~20.
   */
  private readonly scratch: { dot: Float64Array; topicNearest: Float64Array; topicCentroid: Float64Array };

  constructor(
    phrasings: Record<FaqTopic, readonly string[]> = faqExamples(),
    private readonly minConfidence = DEFAULT_MIN_CONFIDENCE,
  ) {
    const normalizedExamples = FAQ_TOPICS.flatMap((topic) =>
      phrasings[topic].map((text) => ({ topic, normalized: normalizeQuestion(text) })),
    );
    this.spelling = new SpellingCorrector(normalizedExamples.map(({ normalized }) => normalized));
    const documents = normalizedExamples.map(({ topic, normalized }) => ({ topic, features: normalizedFeatures(normalized) }));
    // Features by number, in the order they first appear: each is looked up by name once per example.
    const featureIds = new Map<string, number>();
    const documentFrequency: number[] = [];
    const exampleFeatures = documents.map(({ features }) =>
      Array.from(features, ([feature, count]) => {
        let id = featureIds.get(feature);
        if (id === undefined) {
          id = documentFrequency.push(0) - 1;
          featureIds.set(feature, id);
        }
        documentFrequency[id]!++;
        return { id, count };
      }),
    );
    const idf = Float64Array.from(documentFrequency, (count) => Math.log(documents.length / count) + 1);
    for (const [feature, id] of featureIds) this.idf.set(feature, idf[id]!);
    this.unknownIdf = Math.log(documents.length) + 1;
    // Each feature's postings, filled in example order; the centroids, a feature's topics side by side.
    const topics = FAQ_TOPICS.length;
    const examples = documentFrequency.map((count) => new Int32Array(count));
    const weights = documentFrequency.map((count) => new Float64Array(count));
    const filled = new Int32Array(documentFrequency.length);
    const centroids = new Float64Array(documentFrequency.length * topics);
    /** Per topic, its features in the order they joined its centroid (the order its norm adds them in). */
    const topicFeatures: number[][] = FAQ_TOPICS.map(() => []);
    this.exampleTopics = Int32Array.from(documents, ({ topic }) => FAQ_TOPICS.indexOf(topic));
    this.exampleNorms = new Float64Array(documents.length);
    exampleFeatures.forEach((features, example) => {
      const topic = this.exampleTopics[example]!;
      const weighted = features.map(({ id, count }) => count * idf[id]!);
      const norm = Math.hypot(...weighted) || 1;
      this.exampleNorms[example] = norm;
      features.forEach(({ id }, index) => {
        const weight = weighted[index]!;
        const cell = id * topics + topic;
        if (centroids[cell] === 0) topicFeatures[topic]!.push(id);
        centroids[cell]! += weight / norm;
        examples[id]![filled[id]!] = example;
        weights[id]![filled[id]!++] = weight;
      });
    });
    for (const [feature, id] of featureIds)
      this.postings.set(feature, {
        examples: examples[id]!,
        weights: weights[id]!,
        centroids: centroids.subarray(id * topics, (id + 1) * topics),
      });
    this.centroidNorms = Float64Array.from(
      topicFeatures,
      (features, topic) => Math.hypot(...features.map((id) => centroids[id * topics + topic]!)) || 1,
    );
    this.scratch = {
      dot: new Float64Array(documents.length),
      topicNearest: new Float64Array(FAQ_TOPICS.length),
      topicCentroid: new Float64Array(FAQ_TOPICS.length),
    };
  }

  match(question: string): FaqMatch {
    const normalized = normalizeQuestion(question);
    const features = normalizedFeatures(normalized, 1, this.spelling.correct(normalized));
    const weights = this.weigh(features);
    if (weights.size === 0) return { topic: null, confidence: 0 };
    const queryNorm = Math.hypot(...weights.values(), ...this.unknownWeights(features));
    const { exampleNorms, exampleTopics } = this;
    const { dot, topicNearest, topicCentroid } = this.scratch;
    dot.fill(0);
    topicNearest.fill(0);
    topicCentroid.fill(0);
    for (const [feature, weight] of weights) {
      const posting = this.postings.get(feature)!;
      for (let i = 0; i < posting.examples.length; i++) dot[posting.examples[i]!]! += weight * posting.weights[i]!;
      for (let topic = 0; topic < topicCentroid.length; topic++) topicCentroid[topic]! += weight * posting.centroids[topic]!;
    }
    // Each topic's closest example; topics are scored in the order their first scoring example comes.
    const order: number[] = [];
    for (let index = 0; index < dot.length; index++) {
      const score = dot[index]! / (queryNorm * exampleNorms[index]!);
      const topic = exampleTopics[index]!;
      if (score > topicNearest[topic]!) {
        if (topicNearest[topic] === 0) order.push(topic);
        topicNearest[topic] = score;
      }
    }
    const scores: Array<{ topic: FaqTopic; nearest: number; score: number }> = [];
    for (const topic of order) {
      const nearest = topicNearest[topic]!;
      const score = NEAREST_WEIGHT * nearest + (1 - NEAREST_WEIGHT) * (topicCentroid[topic]! / (queryNorm * this.centroidNorms[topic]!));
      if (score > 0) scores.push({ topic: FAQ_TOPICS[topic]!, nearest, score });
    }
    scores.sort((a, b) => b.score - a.score);
    const best = scores[0];
    // Outside the domain's words, only a near-verbatim example (a phrasing an operator taught) is answered;
    // another subject that borrows them ("what documents do i need for a visa"), never.
    if (best && (namesOtherSubject(normalized) || (best.nearest < VERBATIM && !mentionsDomain(normalized))))
      return { topic: null, confidence: 0 };
    const confidence = Math.round((best?.score ?? 0) * 1000) / 1000;
    if (best && best.score >= this.minConfidence) {
      const second = scores[1];
      const close = second && second.score >= this.minConfidence && best.score - second.score < TOO_CLOSE;
      return { topic: best.topic, confidence, ...(close ? { alternative: second.topic } : {}) };
    }
    return { topic: null, confidence, likely: scores.slice(0, LIKELY_TOPICS).map((entry) => entry.topic) };
  }

  /** The weights of the features no example has; `weigh` drops them, but they still count in the question's norm. */
  private unknownWeights(features: Features): number[] {
    const unknown: number[] = [];
    for (const [feature, count] of features) if (!this.idf.has(feature)) unknown.push(count * this.unknownIdf * UNKNOWN_WEIGHT);
    return unknown;
  }

  /** Unknown features (never seen in any example) match nothing and are dropped. */
  private weigh(features: Features): Features {
    const weighted: Features = new Map();
    for (const [feature, count] of features) {
      const idf = this.idf.get(feature);
      if (idf !== undefined) weighted.set(feature, count * idf);
    }
    return weighted;
  }
}

/**
 * What the matcher learns from, by topic: the written phrasings, the labelled questions users really
 * asked, and any further ones (operators' taught phrasings; a cross-validation's training folds).
 */
export function faqExamples(
  userQuestions: ReadonlyArray<readonly [string, FaqTopic]> = USER_QUESTIONS,
  further: ReadonlyArray<readonly [string, FaqTopic]> = [],
): Record<FaqTopic, string[]> {
  const examples = Object.fromEntries(FAQ_TOPICS.map((topic) => [topic, [...FAQ_PHRASINGS[topic]]])) as Record<FaqTopic, string[]>;
  for (const [question, topic] of [...userQuestions, ...further]) if (FAQ_TOPICS.includes(topic)) examples[topic].push(question);
  return examples;
}

let shared: FaqMatcher | undefined;
/** Which taught phrasings the shared matcher holds (their ids): unchanged, it is not rebuilt. */
let sharedTaught = "";

/** One matcher per process, built on first use (~0.35 s). */
export function sharedFaqMatcher(): FaqMatcher {
  shared ??= new FaqMatcher();
  return shared;
}

/**
 * Operators' taught phrasings (`cli faq teach`) join the built-in ones: the shared matcher is rebuilt
 * when they changed. Each instance calls this every minute, so a phrasing is in force everywhere
 * within a minute, without a restart.
 */
export function useTaughtPhrasings(taught: ReadonlyArray<{ id: number; question: string; topic: FaqTopic }>): void {
  const signature = taught.map((phrasing) => phrasing.id).join(",");
  if (signature === sharedTaught && shared) return;
  shared = new FaqMatcher(
    faqExamples(
      USER_QUESTIONS,
      taught.map(({ question, topic }) => [question, topic] as const),
    ),
  );
  sharedTaught = signature;
}
