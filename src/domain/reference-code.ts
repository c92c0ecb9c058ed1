import { randomInt } from "node:crypto";

/**
 * Reference codes users read out to support or type into a search box: eight
 * symbols from an alphabet without look-alikes (no 0/O, 1/I/L, U), grouped
 * "K7M3-9QXD". 30^8 ≈ 6.6e11 codes; the store's unique index settles the rare clash.
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newReferenceCode(pick: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += ALPHABET[pick(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Accepts what users type: lower case, spaces, missing dash, full-width. */
export function normalizeReferenceCode(text: string): string | null {
  const compact = text.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase();
  if (!new RegExp(`^[${ALPHABET}]{8}$`).test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
