import type { DocumentRead, DocumentSide } from "../domain/document-read.js";
import { validateIdCard } from "../domain/id-card.js";
import { validateUscc } from "../domain/uscc.js";

/** One line of recognised text with the recogniser's confidence (0–100) per word and per character. */
export interface OcrLine {
  words: Array<{ text: string; confidence: number; symbols?: Array<{ text: string; confidence: number }> }>;
}

/** A photo read twice: with the Chinese model (labels, names) and the Latin one (digits and capitals read best). */
export interface OcrPages {
  chinese: OcrLine[];
  latin: OcrLine[];
}

/** The printed labels that tell the documents apart. */
const SIDE_TEXTS: Record<Exclude<DocumentSide, "unknown">, string[]> = {
  portrait: ["姓名", "性别", "民族", "出生", "住址", "公民身份号码"],
  emblem: ["中华人民共和国", "居民身份证", "签发机关", "有效期限"],
  licence: ["营业执照", "统一社会信用代码", "法定代表人", "注册资本", "经营范围", "成立日期", "登记机关"],
};
/** Labels found before a side is named; fewer is a guess, and a guess is never told to anyone. */
const MIN_SIDE_EVIDENCE = 2;
/** Every character of a name must be read at least this surely for it to be compared at all. */
const NAME_CONFIDENCE = 95;
/** The validity period on the emblem side: `2015.03.01-2035.03.01` or `…-长期`. */
const VALIDITY_PERIOD = /\d{4}\.\d{2}\.\d{2}-(?:\d{4}\.\d{2}\.\d{2}|长期)/;

/**
 * What the text read on a photo says: the side it shows, an ID number or credit code, the name.
 * A number is claimed only when its check character is right and every reading of the photo
 * that found one found the same: when unsure, nothing is claimed.
 */
export function interpretDocumentText(pages: OcrPages, today: Date): DocumentRead {
  const all = [...pages.chinese, ...pages.latin];
  const idNumber = onlyOne(all.flatMap((line) => numberCandidates(line, (text) => validateIdCard(text, today).valid)));
  const uscc = onlyOne(all.flatMap((line) => numberCandidates(line, (text) => validateUscc(text).valid, usccLookalikes)));
  const chineseText = chineseTextOf(pages.chinese);
  const evidence = {
    portrait: labelsFound(chineseText, SIDE_TEXTS.portrait) + (idNumber ? 1 : 0),
    emblem: labelsFound(chineseText, SIDE_TEXTS.emblem) + (VALIDITY_PERIOD.test(chineseText) ? 1 : 0),
    licence: labelsFound(chineseText, SIDE_TEXTS.licence) + (uscc ? 1 : 0),
  };
  const side = sideOf(evidence);
  return {
    side,
    idNumber: side === "portrait" ? idNumber : null,
    uscc: side === "licence" ? uscc : null,
    name: side === "portrait" ? nameOn(pages.chinese) : null,
    confidence: meanConfidence(all),
  };
}

/**
 * Whether the Chinese reading leaves room for a side that carries a number. A number read adds one
 * piece of evidence for its side; if that cannot bring the side's labels to `MIN_SIDE_EVIDENCE`, the
 * read (bar its confidence) is what the Chinese reading alone gives, whatever else is read.
 */
export function mayShowNumber(chinese: OcrLine[]): boolean {
  const text = chineseTextOf(chinese);
  const withNumber = (side: "portrait" | "licence") => labelsFound(text, SIDE_TEXTS[side]) + 1 >= MIN_SIDE_EVIDENCE;
  return withNumber("portrait") || withNumber("licence");
}

function chineseTextOf(lines: OcrLine[]): string {
  return lines.map(lineText).join("\n").replace(/[ \t]/g, "");
}

function lineText(line: OcrLine): string {
  return line.words.map((word) => word.text).join(" ");
}

/** The side with the most evidence, if it has enough and no other side has as much. */
function sideOf(evidence: Record<Exclude<DocumentSide, "unknown">, number>): DocumentSide {
  const ranked = (Object.entries(evidence) as Array<[Exclude<DocumentSide, "unknown">, number]>).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  return best![1] >= MIN_SIDE_EVIDENCE && best![1] > second![1] ? best![0] : "unknown";
}

/** How many labels appear, each allowing one misread character in four (never in a two-character label). */
function labelsFound(text: string, labels: string[]): number {
  return labels.filter((label) => containsNearly(text, label, Math.floor(label.length / 4))).length;
}

function containsNearly(text: string, label: string, allowedMisreads: number): boolean {
  const chars = [...text];
  const wanted = [...label];
  for (let start = 0; start + wanted.length <= chars.length; start++) {
    let misreads = 0;
    for (let i = 0; i < wanted.length && misreads <= allowedMisreads; i++) if (chars[start + i] !== wanted[i]) misreads++;
    if (misreads <= allowedMisreads) return true;
  }
  return false;
}

/** Characters recognisers confuse with the ones a credit code may hold (it has no I, O, S, V or Z). */
function usccLookalikes(text: string): string {
  return text.replace(/O/g, "0").replace(/I/g, "1");
}

/**
 * 18-character numbers in a line: runs of consecutive words, joined (a number may be printed
 * in groups), that make exactly 18 characters and pass `valid`. Words must be all digits and
 * capitals, so a number is never cut out of a longer run.
 */
function numberCandidates(line: OcrLine, valid: (text: string) => boolean, lookalikes: (text: string) => string = (t) => t): string[] {
  const tokens = line.words.map((word) => lookalikes(word.text.toUpperCase().replace(/[^0-9A-Z]/g, "")));
  const found: string[] = [];
  for (let start = 0; start < tokens.length; start++) {
    let joined = "";
    for (let end = start; end < tokens.length && joined.length < 18; end++) {
      joined += tokens[end];
      if (joined.length === 18 && valid(joined)) found.push(joined);
    }
  }
  return found;
}

function onlyOne(candidates: string[]): string | null {
  const distinct = new Set(candidates);
  return distinct.size === 1 ? candidates[0]! : null;
}

/**
 * The name after the 姓名 label: its Chinese characters (the recogniser adds stray quotes there),
 * two to four of them, each read surely — or nothing.
 */
function nameOn(lines: OcrLine[]): string | null {
  for (const line of lines) {
    const [label, ...rest] = line.words;
    if (label?.text.replace(/\s/g, "") !== "姓名") continue;
    const characters = rest.flatMap((word) => word.symbols ?? [...word.text].map((text) => ({ text, confidence: word.confidence })));
    const han = characters.filter((symbol) => /^\p{Script=Han}$/u.test(symbol.text));
    const sure = han.length >= 2 && han.length <= 4 && han.every((symbol) => symbol.confidence >= NAME_CONFIDENCE);
    return sure ? han.map((symbol) => symbol.text).join("") : null;
  }
  return null;
}

function meanConfidence(lines: OcrLine[]): number {
  const words = lines.flatMap((line) => line.words).filter((word) => word.text.trim() !== "");
  if (words.length === 0) return 0;
  return Math.round(words.reduce((sum, word) => sum + word.confidence, 0) / words.length);
}
