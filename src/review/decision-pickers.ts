import type { Form } from "../chat/reply.js";
import { type Step, stepsFor } from "../domain/application.js";
import type { Choice } from "../domain/choice.js";
import { REJECTION_REASON_CODES, type RejectionReason } from "../domain/rejection-reasons.js";
import { msg } from "../i18n/message.js";
import { reasonLabel } from "./reason-label.js";
import { encodeReviewButton } from "./review-buttons.js";
import { toggleChoices } from "./review-card.js";

/**
 * The reviewer's pickers: the reasons and items to tick, as toggle buttons (Telegram, the console) or as a
 * form (Slack's dialog). Reason bits index the whole catalogue, so a button keeps its meaning whatever was offered.
 */

export function rejectForm(reference: string, offered: RejectionReason[]): Form {
  return {
    id: encodeReviewButton("nf", reference),
    title: msg("review.form.rejectTitle", { reference }),
    optionsLabel: msg("review.form.reasons"),
    options: offered.map(reasonLabel),
    note: { label: msg("review.form.note") },
    submitLabel: msg("choice.reject"),
  };
}

export function infoForm(reference: string, items: Step[]): Form {
  return {
    id: encodeReviewButton("if", reference),
    title: msg("review.form.infoTitle", { reference }),
    optionsLabel: msg("review.form.items"),
    options: items.map((step) => msg(`field.${step}`)),
    note: { label: msg("review.form.note") },
    submitLabel: msg("choice.sendRequest"),
  };
}

export function requestableItems(method: ApplicationMethod): Step[] {
  return stepsFor(method).filter((step) => step !== "method" && step !== "phoneCode");
}
type ApplicationMethod = Parameters<typeof stepsFor>[0];

export function reasonChoices(reference: string, offered: RejectionReason[], mask: number): Choice[] {
  const bits = offered.map((code) => REJECTION_REASON_CODES.indexOf(code));
  return [
    ...toggleChoices("no", reference, offered.map(reasonLabel), mask, bits),
    { id: encodeReviewButton("nx", reference, mask), label: msg("choice.next") },
    { id: encodeReviewButton("cx"), label: msg("choice.cancelReview") },
  ];
}

export function infoChoices(reference: string, items: Step[], mask: number): Choice[] {
  return [
    ...toggleChoices(
      "in",
      reference,
      items.map((step) => msg(`field.${step}`)),
      mask,
    ),
    { id: encodeReviewButton("ig", reference, mask), label: msg("choice.sendRequest") },
    { id: encodeReviewButton("cx"), label: msg("choice.cancelReview") },
  ];
}
