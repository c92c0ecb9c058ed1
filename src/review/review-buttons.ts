/**
 * The review-button protocol, in one place. Every reviewer button and review
 * form id is `rv.<verb>[.<reference>[.<mask>]]`: the id carries everything a
 * step needs (the selection of reasons or items is a bit mask), so choosing
 * needs no server state. The card's own buttons carry no mask; the pickers'
 * always do, which is how a press tells "replace this picker" from "open one".
 *
 * Telegram allows at most 64 bytes of callback data: the longest id here,
 * `rv.nx.K7M3-9QXD.1048575`, is 23 bytes (the Telegram renderer throws on any
 * id over 64, so a longer one would be caught by its tests).
 */
export type ReviewVerb =
  /** approve */
  | "ok"
  /** reject: open the reasons picker (or form), toggle a reason */
  | "no"
  /** reasons chosen: ask for the note */
  | "nx"
  /** reject without a note */
  | "nn"
  /** cancel the pending rejection */
  | "cx"
  /** request information: open the items picker (or form), toggle an item */
  | "in"
  /** items chosen: send the request */
  | "ig"
  /** show the details in the room (ID numbers revealed, audited; `REVIEW_ROOM_DETAILS=room`) */
  | "sd"
  /** open: the details and full-resolution documents sent to the reviewer privately (audited) */
  | "op"
  /** the reject form submitted */
  | "nf"
  /** the request-information form submitted */
  | "if"
  /** claim: "I'm on it" — others' decisions are refused for the claim's lease */
  | "cl"
  /** release one's claim */
  | "rl"
  /** take next: claim the oldest waiting application nobody holds (from /queue) */
  | "tn"
  /** after a rejection for false information: also disable the applicant's account (asks to confirm) */
  | "dx"
  /** the account's disabling confirmed */
  | "dy";

export interface ReviewButton {
  /** Null for a verb this version does not know (a stale or forged button). */
  verb: ReviewVerb | null;
  reference: string;
  /** The picker's selection; null on the card's own buttons. */
  mask: number | null;
}

const PREFIX = "rv.";
const VERBS: ReadonlySet<string> = new Set<ReviewVerb>([
  "ok",
  "no",
  "nx",
  "nn",
  "cx",
  "in",
  "ig",
  "sd",
  "op",
  "nf",
  "if",
  "cl",
  "rl",
  "tn",
  "dx",
  "dy",
]);

/** Slack routes view submissions by a pattern: every review form id matches it. */
export const REVIEW_ID_PATTERN = /^rv\./;

export function encodeReviewButton(verb: ReviewVerb, reference?: string, mask?: number): string {
  return [PREFIX + verb, ...(reference === undefined ? [] : [reference]), ...(mask === undefined ? [] : [String(mask)])].join(".");
}

/** A reviewer's button or form id (approve, reject, reasons…), as opposed to a user's. */
export function isReviewButton(id: string): boolean {
  return id.startsWith(PREFIX);
}

/** The verb, reference and mask of a review id; null for an id that is not a review id at all. */
export function decodeReviewButton(id: string): ReviewButton | null {
  if (!isReviewButton(id)) return null;
  const [, verb = "", reference = "", maskText] = id.split(".");
  return { verb: VERBS.has(verb) ? (verb as ReviewVerb) : null, reference, mask: maskText === undefined ? null : Number(maskText) || 0 };
}
