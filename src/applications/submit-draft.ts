import {
  addBusinessDaysToInstant,
  expectedDecisionDate,
  type IsoDate,
  REMIND_REVIEWERS_AFTER_BUSINESS_DAYS,
} from "../domain/business-days.js";
import type { ApplicationStore, NewSubmission } from "../ports/application-store.js";
import type { WebhookEventWriter } from "../ports/webhook-outbox.js";
import { AssistantError } from "../runtime/errors.js";
import { announceStatus } from "./status-events.js";

/** What a submission needs besides the draft: the promise's calendar and a way to draw reference codes. */
export interface SubmissionCalendar {
  timeZone: string;
  holidays: ReadonlySet<string>;
  newReference: () => string;
}

/**
 * Turns a draft into a submitted application with a fresh reference code,
 * the promised decision date (3 business days) and the reviewers' reminder
 * time: the one rule for a conversation's submission and for one held
 * during maintenance going through later.
 */
export async function submitDraft(
  tx: Pick<ApplicationStore, "isReferenceTaken" | "submitApplication"> & WebhookEventWriter,
  calendar: SubmissionCalendar,
  submission: Omit<NewSubmission, "reference" | "expectedBy" | "remindReviewersAt">,
): Promise<{ reference: string; expectedBy: IsoDate }> {
  const reference = await freeReference(tx, calendar.newReference);
  const { timeZone, holidays } = calendar;
  const expectedBy = expectedDecisionDate(submission.submittedAt, timeZone, holidays);
  const remindReviewersAt = addBusinessDaysToInstant(submission.submittedAt, REMIND_REVIEWERS_AFTER_BUSINESS_DAYS, timeZone, holidays);
  await tx.submitApplication({ ...submission, reference, expectedBy, remindReviewersAt });
  const { userId, draft, submittedAt: at } = submission;
  await announceStatus(tx, { reference, userId, status: "submitted", method: draft.method ?? "", reasons: [], at });
  return { reference, expectedBy };
}

/** A reference code no application or support request uses yet. */
export async function freeReference(
  tx: Pick<ApplicationStore, "isReferenceTaken" | "submitApplication">,
  newReference: () => string,
): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const reference = newReference();
    if (!(await tx.isReferenceTaken(reference))) return reference;
  }
  throw new AssistantError("reference_exhausted", "could not find a free reference code in 10 attempts");
}
