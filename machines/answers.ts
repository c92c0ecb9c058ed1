import { type AnswerKind, answerKindOf } from "../src/domain/answer-kind.js";
import { ANSWER_FIELDS, type Draft, type TextStep } from "../src/domain/application.js";
import { validateEmail } from "../src/domain/email.js";
import { validateIdCard } from "../src/domain/id-card.js";
import { validateCompanyName, validatePersonName } from "../src/domain/person-name.js";
import { validatePhone } from "../src/domain/phone.js";
import { compactIdentifier } from "../src/domain/text.js";
import { validateUscc } from "../src/domain/uscc.js";
import type { Validation } from "../src/domain/validation-result.js";
import { type Message, type MessageKey, msg } from "../src/i18n/message.js";

export type AnswerResult = { ok: true; draft: Draft } | { ok: false; error: Message };

interface AnswerRule {
  validate: (text: string, now: Date) => Validation<string>;
  /** Error messages are `<errors>.<code>`. */
  errors: string;
  /** What the error message may quote back: the text as typed, or its length. */
  echo?: (text: string) => Message["params"];
}

const typed = (text: string) => ({ value: text.trim() });
const length = (text: string) => ({ length: compactIdentifier(text).length });

const RULES: Record<TextStep, AnswerRule> = {
  name: { validate: validatePersonName, errors: "error.name" },
  email: { validate: validateEmail, errors: "error.email", echo: typed },
  phone: { validate: validatePhone, errors: "error.phone" },
  idNumber: { validate: validateIdCard, errors: "error.idCard", echo: length },
  companyName: { validate: validateCompanyName, errors: "error.companyName" },
  uscc: { validate: validateUscc, errors: "error.uscc", echo: length },
  legalRepName: { validate: validatePersonName, errors: "error.name" },
  legalRepId: { validate: validateIdCard, errors: "error.idCard", echo: length },
};

/** The steps whose answer has a shape of its own: its own check explains an invalid one. */
const KIND_OF_STEP: Partial<Record<TextStep, AnswerKind>> = {
  email: "email",
  phone: "phone",
  idNumber: "idNumber",
  legalRepId: "idNumber",
  uscc: "uscc",
};

/**
 * Checks a typed answer to `step` and returns the draft with it filled in,
 * or the message that tells the user what to fix.
 */
export function parseAnswer(step: TextStep, text: string, draft: Draft, now: Date): AnswerResult {
  const rule = RULES[step];
  const result = rule.validate(text, now);
  if (result.valid) return { ok: true, draft: { ...draft, [ANSWER_FIELDS[step]]: result.normalized } };
  // A valid answer to another question says more than "not a valid <this>": the user mistook the question.
  const other = answerKindOf(text, now, KIND_OF_STEP[step]);
  if (other) return { ok: false, error: msg("error.otherAnswer", { kind: msg(`answerKind.${other}`) }) };
  return { ok: false, error: msg(`${rule.errors}.${result.error}` as MessageKey, rule.echo?.(text)) };
}
