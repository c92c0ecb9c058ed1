import type { Reply } from "../chat/reply.js";
import { DOCUMENT_STEPS, type Draft, type Method, type Step, type StoredDocument, stepsFor } from "../domain/application.js";
import { localDate } from "../domain/business-days.js";
import type { Choice } from "../domain/choice.js";
import { maskIdNumber } from "../domain/masking.js";
import { formatPhoneForDisplay } from "../domain/phone.js";
import { currentRead, type NumberedSlot, nameCheck, numberCheck, PHOTO_NUMBERS } from "../domain/read-findings.js";
import { dayMessage, timeMessage } from "../i18n/dates.js";
import { joinMessages, type Message, msg } from "../i18n/message.js";
import type { ApplicationForReview } from "../ports/application-store.js";
import { reasonLabel } from "./reason-label.js";
import { encodeReviewButton } from "./review-buttons.js";
import { actorName } from "./reviewer-display.js";
import type { RoomDetails } from "./reviewers.js";
import { changeLines, previousValueLines } from "./what-changed.js";

export type CardContent = Omit<Reply, "locale" | "to">;

/**
 * The card reviewers decide from, in the shared review room. With
 * `roomDetails: "private"` it carries no personal data — reference, method,
 * dates, waiting time, resubmission and duplicate flags — and **Open** sends
 * the details and documents to the reviewer who pressed it; with `"room"` the
 * applicant's details (ID numbers masked) and document previews are on the
 * card. While a reviewer's claim holds it says who is on it; a first approval (four eyes) says
 * who gave it and turns Approve into Confirm approval. Once decided, the same card carries the
 * stamp and no buttons.
 */
export function reviewCard(application: ApplicationForReview, roomDetails: RoomDetails, now: Date, timeZone: string): CardContent {
  const { draft, reference, claim, firstApproval, reviewerNames: names } = application;
  const decided = application.status !== "submitted";
  const inRoom = roomDetails === "room";
  const body: Message[] = [
    msg("review.card.title", { reference, method: msg(`method.${draft.method ?? "id_card"}`) }),
    ...(inRoom ? detailLines(application, { revealIdNumbers: false }) : []),
    msg("review.card.submitted", {
      submittedAt: timeMessage(application.submittedAt, timeZone),
      expectedBy: dayMessage(application.expectedBy),
    }),
  ];
  if (!decided) body.push(msg("review.card.waiting", { hours: waitingHours(application.submittedAt, now) }));
  const previous = application.previousApplication;
  // After an approval, a new application re-verifies (a new legal representative); otherwise it resubmits a rejected one.
  if (previous?.status === "approved")
    body.push(
      msg("review.card.reverification", {
        approvedOn: previous.decidedAt ? dayMessage(localDate(new Date(previous.decidedAt), timeZone)) : "",
      }),
    );
  body.push(...changeLines(application, timeZone));
  body.push(...earlierApplicationLines(application, timeZone));
  // In a room shown the details, they carry the flag already.
  if (!inRoom) body.push(...greyscaleLines(application.draft));
  for (const duplicate of application.duplicates) {
    body.push(msg("review.card.duplicate", { reference: duplicate.reference, status: msg(`status.${duplicate.status}.label`) }));
  }
  const { workspace } = application;
  if (workspace) {
    const enterprise = workspace.enterpriseId ? msg("review.card.enterprise", { enterprise: workspace.enterpriseId }) : "";
    body.push(msg("review.card.workspace", { team: workspace.teamId, enterprise }));
  }
  if (!decided && firstApproval)
    body.push(msg("review.card.firstApproval", { actor: actorName(firstApproval.by, names), at: timeMessage(firstApproval.at, timeZone) }));
  const claimed = !decided && claimHolds(claim, now);
  if (claimed) body.push(msg("review.card.claimed", { actor: actorName(claim!.by, names), until: timeMessage(claim!.until, timeZone) }));
  if (application.status === "withdrawn") {
    body.push(msg("review.card.withdrawn", { at: application.decidedAt ? timeMessage(application.decidedAt, timeZone) : "" }));
  } else if (decided) {
    body.push(
      // More information is asked, not decided: the application comes back to review when it arrives.
      msg(application.status === "needs_more_info" ? "review.card.sentBack" : "review.card.decided", {
        status: msg(`status.${application.status}.label`),
        actor: application.decidedBy ? actorName(application.decidedBy, names) : "",
        at: application.decidedAt ? timeMessage(application.decidedAt, timeZone) : "",
      }),
    );
  }
  const attachments = inRoom
    ? documentsOf(application.draft).map(({ step, document }) => ({ documentId: document.previewId, label: msg(`field.${step}`) }))
    : [];
  const choices: Choice[] = decided
    ? []
    : [
        { id: encodeReviewButton("ok", reference), label: msg(firstApproval ? "choice.confirmApproval" : "choice.approve") },
        { id: encodeReviewButton("no", reference), label: msg("choice.reject") },
        { id: encodeReviewButton("in", reference), label: msg("choice.requestInfo") },
        inRoom
          ? { id: encodeReviewButton("sd", reference), label: msg("choice.showDetails") }
          : { id: encodeReviewButton("op", reference), label: msg("choice.open") },
        claimed
          ? { id: encodeReviewButton("rl", reference), label: msg("choice.release") }
          : { id: encodeReviewButton("cl", reference), label: msg("choice.claim") },
      ];
  return { card: reference, body, ...(attachments.length ? { attachments } : {}), ...(choices.length ? { choices } : {}) };
}

/**
 * What **Open** sends one reviewer privately: every answer in full and the
 * documents as stored, at full resolution (a preview is too small to judge).
 */
export function privateDetails(application: ApplicationForReview, timeZone: string): CardContent {
  const { reference } = application;
  return {
    privately: true,
    body: [
      msg("review.details", { reference }),
      ...detailLines(application, { revealIdNumbers: true }),
      ...changeLines(application, timeZone),
      ...previousValueLines(application),
    ],
    attachments: documentsOf(application.draft).map(({ step, document }) => ({
      documentId: document.id,
      label: msg(`field.${step}`),
      fileName: `${reference}-${step}.${document.format === "png" ? "png" : "jpg"}`,
    })),
  };
}

function documentsOf(draft: Draft): Array<{ step: Step; document: StoredDocument }> {
  return stepsFor(draft.method).flatMap((step) => {
    const slot = DOCUMENT_STEPS[step];
    const document = slot && draft.documents[slot];
    return document ? [{ step, document }] : [];
  });
}

/** Whether a claim still holds others off at `now` (after `until` anyone may take the application over). */
export function claimHolds(claim: ApplicationForReview["claim"], now: Date): boolean {
  return claim !== null && Date.parse(claim.until) > now.getTime();
}

/** Whole hours an application has waited since its submission. */
export function waitingHours(submittedAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(submittedAt)) / 3_600_000));
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
  const answers = stepsFor(draft.method).flatMap((step) => {
    const value = values[step];
    return value ? [msg("summary.line", { label: msg(`field.${step}`), value })] : [];
  });
  return [...answers, ...photoCheckLines(application)];
}

/**
 * What reading the photos found, for reviewers: whether the number on the photo is the typed one
 * (and whether the applicant stood by a different one), the credit code read, each photo's side.
 */
function photoCheckLines({ draft }: ApplicationForReview): Message[] {
  return [...greyscaleLines(draft), ...readLines(draft)];
}

/**
 * The applicant's earlier applications — reference, outcome, reasons, date — and how many in 30 days:
 * no number of failures takes away the right to apply again, so reviewers judge repeated attempts.
 */
function earlierApplicationLines({ earlierApplications, applicationsIn30Days }: ApplicationForReview, timeZone: string): Message[] {
  if (earlierApplications.length === 0) return [];
  const heading = applicationsIn30Days > 1 ? msg("review.card.attempts", { n: applicationsIn30Days }) : msg("review.card.earlier");
  return [
    heading,
    ...earlierApplications.map((earlier) =>
      msg("review.card.earlierLine", {
        reference: earlier.reference,
        status: msg(`status.${earlier.status}.label`),
        date: dayMessage(localDate(new Date(earlier.submittedAt), timeZone)),
        reasons:
          earlier.reasons.length > 0 ? msg("review.card.earlierReasons", { reasons: joinMessages(earlier.reasons.map(reasonLabel)) }) : "",
      }),
    ),
  ];
}

/** Black-and-white photos, accepted with advice: the card and the private view flag them (no personal data). */
function greyscaleLines(draft: Draft): Message[] {
  return documentsOf(draft).flatMap(({ step, document }) =>
    document.greyscale ? [msg("review.greyscale", { label: msg(`field.${step}`) })] : [],
  );
}

function readLines(draft: Draft): Message[] {
  const lines: Message[] = [];
  for (const slot of NUMBERED_PHOTOS[draft.method ?? "phone"]) {
    const number = msg(`review.photoNumber.${PHOTO_NUMBERS[slot].step}`);
    lines.push(msg(`review.photoCheckOf.${slot}`, { result: msg(`review.photoCheck.${numberCheck(draft, slot)}`, { number }) }));
    if (slot === "licence") continue;
    const name = nameCheck(draft, slot);
    if (name) lines.push(msg(`review.nameCheck.${slot}.${name}`));
  }
  const licence = currentRead(draft, "licence");
  if (draft.method === "enterprise" && licence?.uscc) lines.push(msg("review.usccRead", { uscc: licence.uscc }));
  for (const { step } of documentsOf(draft)) {
    const read = currentRead(draft, DOCUMENT_STEPS[step]!);
    if (read) lines.push(msg("review.sideRead", { label: msg(`field.${step}`), side: msg(`side.${read.side}`) }));
  }
  return lines;
}

/** The photos whose number (and, on ID cards, name) reviewers are told about, per method. */
const NUMBERED_PHOTOS: Record<Method, NumberedSlot[]> = {
  id_card: ["id_front"],
  phone: [],
  enterprise: ["licence", "legal_rep_front"],
};

/**
 * Toggle buttons over a list of options, the selection carried in the button ids as a bit mask (no server
 * state). `bits`: each option's bit, when only some of a longer list are offered (default: its position).
 */
export function toggleChoices(verb: "no" | "in", reference: string, labels: Message[], mask: number, bits?: number[]): Choice[] {
  return labels.map((label, index) => {
    const bit = bits?.[index] ?? index;
    return {
      id: encodeReviewButton(verb, reference, mask ^ (1 << bit)),
      label: msg(mask & (1 << bit) ? "review.selected" : "review.unselected", { label }),
    };
  });
}

export function selected<T>(options: readonly T[], mask: number): T[] {
  return options.filter((_, bit) => mask & (1 << bit));
}
