import { type Draft, type Step } from "../src/domain/application.js";
import { validateEmail } from "../src/domain/email.js";
import { validateIdCard } from "../src/domain/id-card.js";
import { validateCompanyName, validatePersonName } from "../src/domain/person-name.js";
import { validatePhone } from "../src/domain/phone.js";
import { compactIdentifier } from "../src/domain/text.js";
import { validateUscc } from "../src/domain/uscc.js";
import type { Validation } from "../src/domain/validation-result.js";
import { msg, type Message, type MessageKey } from "../src/i18n/message.js";

/** The questions answered by typing. */
export const TEXT_STEPS = [
  "name",
  "email",
  "phone",
  "idNumber",
  "companyName",
  "uscc",
  "legalRepName",
  "legalRepId",
] as const satisfies readonly Step[];
export type TextStep = (typeof TEXT_STEPS)[number];

export type AnswerResult = { ok: true; draft: Draft } | { ok: false; error: Message };

/**
 * Checks a typed answer to `step` and returns the draft with it filled in,
 * or the message that tells the user what to fix.
 */
export function parseAnswer(step: TextStep, text: string, draft: Draft, now: Date): AnswerResult {
  switch (step) {
    case "name":
      return apply(validatePersonName(text), "error.name", (name) => ({ ...draft, name }));
    case "email":
      return apply(validateEmail(text), "error.email", (email) => ({ ...draft, email }), { value: text.trim() });
    case "phone":
      return apply(validatePhone(text), "error.phone", (phone) => ({ ...draft, phone }));
    case "idNumber":
      return apply(validateIdCard(text, now), "error.idCard", (idNumber) => ({ ...draft, idNumber }), lengthOf(text));
    case "companyName":
      return apply(validateCompanyName(text), "error.companyName", (companyName) => ({ ...draft, companyName }));
    case "uscc":
      return apply(validateUscc(text), "error.uscc", (uscc) => ({ ...draft, uscc }), lengthOf(text));
    case "legalRepName":
      return apply(validatePersonName(text), "error.name", (legalRepName) => ({ ...draft, legalRepName }));
    case "legalRepId":
      return apply(
        validateIdCard(text, now),
        "error.idCard",
        (legalRepIdNumber) => ({ ...draft, legalRepIdNumber }),
        lengthOf(text),
      );
  }
}

function apply<Code extends string>(
  validation: Validation<Code>,
  errorPrefix: string,
  update: (normalized: string) => Draft,
  params?: Message["params"],
): AnswerResult {
  if (validation.valid) return { ok: true, draft: update(validation.normalized) };
  return { ok: false, error: msg(`${errorPrefix}.${validation.error}` as MessageKey, params) };
}

function lengthOf(text: string): { length: number } {
  return { length: compactIdentifier(text).length };
}
