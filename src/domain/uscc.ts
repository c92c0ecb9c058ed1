import { compactIdentifier } from "./text.js";
import { fail, ok, type Validation } from "./validation-result.js";

/**
 * Unified social credit codes, GB 32100-2015: 18 characters from a 31-symbol
 * alphabet (no I, O, S, V, Z), the last one a MOD 31 check character.
 */
export type UsccError = "length" | "characters" | "checksum";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = new RegExp(`^[${ALPHABET}]{18}$`);

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function validateUscc(input: string): Validation<UsccError> {
  const code = compactIdentifier(input);
  if (code.length !== 18) return fail("length");
  if (!SHAPE.test(code)) return fail("characters");
  if (usccCheckCharacter(code) !== code[17]) return fail("checksum");
  return ok(code);
}

export const USCC_ALPHABET = ALPHABET;
