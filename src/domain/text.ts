import * as OpenCC from "opencc-js";

/**
 * Text normalisation shared by every validator. Users type on phones with
 * Chinese input methods, so full-width digits (１２３), ideographic spaces and
 * stray separators are common; we normalise them instead of refusing them.
 */

/** Built on first use: its dictionaries take ~50–100 ms to load, which a CLI command that never matches text should not pay. */
let traditionalToSimplified: ReturnType<typeof OpenCC.Converter> | undefined;

/** Traditional Chinese (as typed in Taiwan and Hong Kong) in Simplified characters, for matching only: "測試" → "测试". */
export function toSimplifiedChinese(text: string): string {
  if (!/[\u3400-\u9fff]/.test(text)) return text;
  traditionalToSimplified ??= OpenCC.Converter({ from: "tw", to: "cn" });
  return traditionalToSimplified(text);
}

/** NFKC folds full-width letters/digits and the ideographic space into ASCII. */
export function foldWidth(text: string): string {
  return text.normalize("NFKC");
}

/**
 * A whole chat message as compared with a list of phrases ("好的", "what does this mean"): width folded,
 * Simplified, lower case, apostrophes dropped ("don't" → "dont"), punctuation, symbols and emoji as spaces.
 */
export function bareMessage(text: string): string {
  return toSimplifiedChinese(foldWidth(text))
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[\p{P}\p{S}\p{Extended_Pictographic}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** For identifiers typed with spaces or dashes for readability ("1101 0519…"). */
export function compactIdentifier(text: string): string {
  return foldWidth(text)
    .replace(/[\s\-‐-―_.·]/gu, "")
    .toUpperCase();
}

export const MAX_TEXT_LENGTH = 1000;

export type TextProblem = "empty" | "too_long";

/**
 * Text that cannot be an answer to any question: nothing but whitespace,
 * emoji or punctuation, or longer than any answer we ask for.
 */
export function textProblem(text: string): TextProblem | null {
  if ([...text].length > MAX_TEXT_LENGTH) return "too_long";
  if (!/[\p{L}\p{N}]/u.test(text)) return "empty";
  return null;
}

/** At most `chars` characters (not UTF-16 units), the cut marked with "…": for a button label or an SMS. */
export function shortened(text: string, chars: number): string {
  const characters = [...text.trim()];
  return characters.length <= chars ? characters.join("") : `${characters.slice(0, chars - 1).join("")}…`;
}
