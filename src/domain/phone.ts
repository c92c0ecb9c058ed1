import { parsePhoneNumberFromString, validatePhoneNumberLength } from "libphonenumber-js/max";
import { foldWidth } from "./text.js";
import { fail, ok, type Validation } from "./validation-result.js";

/**
 * Mobile phone numbers, normalised to E.164. Numbers without a country code
 * are read as Chinese (+86); valid foreign numbers are accepted. A number the
 * metadata knows to be a landline is refused because it cannot receive SMS.
 */
export type PhoneError = "too_short" | "too_long" | "invalid" | "not_mobile";

const DEFAULT_REGION = "CN";

export function validatePhone(input: string): Validation<PhoneError> {
  const text = foldWidth(input).trim().replace(/^00/, "+");
  const parsed = parsePhoneNumberFromString(text, DEFAULT_REGION);
  if (!parsed || !parsed.isValid()) {
    const length = validatePhoneNumberLength(text, DEFAULT_REGION);
    if (length === "TOO_SHORT") return fail("too_short");
    if (length === "TOO_LONG") return fail("too_long");
    return fail("invalid");
  }
  if (parsed.getType() === "FIXED_LINE") return fail("not_mobile");
  return ok(parsed.number);
}

/** "+8613812348000" → "+86 138 1234 8000", for showing a number back to its owner. */
export function formatPhoneForDisplay(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
