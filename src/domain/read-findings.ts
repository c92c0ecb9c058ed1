import { DOCUMENT_SLOTS, type DocumentSlot, type Draft } from "./application.js";
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
const OTHER_SIDE: Partial<Record<DocumentSlot, DocumentSide>> = { id_front: "emblem", id_back: "portrait" };

/** The typed answer a slot's read number is compared with (a read keeps it under the same name). */
const COMPARED_FIELD = { id_front: "idNumber", id_back: null, licence: "uscc" } as const satisfies Record<
  DocumentSlot,
  "idNumber" | "uscc" | null
>;

export type ReadFinding =
  /** A black-and-white or greyscale photo (a photocopy), not yet kept by the user: accepted, with advice. */
  | { kind: "greyscale"; slot: DocumentSlot }
  /** A side of the card the slot does not ask for (the emblem side for the portrait side, or the reverse). */
  | { kind: "wrong_side"; slot: DocumentSlot }
  /** The number on the photo is not the typed one: `positions` are the 1-based places that differ. */
  | { kind: "number_differs"; slot: DocumentSlot; field: "idNumber" | "uscc"; photo: string; typed: string; positions: number[] };

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
  const field = COMPARED_FIELD[slot];
  if (!field || read.typedConfirmed) return null;
  const photo = read[field];
  const typed = draft[field];
  if (!photo || !typed || photo === typed) return null;
  return { kind: "number_differs", slot, field, photo, typed, positions: differingPositions(photo, typed) };
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

export function numberCheck(draft: Draft, slot: "id_front" | "licence"): NumberCheck {
  const read = currentRead(draft, slot);
  if (!read) return "not_read";
  const field = COMPARED_FIELD[slot];
  const photo = read[field];
  if (!photo) return "unreadable";
  if (photo === draft[field]) return "matches";
  return read.typedConfirmed ? "differs_confirmed" : "differs";
}

/**
 * Names are advisory, for reviewers only (the reader misreads look-alike characters with
 * confidence: see docs/documents.md): compared only when both are in Chinese characters and the
 * photo's was read surely; null otherwise.
 */
export function nameCheck(draft: Draft): "matches" | "differs" | null {
  const read = currentRead(draft, "id_front");
  const typed = draft.name?.replace(/\s+/g, "");
  if (!read?.name || !typed || !/^\p{Script=Han}+$/u.test(typed)) return null;
  return read.name === typed ? "matches" : "differs";
}
