/**
 * What the application counts as it works, for operators' dashboards (`GET /metrics`). Declared
 * here, below every layer that counts, and implemented with prom-client at the composition root
 * (`src/app/prometheus-metrics.ts`); what the store knows (applications by status, the queue, the
 * webhook backlog) is read from it at each scrape instead.
 */
export interface Metrics {
  /** One chat update taken from a platform: processed, a redelivery, or failed; with how long it took. */
  chatUpdate(platform: string, outcome: "handled" | "duplicate" | "failed", seconds: number): void;
  /** One attempt to deliver a notification on a channel. */
  delivery(channel: string, outcome: "sent" | "retry" | "failed"): void;
  /** A document photo refused on the spot, by problem code. */
  documentProblem(code: string): void;
  /** An accepted photo's read (OCR): in time for its reply, late (a follow-up), or not read at all; with how long it took. */
  documentRead(outcome: "in_time" | "late" | "not_read", seconds: number): void;
  /** A read that disagreed with the answers and was told: a different number, or the wrong side of the card. */
  readFinding(finding: "number_differs" | "wrong_side"): void;
  /** A question the FAQ answered (its topic), or could not match (null). */
  faqQuestion(topic: string | null): void;
  /** A 👍 or 👎 under a FAQ answer. */
  faqFeedback(topic: string, helpful: boolean): void;
  /** A reviewer's decision (or four-eyes first approval) that was committed. */
  decision(decision: ReviewDecisionObservation): void;
  /** An overdue application nobody held, announced to `REVIEW_ESCALATE_TO`. */
  escalation(): void;
  /** One attempt to post a webhook event. */
  webhookAttempt(outcome: "delivered" | "failed"): void;
}

export interface ReviewDecisionObservation {
  reviewer: string;
  /** approved, rejected, needs_more_info or first_approval. */
  outcome: string;
  /** Rejection reasons or requested items. */
  reasons: readonly string[];
  secondsSinceSubmission: number;
  /** From this reviewer's first Open or claim of the application to the decision; null when they did neither. */
  secondsOnCase: number | null;
  /** Taken after the date promised to the user. */
  pastDue: boolean;
}

/** Counts nothing: where no metrics are wanted (tests, CLI). */
export const NO_METRICS: Metrics = {
  chatUpdate: () => undefined,
  delivery: () => undefined,
  documentProblem: () => undefined,
  documentRead: () => undefined,
  readFinding: () => undefined,
  escalation: () => undefined,
  faqQuestion: () => undefined,
  faqFeedback: () => undefined,
  decision: () => undefined,
  webhookAttempt: () => undefined,
};
