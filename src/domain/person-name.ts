import { readsAsSentence, readsAsStatement } from "./not-a-name.js";
import { foldWidth } from "./text.js";
import { fail, ok, type Validation } from "./validation-result.js";

/**
 * A full name as printed on an identity document. Two shapes:
 * - Chinese: 2–6 Han characters (张三, 欧阳娜娜, 陳大文), or a longer name in parts joined by `·`
 *   as minority names are printed (阿依古丽·买买提), up to 20 characters;
 * - any other script: 2–60 letters with spaces, hyphens, apostrophes and periods, at most 5
 *   words (Zhang San, Mary-Jane O'Connor), not counting particles such as "van" or "de".
 * Neither has digits or a question mark, and neither is a sentence ("I don't know", "不知道写什么",
 * "test"): what reads like one is refused, so it is never stored as a name. "My name is …" and
 * "我叫…" are taken for the name that follows.
 */
export type NameError = "too_short" | "too_long" | "characters" | "han_length" | "too_many_words" | "sentence";

const MAX_NAME_LENGTH = 60;
const MAX_HAN_NAME = 6;
const MAX_HAN_PARTS_NAME = 20;
const MAX_WORDS = 5;

const HAN = /\p{Script=Han}/u;
const LATIN_LIKE = /[\p{L}\p{M}]/u;
/** "My name is Zhang San", "我叫张三": the name is what follows. */
const NAME_INTRO =
  /^(?:(?:my (?:full )?name is|name\s*:|i am|i'm)\s+|(?:我叫|我的名字是|我的名字叫|我的姓名是|名字是|姓名是|姓名[:：]|我是)\s*)/iu;
/** Particles inside Latin names, not counted as words: "Maria de los Angeles Garcia". */
const PARTICLES = new Set([
  "de",
  "del",
  "la",
  "las",
  "los",
  "van",
  "der",
  "den",
  "von",
  "da",
  "di",
  "do",
  "dos",
  "das",
  "du",
  "le",
  "bin",
  "binti",
  "al",
  "el",
  "y",
]);

export function validatePersonName(input: string): Validation<NameError> {
  const name = normalizePersonName(input);
  if (/[?？\p{N}]/u.test(name)) return fail("characters");
  if (!/^[\p{L}\p{M}][\p{L}\p{M} ·'’.-]*$/u.test(name)) return fail("characters");
  return HAN.test(name) ? checkHanName(name) : checkOtherName(name);
}

function normalizePersonName(input: string): string {
  const name = foldWidth(input)
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[•・‧∙]/g, "·")
    .replace(NAME_INTRO, "")
    .replace(/[。.!！]+$/u, "")
    .trim();
  // Between Han characters a space is a typing habit (张 三) and a period stands for the middle dot.
  return name.replace(/(?<=\p{Script=Han})\s*[.·]\s*(?=\p{Script=Han})/gu, "·").replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, "");
}

function checkHanName(name: string): Validation<NameError> {
  const characters = [...name];
  // A Chinese name is written in Han characters only (and · between parts): "张San" is neither shape.
  if (characters.some((character) => character !== "·" && !HAN.test(character))) return fail("characters");
  if (readsAsSentence(name)) return fail("sentence");
  const han = characters.filter((character) => character !== "·").length;
  if (han < 2) return fail("too_short");
  if (!name.includes("·")) return han <= MAX_HAN_NAME ? ok(name) : fail("han_length");
  if (name.startsWith("·") || name.endsWith("·") || name.includes("··")) return fail("characters");
  return characters.length <= MAX_HAN_PARTS_NAME ? ok(name) : fail("han_length");
}

function checkOtherName(name: string): Validation<NameError> {
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2) return fail("too_short");
  if ([...name].length > MAX_NAME_LENGTH) return fail("too_long");
  if (!LATIN_LIKE.test(name) || readsAsSentence(name)) return fail("sentence");
  const words = name.split(" ").filter((word) => !PARTICLES.has(word.toLowerCase()));
  if (words.length > MAX_WORDS) return fail("too_many_words");
  return ok(name);
}

/**
 * A company name as registered: 2–100 characters, digits and brackets allowed ("3M China Ltd.",
 * "北京某某科技有限公司（分公司）"), no question mark, and not a sentence unless it ends like a company.
 */
export type CompanyNameError = "too_short" | "too_long" | "characters" | "sentence";

/** How registered names end: with one of these, words such as "我" or "Next" are part of the name (我爱我家房地产经纪有限公司). */
const COMPANY_FORM =
  /(?:公司|集团|企业|工作室|事务所|合作社|中心|研究院|研究所|商行|商店|经营部|门市部|厂|店|馆|院|所|社|协会|基金会|\b(?:ltd|limited|inc|incorporated|corp|corporation|co|llc|llp|gmbh|plc|ag|sa|group|company|studio|partners)\b)[.)）]*$/iu;

export function validateCompanyName(input: string): Validation<CompanyNameError> {
  const name = foldWidth(input).trim().replace(/\s+/g, " ");
  if ((name.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2) return fail("too_short");
  if ([...name].length > 100) return fail("too_long");
  if (/[?？]/.test(name)) return fail("characters");
  if (COMPANY_FORM.test(name) ? readsAsStatement(name) : readsAsSentence(name)) return fail("sentence");
  return ok(name);
}
