import { ANSWER_FIELDS, changedFields, DOCUMENT_STEPS, type Draft, STEPS, type Step } from "../domain/application.js";
import { localDate } from "../domain/business-days.js";
import { formatPhoneForDisplay } from "../domain/phone.js";
import { dayMessage, timeMessage } from "../i18n/dates.js";
import { joinMessages, type Message, msg } from "../i18n/message.js";
import type { ApplicationForReview } from "../ports/application-store.js";
import { reasonLabel } from "./reason-label.js";

/**
 * What changed, for reviewers: since the application they follow (a resubmission) and in the latest
 * revision (information provided). The card names fields only; the private view adds the values
 * before the change and the earlier reviewer's note — personal data, shown to the reviewer who opened it.
 */

/** The step whose answer each draft field holds (method and photos by their own names). */
const STEP_OF_FIELD: Record<string, Step> = {
  ...Object.fromEntries(Object.entries(ANSWER_FIELDS).map(([step, field]) => [field, step as Step])),
  method: "method",
  ...Object.fromEntries(Object.entries(DOCUMENT_STEPS).map(([step, slot]) => [`documents.${slot}`, step as Step])),
};

/** "Email", "new photo: ID card, back" — bookkeeping (reads, the proven phone) left out. */
export function changeLabels(fields: readonly string[]): Message[] {
  const known = fields.filter((field) => STEP_OF_FIELD[field] !== undefined);
  // In the order the conversation asks them.
  known.sort((a, b) => STEPS.indexOf(STEP_OF_FIELD[a]!) - STEPS.indexOf(STEP_OF_FIELD[b]!));
  return known.map((field) => {
    const label = msg(`field.${STEP_OF_FIELD[field]!}`);
    return field.startsWith("documents.") ? msg("review.change.photo", { label }) : label;
  });
}

/** The card's lines: what a resubmission follows and what changed since, and the latest change by the applicant. */
export function changeLines(application: ApplicationForReview, timeZone: string): Message[] {
  const lines: Message[] = [];
  const { follows, lastRevision } = application;
  if (follows && follows.status === "rejected") {
    lines.push(
      msg("review.card.follows", {
        reference: follows.reference,
        date: follows.decidedAt ? dayMessage(localDate(new Date(follows.decidedAt), timeZone)) : "",
        reasons: joinMessages(follows.reasons.map(reasonLabel)),
      }),
    );
    const changed = changeLabels(changedFields(follows.draft, application.draft));
    lines.push(changed.length ? msg("review.card.changedSince", { fields: joinMessages(changed) }) : msg("review.card.unchanged"));
  }
  if (lastRevision) {
    const changed = changeLabels(lastRevision.fields);
    lines.push(
      msg("review.card.infoChanged", {
        at: timeMessage(lastRevision.at, timeZone),
        fields: changed.length ? joinMessages(changed) : msg("review.card.nothing"),
      }),
    );
  }
  return lines;
}

/** For the private view: the earlier reviewer's note, and each changed answer's value before the change. */
export function previousValueLines(application: ApplicationForReview): Message[] {
  const lines: Message[] = [];
  const { follows, lastRevision } = application;
  if (follows?.status === "rejected" && follows.note)
    lines.push(msg("review.previousNote", { reference: follows.reference, note: follows.note }));
  const before = (draft: Draft, fields: readonly string[]) =>
    fields.flatMap((field) => {
      const step = STEP_OF_FIELD[field];
      const value = draft[field as keyof Draft];
      if (!step || field.startsWith("documents.") || typeof value !== "string") return [];
      const shown = field === "phone" ? formatPhoneForDisplay(value) : value;
      return [msg("review.previousValue", { label: msg(`field.${step}`), value: shown })];
    });
  if (lastRevision) lines.push(...before(lastRevision.before, lastRevision.fields));
  else if (follows?.status === "rejected") lines.push(...before(follows.draft, changedFields(follows.draft, application.draft)));
  return lines;
}
