import { foldWidth } from "./text.js";
import { fail, ok, type Validation } from "./validation-result.js";

/**
 * A full name as printed on an identity document: letters in any script,
 * with the separators real names use (space, middle dot of transliterated
 * names such as 阿依古丽·买买提, hyphen, apostrophe, period).
 */
export type NameError = "too_short" | "too_long" | "characters";

const MAX_NAME_LENGTH = 60;

export function validatePersonName(input: string): Validation<NameError> {
  const name = foldWidth(input).trim().replace(/\s+/g, " ").replace(/[•・]/g, "·");
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  if (!/^[\p{L}\p{M}][\p{L}\p{M} ·'’.-]*$/u.test(name)) return fail("characters");
  if (letters < 2) return fail("too_short");
  if ([...name].length > MAX_NAME_LENGTH) return fail("too_long");
  return ok(name);
}

/** Company names keep digits and brackets: "北京某某科技有限公司（分公司）", "3M China Ltd.". */
export type CompanyNameError = "too_short" | "too_long";

export function validateCompanyName(input: string): Validation<CompanyNameError> {
  const name = foldWidth(input).trim().replace(/\s+/g, " ");
  if ((name.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2) return fail("too_short");
  if ([...name].length > 100) return fail("too_long");
  return ok(name);
}
