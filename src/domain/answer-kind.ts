import { validateEmail } from "./email.js";
import { validateIdCard } from "./id-card.js";
import { validatePhone } from "./phone.js";
import { validateUscc } from "./uscc.js";

/** The answers with a shape of their own: recognised wherever they are typed. */
export type AnswerKind = "email" | "idNumber" | "uscc" | "phone";

/** Checked in this order: an ID number before a credit code (a few could pass for both). */
const KINDS: ReadonlyArray<[AnswerKind, (text: string, now: Date) => { valid: boolean }]> = [
  ["email", validateEmail],
  ["idNumber", validateIdCard],
  ["uscc", validateUscc],
  ["phone", validatePhone],
];

/**
 * What a typed text is a valid answer to, if it is one of these (an ID number typed at the name, a phone
 * number in the menu); `except`: the kind the question itself asks for, which its own check explains.
 */
export function answerKindOf(text: string, now: Date, except?: AnswerKind): AnswerKind | null {
  return KINDS.find(([kind, validate]) => kind !== except && validate(text, now).valid)?.[0] ?? null;
}
