import { toSimplifiedChinese } from "../domain/text.js";
import { conceptsIn } from "./faq-lexicon.js";

/**
 * Turns a question into weighted features that survive how people type in
 * chat: full-width characters, Traditional characters, missing punctuation,
 * mixed languages and typos. Chinese is matched on character bigrams (no word
 * segmenter needed for short questions); English on word stems plus
 * character trigrams, which absorb most typos.
 */
// Includes the fragments of contractions ("what s", "can t") left once punctuation is removed.
const ENGLISH_STOPWORDS = new Set(
  "a an the i me my we our you your it its is are was were be been am do does did to of in on for with at by from and or but if so can could would should will shall may might have has had this that these those there what which who how when where why please hi hello hey just s t re ll ve m d".split(
    " ",
  ),
);
/** Characters that carry no topic on their own (particles, pronouns); they still count inside bigrams. */
const CHINESE_STOP_CHARACTERS = new Set("的了吗嘛呢吧啊呀我你他她它们是在有和就都也还要会能可这那么什怎".split(""));

/** Words every topic shares ("verify", "application", "认证", "申请"): they say little about which topic is meant. */
const GENERIC_WORDS = new Set(["verify", "verif", "application", "account", "get"]);
const GENERIC_BIGRAMS = new Set([
  "认证",
  "申请",
  "怎么",
  "什么",
  "可以",
  "如何",
  "有什",
  "么好",
  "么办",
  "一下",
  "能不",
  "不能",
  "是不",
  "不是",
  "么样",
  "为什",
  "要不",
  "还能",
  "我的",
  "我想",
]);
const GENERIC_WEIGHT = 0.3;

export type Features = Map<string, number>;

/**
 * How people shorten or misspell the domain's English words in chat ("acct", "pasport", "verfication"),
 * read as the word: a list of common misspellings, not of any set's.
 */
const CHAT_SPELLINGS = new Map(
  Object.entries({
    acct: "account",
    acount: "account",
    accout: "account",
    pasport: "passport",
    passprt: "passport",
    verfication: "verification",
    verifcation: "verification",
    verificaton: "verification",
    varification: "verification",
    verfy: "verify",
    verifiy: "verify",
    vertify: "verify",
    verfied: "verified",
    benifit: "benefit",
    benifits: "benefits",
    recieve: "receive",
    recieved: "received",
    emial: "email",
    emai: "email",
    adress: "address",
    submited: "submitted",
    sumbit: "submit",
    submision: "submission",
    aplication: "application",
    applicaton: "application",
    appliction: "application",
    rejcted: "rejected",
    rejeted: "rejected",
    foto: "photo",
    fotos: "photos",
    pic: "picture",
    pics: "pictures",
    docs: "documents",
    info: "information",
    thru: "through",
    u: "you",
    ur: "your",
    pls: "please",
    plz: "please",
    msg: "message",
    txt: "text",
    govt: "government",
  }),
);

/**
 * The domain's English words as Chinese questions mix them in ("upload 失败怎么办", "认证需要哪些 documents"):
 * read in Chinese, so the question meets the Chinese examples. A question with no Chinese is left as typed.
 */
const IN_CHINESE: Record<string, string> = {
  upload: "上传",
  uploaded: "上传",
  photo: "照片",
  photos: "照片",
  picture: "照片",
  pictures: "照片",
  review: "审核",
  verify: "认证",
  verified: "认证",
  verification: "认证",
  email: "邮箱",
  sms: "短信",
  account: "账号",
  submit: "提交",
  submitted: "提交",
  rejected: "驳回",
  approved: "通过",
  status: "状态",
  document: "材料",
  documents: "材料",
  passport: "护照",
  password: "密码",
  company: "公司",
  error: "报错",
  failed: "失败",
  support: "客服",
  information: "信息",
  update: "更新",
  delete: "删除",
};
const MIXED_IN_CHINESE = new RegExp(`\\b(?:${Object.keys(IN_CHINESE).join("|")})\\b`, "g");
const HAN = /[\u3400-\u9fff]/;

/** The platform's name, as the seed articles write it ("B特派认证…"): part of every topic, it tells none apart. */
const PLATFORM_NAME = /b ?特派/g;

export function normalizeQuestion(text: string): string {
  const normalized = toSimplifiedChinese(text.normalize("NFKC").toLowerCase())
    .replace(PLATFORM_NAME, " ")
    // Taiwan's word for a mailbox (電子信箱) is the mainland's 邮箱.
    .replace(/信箱/g, "邮箱")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    // Contractions typed without their apostrophe ("dont", "arent") read as typed with it ("don t").
    .replace(/\b(do|does|did|is|are|was|were|has|have|had|ca|could|would|should|wo|ai)nt\b/g, "$1n t")
    .replace(/\b[a-z]+\b/g, (word) => CHAT_SPELLINGS.get(word) ?? word)
    .trim();
  return HAN.test(normalized) ? normalized.replace(MIXED_IN_CHINESE, (english) => IN_CHINESE[english] ?? english) : normalized;
}

/** A concept of the domain's lexicon weighs like two words: meaning outweighs the wording. */
const CONCEPT_WEIGHT = 2;

/**
 * `characterWeight`: what one Chinese character counts for, against 1 for a bigram. Matching gives
 * characters full weight (better on the development set); grouping a question asked again in other
 * words or the other language weighs them half, so the shared concepts count for more.
 */
export function questionFeatures(text: string, characterWeight = 1): Features {
  return normalizedFeatures(normalizeQuestion(text), characterWeight);
}

/**
 * `questionFeatures` of a question the caller normalised. `spelt`: its words as corrected (`SpellingCorrector`);
 * the concepts are still read from the words as typed, so a correction never adds a meaning of its own.
 */
export function normalizedFeatures(normalized: string, characterWeight = 1, spelt = normalized): Features {
  const features: Features = new Map();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  for (const concept of conceptsIn(normalized)) add(`k:${concept}`, CONCEPT_WEIGHT);
  for (const run of spelt.match(/[\u3400-\u9fff]+|[a-z0-9]+/g) ?? []) {
    if (/^[\u3400-\u9fff]/.test(run)) {
      const chars = [...run];
      chars.forEach((char, i) => {
        if (!CHINESE_STOP_CHARACTERS.has(char)) add(`c:${char}`, characterWeight);
        if (i + 1 < chars.length) {
          const bigram = `${char}${chars[i + 1]}`;
          add(`b:${bigram}`, GENERIC_BIGRAMS.has(bigram) ? GENERIC_WEIGHT : 1);
        }
      });
    } else if (!ENGLISH_STOPWORDS.has(run)) {
      const stem = stemEnglish(run);
      add(`w:${stem}`, GENERIC_WORDS.has(stem) ? GENERIC_WEIGHT : 1);
      const padded = `^${stem}$`;
      for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, 0.25);
    }
  }
  return features;
}

/** A light stemmer: enough to match "rejected"/"reject", "documents"/"document", "verifying"/"verify". */
function stemEnglish(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ["ication", "ation", "ing", "ed", "es", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}
