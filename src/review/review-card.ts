import type { Reply } from "../chat/reply.js";
import { DOCUMENT_STEPS, type Step, stepsFor } from "../domain/application.js";
import type { Choice } from "../domain/choice.js";
import { maskIdNumber } from "../domain/masking.js";
import { formatPhoneForDisplay } from "../domain/phone.js";
import { REJECTION_REASON_CODES } from "../domain/rejection-reasons.js";
import { type Message, msg } from "../i18n/message.js";
import type { ApplicationForReview } from "../ports/application-store.js";
import { encodeReviewButton } from "./review-buttons.js";

export type CardContent = Omit<Reply, "locale" | "to">;

/**
 * The card reviewers decide from: applicant details with ID numbers masked,
 * the documents' previews, and the decision buttons while a decision is due.
 * Once decided, the same card carries the stamp and no buttons.
 */
export function reviewCard(application: ApplicationForReview): CardContent {
  const { draft, reference } = application;
  const body: Message[] = [
    msg("review.card.title", { reference, method: msg(`method.${draft.method ?? "id_card"}`) }),
    ...detailLines(application, { revealIdNumbers: false }),
    msg("review.card.submitted", {
      submittedAt: application.submittedAt.slice(0, 16).replace("T", " "),
      expectedBy: application.expectedBy,
    }),
  ];
  if (application.previousApplicationId) body.push(msg("review.card.resubmission"));
  const { workspace } = application;
  if (workspace) {
    const enterprise = workspace.enterpriseId ? msg("review.card.enterprise", { enterprise: workspace.enterpriseId }) : "";
    body.push(msg("review.card.workspace", { team: workspace.teamId, enterprise }));
  }
  const decided = application.status !== "submitted";
  if (decided) {
    body.push(
      msg("review.card.decided", {
        status: msg(`status.${application.status}.label`),
        actor: application.decidedBy ?? "",
        at: (application.decidedAt ?? "").slice(0, 16).replace("T", " "),
      }),
    );
  }
  const attachments = stepsFor(draft.method).flatMap((step) => {
    const slot = DOCUMENT_STEPS[step];
    const document = slot && draft.documents[slot];
    return document ? [{ documentId: document.previewId, label: msg(`field.${step}`) }] : [];
  });
  const choices: Choice[] = decided
    ? []
    : [
        { id: encodeReviewButton("ok", reference), label: msg("choice.approve") },
        { id: encodeReviewButton("no", reference), label: msg("choice.reject") },
        { id: encodeReviewButton("in", reference), label: msg("choice.requestInfo") },
        { id: encodeReviewButton("sd", reference), label: msg("choice.showDetails") },
      ];
  return { card: reference, body, attachments, ...(choices.length ? { choices } : {}) };
}

/** One line per answer; ID numbers masked unless a reviewer asked to see them (which is audited). */
export function detailLines(application: ApplicationForReview, { revealIdNumbers }: { revealIdNumbers: boolean }): Message[] {
  const { draft } = application;
  const id = (value: string | undefined) => value && (revealIdNumbers ? value : maskIdNumber(value));
  const values: Partial<Record<Step, string | undefined>> = {
    name: draft.name,
    email: draft.email,
    phone: draft.phone && formatPhoneForDisplay(draft.phone),
    idNumber: id(draft.idNumber),
    companyName: draft.companyName,
    uscc: draft.uscc,
    legalRepName: draft.legalRepName,
    legalRepId: id(draft.legalRepIdNumber),
  };
  return stepsFor(draft.method).flatMap((step) => {
    const value = values[step];
    return value ? [msg("summary.line", { label: msg(`field.${step}`), value })] : [];
  });
}

/** Toggle buttons over a list of options, the selection carried in the button ids as a bit mask (no server state). */
export function toggleChoices(verb: "no" | "in", reference: string, labels: Message[], mask: number): Choice[] {
  return labels.map((label, bit) => ({
    id: encodeReviewButton(verb, reference, mask ^ (1 << bit)),
    label: msg(mask & (1 << bit) ? "review.selected" : "review.unselected", { label }),
  }));
}

export const REASON_LABELS: Message[] = REJECTION_REASON_CODES.map((code) => msg(`reason.${code}`));

export function selected<T>(options: readonly T[], mask: number): T[] {
  return options.filter((_, bit) => mask & (1 << bit));
}
