import type { Step } from "./application.js";
import { isNonAnswer } from "./non-answer.js";
import { toSimplifiedChinese } from "./text.js";

/** Names of the legal representative: their items are told apart from the applicant's own. */
const LEGAL_REP = /legal rep|法人|法定代表人/;
const FRONT = /\bfront\b|正面|人像面/;
const BACK = /\bback (?:side|photo|picture|of)\b|背面|反面|国徽面/;
const ID_NUMBER = /\bid (?:card )?(?:number|no)\b|身份证号|证件号|\bid\b(?! card)/;
const NAME = /\bname\b|名字|姓名/;

/** The applicant's own items, the more specific first ("company name" is not the name, "ID number" not a photo). */
const OWN_ITEMS: ReadonlyArray<[Step, RegExp]> = [
  ["uscc", /credit code|信用代码|\buscc\b/],
  ["companyName", /\bcompany\b|企业名|公司名/],
  ["licence", /licen[cs]e|执照/],
  ["idFront", FRONT],
  ["idBack", BACK],
  ["idNumber", ID_NUMBER],
  ["email", /e-?mail|邮箱|邮件/],
  ["phone", /\bphone\b|\bmobile\b|手机|电话/],
  ["method", /\bmethod\b|方式/],
  ["name", NAME],
];
const LEGAL_REP_ITEMS: ReadonlyArray<[Step, RegExp]> = [
  ["legalRepFront", FRONT],
  ["legalRepBack", BACK],
  ["legalRepId", ID_NUMBER],
  ["legalRepName", /.*/],
];

/**
 * The item of the application a message names, where the user is asked which item to change ("phone",
 * "my email is wrong", "名字写错了"): one of `offered`, or null — for a question ("what is a credit code?"),
 * which the FAQ answers, or an item not offered.
 */
export function editItemNamed(text: string, offered: readonly Step[]): Step | null {
  if ([...text].length > 80 || isNonAnswer(text)) return null;
  const normalized = toSimplifiedChinese(text.normalize("NFKC")).toLowerCase();
  const items = LEGAL_REP.test(normalized) ? LEGAL_REP_ITEMS : OWN_ITEMS;
  const named = items.find(([, pattern]) => pattern.test(normalized))?.[0];
  return named !== undefined && offered.includes(named) ? named : null;
}
