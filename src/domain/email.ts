import validator from "validator";
import { foldWidth } from "./text.js";
import { fail, ok, type Validation } from "./validation-result.js";

export type EmailError = "format";

/** Addresses are compared and stored lower-cased: mail providers treat them case-insensitively in practice. */
export function validateEmail(input: string): Validation<EmailError> {
  const email = foldWidth(input).trim().replace(/。/g, ".").toLowerCase();
  if (!validator.isEmail(email, { allow_utf8_local_part: false, require_tld: true })) return fail("format");
  return ok(email);
}
