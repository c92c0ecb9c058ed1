import type { PhotoRead } from "./document-read.js";

/**
 * The application a user builds in chat and submits for review. Only plain
 * data here: what the conversation collects, in which order, and what counts
 * as complete. The store persists it; the conversation machine fills it in.
 */

export const APPLICATION_STATUSES = ["draft", "submitted", "needs_more_info", "approved", "rejected", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** The statuses of an application once submitted (the lifecycle machine moves between them). */
export type LifecycleStatus = Exclude<ApplicationStatus, "draft">;

export const METHODS = ["id_card", "phone", "enterprise"] as const;
export type Method = (typeof METHODS)[number];

/** The enterprise's legal representative's ID card sides come last: stored selections of slots keep their meaning. */
export const DOCUMENT_SLOTS = ["id_front", "id_back", "licence", "legal_rep_front", "legal_rep_back"] as const;
export type DocumentSlot = (typeof DOCUMENT_SLOTS)[number];

export type DocumentFormat = "jpeg" | "png";

/** A document photo as kept: `id` is the SHA-256 of the stored (re-encoded) bytes, its content address. */
export interface StoredDocument {
  id: string;
  /** Content address of the small JPEG shown to reviewers. */
  previewId: string;
  format: DocumentFormat;
  bytes: number;
  width: number | null;
  height: number | null;
  /** Black-and-white or greyscale (a photocopy): accepted, with advice to send a colour photo; reviewers see it flagged. */
  greyscale?: true;
  /** The user chose to keep the greyscale photo rather than send a colour one. */
  keptInGreyscale?: true;
}

export interface Draft {
  name?: string;
  email?: string;
  phone?: string;
  /** The phone number proven by a one-time code (or a platform contact share). */
  phoneVerified?: string;
  method?: Method;
  idNumber?: string;
  companyName?: string;
  uscc?: string;
  legalRepName?: string;
  legalRepIdNumber?: string;
  documents: Partial<Record<DocumentSlot, StoredDocument>>;
  /**
   * What was read on each photo (OCR), kept with the answers — sealed at rest, unlike the
   * documents' content addresses — and valid only while its `documentId` is the slot's photo.
   */
  photoReads?: Partial<Record<DocumentSlot, PhotoRead>>;
}

export const EMPTY_DRAFT: Draft = { documents: {} };

/** Every question the conversation can ask, in the order it asks them. */
export const STEPS = [
  "name",
  "email",
  "phone",
  "method",
  "idNumber",
  "idFront",
  "idBack",
  "phoneCode",
  "companyName",
  "uscc",
  "licence",
  "legalRepName",
  "legalRepId",
  "legalRepFront",
  "legalRepBack",
] as const;
export type Step = (typeof STEPS)[number];

const REGISTRATION_STEPS: Step[] = ["name", "email", "phone", "method"];
const METHOD_STEPS: Record<Method, Step[]> = {
  id_card: ["idNumber", "idFront", "idBack"],
  phone: ["phoneCode"],
  // The seeds: enterprises give their registration details "和法人身份证明" — the representative's ID card, both sides.
  enterprise: ["companyName", "uscc", "licence", "legalRepName", "legalRepId", "legalRepFront", "legalRepBack"],
};

export const DOCUMENT_STEPS: Partial<Record<Step, DocumentSlot>> = {
  idFront: "id_front",
  idBack: "id_back",
  licence: "licence",
  legalRepFront: "legal_rep_front",
  legalRepBack: "legal_rep_back",
};

export function stepsFor(method: Method | undefined): Step[] {
  return method ? [...REGISTRATION_STEPS, ...METHOD_STEPS[method]] : REGISTRATION_STEPS;
}

/** The draft field each typed answer fills. */
export const ANSWER_FIELDS = {
  name: "name",
  email: "email",
  phone: "phone",
  idNumber: "idNumber",
  companyName: "companyName",
  uscc: "uscc",
  legalRepName: "legalRepName",
  legalRepId: "legalRepIdNumber",
} as const satisfies Partial<Record<Step, keyof Draft>>;
export type TextStep = keyof typeof ANSWER_FIELDS;
export const TEXT_STEPS = Object.keys(ANSWER_FIELDS) as TextStep[];

export function isTextStep(step: Step): step is TextStep {
  return step in ANSWER_FIELDS;
}

export function isStepDone(step: Step, draft: Draft): boolean {
  if (isTextStep(step)) return draft[ANSWER_FIELDS[step]] !== undefined;
  const slot = DOCUMENT_STEPS[step];
  if (slot) return draft.documents[slot] !== undefined;
  if (step === "method") return draft.method !== undefined;
  return draft.phone !== undefined && draft.phoneVerified === draft.phone; // phoneCode
}

/** The first unanswered question for the chosen method; null when the draft is complete. */
export function nextMissingStep(draft: Draft): Step | null {
  return stepsFor(draft.method).find((step) => !isStepDone(step, draft)) ?? null;
}

/** The question before `step` in the flow, for /back; null at the first question. */
export function previousStep(step: Step, method: Method | undefined): Step | null {
  const steps = stepsFor(method);
  const index = steps.indexOf(step);
  return index > 0 ? steps[index - 1]! : null;
}

/** The fields a user may change from the summary, by method. */
export function editableSteps(method: Method | undefined): Step[] {
  return stepsFor(method).filter((step) => step !== "phoneCode");
}

/** What a new method makes irrelevant is dropped, so a summary never shows stale data. */
export function withMethod(draft: Draft, method: Method): Draft {
  if (draft.method === method) return draft;
  const { name, email, phone, phoneVerified } = draft;
  return { name, email, phone, phoneVerified, method, documents: {} };
}

/** The number each document shows, which its read (OCR) compares with the typed answer. */
const NUMBER_ON_PHOTO: Partial<Record<Step, Step>> = { idFront: "idNumber", licence: "uscc", legalRepFront: "legalRepId" };

/**
 * What a user providing requested information may change: the requested items, and the number a
 * requested photo shows — a new photo that disagrees with the typed number must be settled by
 * fixing the number ("Fix the number"), or the request could never be answered truly.
 */
export function stepsOpenWhileProviding(requested: readonly Step[]): Step[] {
  const numbers = requested.flatMap((step) => NUMBER_ON_PHOTO[step] ?? []);
  return [...requested, ...numbers.filter((step) => !requested.includes(step))];
}

/** The draft without the answers to `steps`, so the conversation asks exactly those again. */
export function clearSteps(draft: Draft, steps: readonly Step[]): Draft {
  const cleared: Draft = { ...draft, documents: { ...draft.documents } };
  for (const step of steps) {
    if (isTextStep(step)) delete cleared[ANSWER_FIELDS[step]];
    const slot = DOCUMENT_STEPS[step];
    if (slot) delete cleared.documents[slot];
  }
  return cleared;
}

/**
 * `base` with the answers and documents of `steps` taken from `source`, and
 * nothing else: information provided on request changes only what was requested.
 */
export function withStepsFrom(base: Draft, source: Draft, steps: readonly Step[]): Draft {
  const merged: Draft = { ...base, documents: { ...base.documents } };
  const copy = <K extends keyof Draft>(field: K) => {
    if (source[field] === undefined) delete merged[field];
    else merged[field] = source[field];
  };
  for (const step of steps) {
    if (isTextStep(step)) copy(ANSWER_FIELDS[step]);
    if (step === "phone" || step === "phoneCode") copy("phoneVerified");
    const slot = DOCUMENT_STEPS[step];
    if (slot) {
      const document = source.documents[slot];
      if (document) merged.documents[slot] = document;
      else delete merged.documents[slot];
    }
  }
  return merged;
}

/** The names of the answers and documents that differ between two drafts (for revisions: names, never values). */
export function changedFields(before: Draft, after: Draft): string[] {
  const { documents: beforeDocuments, ...beforeAnswers } = before;
  const { documents: afterDocuments, ...afterAnswers } = after;
  const differ = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
  return [...differ(beforeAnswers, afterAnswers), ...differ(beforeDocuments, afterDocuments).map((slot) => `documents.${slot}`)].sort();
}

/** What a change of an enterprise's legal representative asks again (the licence shows the representative). */
export const LEGAL_REPRESENTATIVE_STEPS: readonly Step[] = ["licence", "legalRepName", "legalRepId", "legalRepFront", "legalRepBack"];
