import validator from "validator";
import { foldWidth } from "./text.js";
import { fail, ok, type Validation } from "./validation-result.js";

export type EmailError = "format";

/** "My email is …", "邮箱是…", "email: …", "mailto:…": the address is what follows. */
const EMAIL_INTRO =
  /^(?:(?:my )?e-?mail(?: address)? is\s+|(?:my )?e-?mail(?: address)?\s*:\s*|mailto:\s*|(?:我的)?邮箱(?:地址)?(?:是|为|:)\s*)/;

/**
 * Addresses are compared and stored lower-cased: mail providers treat them case-insensitively in practice.
 * As typed in a chat it may come in a sentence or brackets ("my email is a@b.com.", "<a@b.com>"): what
 * surrounds it is not part of it.
 */
export function validateEmail(input: string): Validation<EmailError> {
  const email = foldWidth(input)
    .trim()
    .replace(/。/g, ".")
    .toLowerCase()
    .replace(EMAIL_INTRO, "")
    .replace(/^<(.*)>$/, "$1")
    .replace(/[.,;!?]+$/, "");
  if (!validator.isEmail(email, { allow_utf8_local_part: false, require_tld: true })) return fail("format");
  return ok(email);
}
