import { parsePhoneNumberFromString, validatePhoneNumberLength } from "libphonenumber-js/max";
import { foldWidth } from "./text.js";
import { fail, ok, type Validation } from "./validation-result.js";

/**
 * Mobile phone numbers, normalised to E.164. Numbers without a country code
 * are read as Chinese (+86); valid foreign numbers are accepted. A number the
 * metadata knows to be a landline is refused because it cannot receive SMS.
 */
export type PhoneError = "too_short" | "too_long" | "invalid" | "not_mobile" | "not_mobile_read_as_chinese";

const DEFAULT_REGION = "CN";

export function validatePhone(input: string): Validation<PhoneError> {
  const text = foldWidth(input).trim().replace(/^00/, "+");
  const parsed = parsePhoneNumberFromString(text, DEFAULT_REGION);
  if (!parsed?.isValid()) {
    // Chinese mobile numbers are 11 digits starting with 1; the generic length check allows landline lengths.
    if (parsed?.countryCallingCode === "86" && /^1\d*$/.test(parsed.nationalNumber)) {
      if (parsed.nationalNumber.length < 11) return fail("too_short");
      if (parsed.nationalNumber.length > 11) return fail("too_long");
    }
    const length = validatePhoneNumberLength(text, DEFAULT_REGION);
    if (length === "TOO_SHORT") return fail("too_short");
    if (length === "TOO_LONG") return fail("too_long");
    return fail("invalid");
  }
  // Typed without a country code it was read as Chinese: it may be another country's mobile (a US number without +1).
  if (parsed.getType() === "FIXED_LINE") return fail(text.startsWith("+") ? "not_mobile" : "not_mobile_read_as_chinese");
  return ok(parsed.number);
}

/** "+8613812348000" → "+86 138****8000": country code, first 3 and last 4 digits of the national number. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return "****";
  const national = parsed.nationalNumber;
  if (national.length <= 7) return `+${parsed.countryCallingCode} ${"*".repeat(national.length)}`;
  return `+${parsed.countryCallingCode} ${national.slice(0, 3)}${"*".repeat(national.length - 7)}${national.slice(-4)}`;
}

/** "+8613812348000" → "+86 138 1234 8000", for showing a number back to its owner. */
export function formatPhoneForDisplay(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
