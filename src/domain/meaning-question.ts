import { bareMessage } from "./text.js";

/** "What does this mean?", "这是什么意思", "看不懂": about what was just said, with no subject of its own. */
const MEANING =
  /^(?:(?:so )?what (?:does|do) (?:this|that|it|you) mean|what do you mean(?: by that)?|(?:i )?(?:don'?t|do not) (?:understand|get it)|meaning|huh|(?:这|那|这个|那个)?(?:是)?(?:什么|啥)意思(?:啊|呀|呢)?|(?:我)?(?:看不懂|没看懂|不明白|不懂)(?:啊|呀)?)$/;

/** The whole message asks what something just said means (see `MEANING`), any case, punctuation or script. */
export function asksWhatItMeans(text: string): boolean {
  return MEANING.test(bareMessage(text));
}
