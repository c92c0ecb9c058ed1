import type { RejectionReason } from "../domain/rejection-reasons.js";
import { type Message, msg } from "../i18n/message.js";

/** A reason as reviewers pick and read it: a short label (a button holds ~20 characters on a phone); users read the sentence. */
export const reasonLabel = (code: RejectionReason): Message => msg(`reason.${code}.short`);
