/** FAQ topic ids (stable: content editors and the CLI use them). */
export const FAQ_TOPICS = [
  "verification-steps",
  "verification-methods",
  "required-documents",
  "document-requirements",
  "review-time",
  "check-status",
  "failure-reasons",
  "resubmit",
  "modify-application",
  "notification-missing",
  "forgot-email",
  "update-info",
  "benefits",
  "account-problem",
  "platform-issue",
  "contact-support",
  "privacy",
  "rejection-reasons",
  "false-information",
  "foreign-documents",
  "why-id-number",
  "delete-account",
  "uscc",
  "legal-rep-not-me",
  "wrong-photo",
  "official-channels",
] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];

/** Why a question is kept for operators to learn from: nothing matched it, two topics were too close to call, or its answer got a 👎. */
export type FaqMissOutcome = "no_topic" | "did_you_mean" | "unhelpful";
