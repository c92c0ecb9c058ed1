import { validateEmail } from "../../domain/email.js";
import { validateIdCard } from "../../domain/id-card.js";
import { validatePhone } from "../../domain/phone.js";
import { validateUscc } from "../../domain/uscc.js";
import type { Validation } from "../../domain/validation-result.js";
import { type CliCommand, expectArgs, print, UsageError } from "./cli-command.js";

const VALIDATORS: Record<string, (value: string) => Validation<string>> = {
  "id-card": (value) => validateIdCard(value),
  uscc: validateUscc,
  phone: validatePhone,
  email: validateEmail,
};

/** `validate <id-card|uscc|phone|email> <value> [--json]`: checks one value the way the conversation does. */
export const validate: CliCommand = ({ rest, json }) => {
  expectArgs(rest, 2);
  const [kind, value] = rest as [string, string];
  const validator = VALIDATORS[kind];
  if (!validator) throw new UsageError(`validate takes one of ${Object.keys(VALIDATORS).join(", ")}`);
  const result = validator(value);
  const output = result.valid ? { valid: true, normalized: result.normalized } : { valid: false, error: result.error };
  print(json ? JSON.stringify(output) : result.valid ? `valid: ${result.normalized}` : `invalid: ${result.error}`);
  return result.valid ? 0 : 1;
};
