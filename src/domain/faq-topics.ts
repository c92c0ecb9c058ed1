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
] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];
