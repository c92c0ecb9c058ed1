import { compactIdentifier } from "./text.js";
import { fail, ok, type Validation } from "./validation-result.js";

/**
 * Resident identity card numbers, GB 11643-1999: 6-digit region code,
 * 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check character.
 */
export type IdCardError = "old_format" | "length" | "characters" | "region" | "birth_date" | "checksum";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = "10X98765432";
/** First two digits: provinces, municipalities, autonomous regions, Taiwan, Hong Kong, Macao. */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83,
]);

export function idCardCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export function validateIdCard(input: string, today: Date = new Date()): Validation<IdCardError> {
  const id = compactIdentifier(input);
  if (/^\d{15}$/.test(id)) return fail("old_format");
  if (id.length !== 18) return fail("length");
  if (!/^\d{17}[\dX]$/.test(id)) return fail("characters");
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return fail("region");
  if (!isPlausibleBirthDate(id.slice(6, 14), today)) return fail("birth_date");
  if (idCardCheckCharacter(id) !== id[17]) return fail("checksum");
  return ok(id);
}

function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  const isRealDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isRealDate && date.getTime() <= today.getTime();
}
