/**
 * A reply at an answer step that is not an answer: a question ("what should I write here", "为什么需要
 * 我的身份证号？") or a refusal to answer ("I don't know", "不知道"). It is never stored; the user is
 * told what to type and why it is asked. Checked before the answer's own validation, since such a
 * reply may pass as a name ("what should I write here" is five Latin words).
 */
const QUESTION_MARK = /[?？]/;
/** Questions start with these; refusals may stand anywhere. Names and company names do neither. */
// "How" is also a surname (How Yee Ling): only "how" followed by a question's word starts a question.
const ENGLISH_QUESTION =
  /^(?:why|what|where|which|who|do you|do i|should i|can i|is it|are you|how (?:do|does|did|can|could|long|much|many|to|is|are|should|about|come))\b/i;
const ENGLISH_REFUSAL = /\b(?:i don'?t know|idk|dunno|not sure|no idea|no clue|i'?d rather not|skip)\b/i;
const CHINESE = /为什么|为啥|干嘛|什么|怎么|哪个|哪里|哪些|不知道|不清楚|不懂|随便|跳过|[吗呢][。.!！~]*$/;

export function isNonAnswer(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return false;
  return QUESTION_MARK.test(trimmed) || ENGLISH_QUESTION.test(trimmed) || ENGLISH_REFUSAL.test(trimmed) || CHINESE.test(trimmed);
}

/**
 * "I have no email", "我没有邮箱": not an address, and not the question about missing notifications the
 * FAQ would take it for. Said at the email step, it gets what an address is needed for and how to get one.
 */
const NO_EMAIL =
  /\b(?:i (?:do not|don'?t|dont) have|i have no|i haven'?t got|i'?ve no|no|without)\s+(?:an?\s+|any\s+)?(?:e-?mail|mailbox)\b|(?:没有|没|无)(?:电子)?(?:邮箱|邮件|e-?mail)/i;

export function saysNoEmail(text: string): boolean {
  return NO_EMAIL.test(text.normalize("NFKC"));
}

/** "Why do you need my email?": asked at that step, the step's own why, not a FAQ topic that shares its words. */
const WHY = /\b(?:why|what for|what do you need)\b|为什么|为啥|干嘛|干什么用|做什么用|有什么用/i;
const SUBJECT: Partial<Record<string, RegExp>> = {
  name: /\bname\b|姓名|名字/i,
  email: /\be-?mail\b|邮箱|邮件/i,
  phone: /\b(?:phone|mobile|number)\b|手机|电话|号码/i,
};

export function asksWhyThisStep(text: string, step: string): boolean {
  const subject = SUBJECT[step];
  return subject !== undefined && WHY.test(text) && subject.test(text);
}
