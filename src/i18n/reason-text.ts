import type { Method } from "../domain/application.js";
import type { RejectionReason } from "../domain/rejection-reasons.js";
import { type Message, msg } from "./message.js";

/** A phone application has no document: its details can't "not match the document" — they don't match the number's records. */
const inPhoneTerms = (reason: RejectionReason, method: Method | undefined) => reason === "details_mismatch" && method === "phone";

/** A rejection reason as the applicant reads it, in the terms of their application's method. */
export function reasonSentence(reason: RejectionReason, method: Method | undefined): Message {
  return inPhoneTerms(reason, method) ? msg("reason.details_mismatch.phone") : msg(`reason.${reason}`);
}

/** The reason and what to do about it, as a decision and "why was I rejected?" list them. */
export function reasonWithAdvice(reason: RejectionReason, method: Method | undefined): Message {
  const advice = inPhoneTerms(reason, method) ? msg("reason.details_mismatch.phone.advice") : msg(`reason.${reason}.advice`);
  return msg("decision.reason", { reason: reasonSentence(reason, method), advice });
}
