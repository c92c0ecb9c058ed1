import { bareMessage } from "./text.js";

/**
 * Greetings, thanks and goodbyes: a short friendly answer and the menu, not "I'm not sure what you
 * mean". Only a message that is nothing but one of these (punctuation, emoji and a name of ours aside)
 * counts: "hi, how long does the review take?" is a question.
 */
export type SmallTalk = "greeting" | "thanks" | "goodbye";

const PHRASES: Record<SmallTalk, readonly string[]> = {
  greeting: [
    "hi",
    "hello",
    "hey",
    "hiya",
    "good morning",
    "good afternoon",
    "good evening",
    "你好",
    "您好",
    "嗨",
    "哈喽",
    "哈啰",
    "早上好",
    "下午好",
    "晚上好",
    "早",
    "在吗",
    "在么",
    "在不在",
  ],
  thanks: [
    "thanks",
    "thank you",
    "thank you very much",
    "thanks a lot",
    "thx",
    "ty",
    "cheers",
    "谢谢",
    "多谢",
    "感谢",
    "谢谢你",
    "谢谢您",
    "非常感谢",
    "好的谢谢",
    "ok thanks",
    "okay thanks",
  ],
  goodbye: ["bye", "goodbye", "bye bye", "see you", "see you later", "再见", "拜拜", "回头见"],
};

const BY_PHRASE = new Map(Object.entries(PHRASES).flatMap(([kind, phrases]) => phrases.map((phrase) => [phrase, kind as SmallTalk])));

export function smallTalkOf(text: string): SmallTalk | null {
  const bare = bareMessage(text).replace(/ (there|assistant|bot|助手)$/u, "");
  return BY_PHRASE.get(bare) ?? null;
}
