import type { FaqMissOutcome, FaqTopic } from "../domain/faq-topics.js";

export type { FaqMissOutcome };

/** A question the FAQ did not answer well, as typed (sealed at rest, no user id), with the topic finally chosen if any. */
export interface FaqMiss {
  id: string;
  question: string;
  outcome: FaqMissOutcome;
  topic: FaqTopic | null;
  createdAt: string;
}

/** A phrasing an operator taught (`cli faq teach`): an example of its topic for the matcher, on every instance. */
export interface TaughtPhrasing {
  id: number;
  question: string;
  topic: FaqTopic;
  createdAt: string;
}

/** In the chat's transaction: what the FAQ missed, and the topic the user then picked. */
export interface FaqMissWriter {
  noteFaqMiss(miss: { id: string; question: string; outcome: FaqMissOutcome; topic: FaqTopic | null; at: Date }): Promise<void>;
  /** The user picked `topic` after the miss (a likely topic, a "Did you mean" button). */
  settleFaqMiss(id: string, topic: FaqTopic): Promise<void>;
}

/** Operators' side (`cli faq …`) and every instance's refresh of taught phrasings. */
export interface FaqLearningStore {
  /** Misses since a time (all kept ones without), oldest first. */
  faqMisses(since: Date | null): Promise<FaqMiss[]>;
  taughtPhrasings(): Promise<TaughtPhrasing[]>;
  teachPhrasing(question: string, topic: FaqTopic, at: Date): Promise<number>;
  /** False when no phrasing has that id. */
  forgetPhrasing(id: number): Promise<boolean>;
}
