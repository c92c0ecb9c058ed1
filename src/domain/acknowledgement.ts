import { isNonAnswer } from "./non-answer.js";
import { bareMessage } from "./text.js";

/**
 * "OK", 好的, 嗯 — the user acknowledges what was asked, and "稍等", "wait, I'll get my card" — they will
 * answer in a moment. Neither is an answer: told as a wrong one ("“好的” is not a valid email address"),
 * they read as a rebuke. `ok`: the question is simply asked again; `wait`: they hear their answers are kept.
 */
export type Acknowledgement = "ok" | "wait";

const OK: ReadonlySet<string> = new Set([
  ...["ok", "okay", "okey", "k", "kk", "sure", "alright", "all right", "got it", "understood", "fine", "cool", "yes"],
  ...["好", "好的", "好吧", "好滴", "嗯", "嗯嗯", "恩", "行", "收到", "知道了", "明白", "明白了", "了解", "没问题", "ok好的"],
]);
const WAIT =
  /^(?:wait|one moment|just a moment|a moment|hold on|hang on|one sec(?:ond)?|a sec(?:ond)?|just a sec(?:ond)?|wait a (?:sec(?:ond)?|minute|moment)|brb|be right back|稍等|等一下|等等|等一等|等一会儿?|稍等一下|马上|马上就好|我找一下|我去拿)/;
/** A wait followed by a few words of why ("稍等，我去拿身份证", "wait, getting my card"): not a question. */
const LONGEST_WAIT = 30;

export function acknowledgementOf(text: string): Acknowledgement | null {
  const bare = bareMessage(text);
  if (OK.has(bare)) return "ok";
  if (WAIT.test(bare) && [...bare].length <= LONGEST_WAIT && !isNonAnswer(text)) return "wait";
  return null;
}
