import { ANSWER_FIELDS, DOCUMENT_SLOTS, type DocumentSlot, type Draft } from "./application.js";
import type { DocumentSide, PhotoRead } from "./document-read.js";

/**
 * What a photo's read means next to the answers the user typed. Reading only
 * ever advises: a difference is told to the user and shown to reviewers,
 * never a reason to refuse the photo.
 */

/**
 * The other side of the ID card, read on a photo sent for this side. Only the card's two sides are
 * told apart this surely; anything else (a licence read as "unknown") is left to the quality
 * checks and the reviewers.
 */
const OTHER_SIDE: Partial<Record<DocumentSlot, DocumentSide>> = {
  id_front: "emblem",
  id_back: "portrait",
  legal_rep_front: "emblem",
  legal_rep_back: "portrait",
};

/**
 * The photos that show a number the user also types: the read's field, and the step whose answer
 * it is compared with (the legal representative's card shows their ID number, typed at `legalRepId`).
 */
export const PHOTO_NUMBERS = {
  id_front: { read: "idNumber", step: "idNumber" },
  licence: { read: "uscc", step: "uscc" },
  legal_rep_front: { read: "idNumber", step: "legalRepId" },
} as const satisfies Partial<Record<DocumentSlot, { read: "idNumber" | "uscc"; step: NumberStep }>>;
export type NumberedSlot = keyof typeof PHOTO_NUMBERS;
/** The typed answers a photo's number is compared with. */
export type NumberStep = "idNumber" | "uscc" | "legalRepId";

/** The photo whose number a typed answer is compared with. */
export const SLOT_OF_NUMBER: Record<NumberStep, NumberedSlot> = { idNumber: "id_front", uscc: "licence", legalRepId: "legal_rep_front" };

export function isNumberStep(step: string): step is NumberStep {
  return step in SLOT_OF_NUMBER;
}

function hasNumber(slot: DocumentSlot): slot is NumberedSlot {
  return slot in PHOTO_NUMBERS;
}

export type ReadFinding =
  /** A black-and-white or greyscale photo (a photocopy), not yet kept by the user: accepted, with advice. */
  | { kind: "greyscale"; slot: DocumentSlot }
  /** A side of the card the slot does not ask for (the emblem side for the portrait side, or the reverse). */
  | { kind: "wrong_side"; slot: DocumentSlot }
  /** The number on the photo is not the typed one: `positions` are the 1-based places that differ. */
  | { kind: "number_differs"; slot: NumberedSlot; field: NumberStep; photo: string; typed: string; positions: number[] };

/** The photos in the draft with no read of their own (content addresses). */
export function unreadDocuments(draft: Draft): string[] {
  return DOCUMENT_SLOTS.flatMap((slot) => {
    const document = draft.documents[slot];
    return document && !currentRead(draft, slot) ? [document.id] : [];
  });
}

/** The read kept for the photo now in `slot`, if it belongs to that photo. */
export function currentRead(draft: Draft, slot: DocumentSlot): PhotoRead | null {
  const read = draft.photoReads?.[slot];
  const document = draft.documents[slot];
  return read && document && read.documentId === document.id ? read : null;
}

/**
 * What the user should hear about the photo in `slot` before going on: that it is black-and-white
 * (until they keep it or send another), then what its read disagrees with.
 */
export function photoFinding(draft: Draft, slot: DocumentSlot): ReadFinding | null {
  const document = draft.documents[slot];
  if (document?.greyscale && !document.keptInGreyscale) return { kind: "greyscale", slot };
  return readFinding(draft, slot);
}

/**
 * What the user should hear about the photo's read in `slot`: nothing when it was not read, or when it
 * agrees with the answers (or the user already confirmed their typed number).
 */
export function readFinding(draft: Draft, slot: DocumentSlot): ReadFinding | null {
  const read = currentRead(draft, slot);
  if (!read) return null;
  if (read.side === OTHER_SIDE[slot]) return read.typedConfirmed ? null : { kind: "wrong_side", slot };
  if (!hasNumber(slot) || read.typedConfirmed) return null;
  const { read: field, step } = PHOTO_NUMBERS[slot];
  const photo = read[field];
  const typed = draft[ANSWER_FIELDS[step]];
  if (!photo || !typed || photo === typed) return null;
  return { kind: "number_differs", slot, field: step, photo, typed, positions: differingPositions(photo, typed) };
}

/** 1-based positions where two numbers differ. */
function differingPositions(a: string, b: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) positions.push(i + 1);
  return positions;
}

/**
 * The difference as its owner is told it: the last four characters of each (no more of the number
 * than a masked one shows), and how many of how many characters differ.
 */
export function differenceSummary(finding: Extract<ReadFinding, { kind: "number_differs" }>): {
  photo: string;
  typed: string;
  count: number;
  length: number;
  sameEnd: boolean;
} {
  const photo = `…${finding.photo.slice(-4)}`;
  const typed = `…${finding.typed.slice(-4)}`;
  const length = Math.max(finding.photo.length, finding.typed.length);
  return { photo, typed, count: finding.positions.length, length, sameEnd: photo === typed };
}

/** What reviewers are told of a photo's number: agrees, differs (and whether the user stood by theirs), or could not be read. */
export type NumberCheck = "matches" | "differs" | "differs_confirmed" | "unreadable" | "not_read";

export function numberCheck(draft: Draft, slot: NumberedSlot): NumberCheck {
  const read = currentRead(draft, slot);
  if (!read) return "not_read";
  const { read: field, step } = PHOTO_NUMBERS[slot];
  const photo = read[field];
  if (!photo) return "unreadable";
  if (photo === draft[ANSWER_FIELDS[step]]) return "matches";
  return read.typedConfirmed ? "differs_confirmed" : "differs";
}

/**
 * Names are advisory, for reviewers only (the reader misreads look-alike characters with
 * confidence: see docs/documents.md): compared only when both are in Chinese characters and the
 * photo's was read surely; null otherwise.
 */
export function nameCheck(draft: Draft, slot: "id_front" | "legal_rep_front" = "id_front"): "matches" | "differs" | null {
  const read = currentRead(draft, slot);
  const typed = (slot === "id_front" ? draft.name : draft.legalRepName)?.replace(/\s+/g, "");
  if (!read?.name || !typed || !/^\p{Script=Han}+$/u.test(typed)) return null;
  return read.name === typed ? "matches" : "differs";
}
