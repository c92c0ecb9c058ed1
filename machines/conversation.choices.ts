import type { DocumentSlot, Method, Step } from "../src/domain/application.js";
import type { Choice } from "../src/domain/choice.js";
import type { FaqTopic } from "../src/domain/faq-topics.js";
import type { NumberedSlot } from "../src/domain/read-findings.js";
import { type Message, type MessageKey, msg } from "../src/i18n/message.js";

/**
 * Every button a user can press in the conversation. Prompts build buttons
 * from these ids only, and the machine's events are `choice.<id>`, so a
 * button without a transition, or a transition for a button that does not
 * exist, is a compile error (XState checks the `on` keys against the events).
 */
export type ChoiceId =
  | "start"
  | "status"
  | "faq"
  | `faq.${FaqTopic}`
  /** The second page of "All topics". */
  | "topics.more"
  /** 👍 / 👎 under a FAQ answer. */
  | `helpful.${FaqTopic}.${"yes" | "no"}`
  | "support"
  /** Asked what the team should know: send the request without a message, or not at all. */
  | "support.send"
  | "support.cancel"
  | `method.${Method}`
  | "submit"
  | "edit"
  | `edit.${Step}`
  | "editDone"
  | "consent.agree"
  | "consent.back"
  | "code.resend"
  | "code.changePhone"
  | "update.email"
  | "update.phone"
  | "notify.resend"
  | "resubmit"
  | "reverify"
  | "provideInfo"
  | "withdraw"
  | "withdraw.confirm"
  | "withdraw.cancel"
  | "privacy"
  | "privacy.export"
  | "privacy.erase"
  | "privacy.erase.confirm"
  | "privacy.erase.cancel"
  | "privacy.proof.resend"
  | "privacy.proof.cancel"
  /** A step already answered, reached again (/back, "Change something"): keep the answer or photo and go on. */
  | "keep"
  | "restart.confirm"
  | "restart.cancel"
  /** After a photo's read disagreed with the answers: retype the number, send another photo, or stand by the typed one. */
  | `photo.fix.${NumberedSlot}`
  | `photo.retake.${DocumentSlot}`
  | `photo.keep.${DocumentSlot}`;

export type ConversationChoice = Choice<ChoiceId>;

/** A conversation button: its id and the label's message key. */
export function choice(id: ChoiceId, key: MessageKey): ConversationChoice {
  return { id, label: msg(key) };
}

/**
 * Words that press a button when typed as the whole message where it is offered, besides its label in
 * either language: what people type for it.
 */
/** Where results go can be changed as soon as an application is submitted: the two buttons that do it. */
export const CONTACT_CHOICES: readonly ConversationChoice[] = [
  choice("update.email", "choice.updateEmail"),
  choice("update.phone", "choice.updatePhone"),
];

export const TYPED_ALSO: Partial<Record<ChoiceId, readonly Message[]>> = {
  // Labelled "New application" beside "Resubmit": the menu's usual label still starts one.
  start: [msg("choice.start")],
  // "Send a new one to replace it, or keep it": "OK" or "keep it" typed under it keeps it.
  keep: [msg("typed.ok"), msg("typed.okShort"), msg("typed.keepIt")],
  // A method named as people say it ("id card", "身份证", "company"), not only as its button reads.
  "method.id_card": [msg("typed.idCard"), msg("typed.idCardMethod")],
  "method.phone": [msg("typed.sms"), msg("typed.phoneMethod")],
  "method.enterprise": [msg("typed.company"), msg("typed.enterpriseMethod")],
  // "Withdraw application?" and "Start over?" answered in words (erasing everything takes the button).
  "withdraw.confirm": [msg("typed.yes"), msg("typed.yesSure"), msg("typed.confirm")],
  "withdraw.cancel": [msg("typed.no"), msg("typed.cancel")],
  "restart.confirm": [msg("typed.yes"), msg("typed.yesSure"), msg("typed.confirm")],
  "restart.cancel": [msg("typed.no"), msg("typed.cancel")],
  // The summary says "By submitting, you agree…": "提交", "Submit" or "I agree" typed under it is that submission.
  "consent.agree": (["choice.submit", "typed.agree", "typed.agreeShort", "typed.confirm", "typed.confirmSubmit"] as const).map((key) =>
    msg(key),
  ),
};
