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
const ENGLISH_REFUSAL =
  /\b(?:i don'?t know|idk|dunno|not sure|no idea|no clue|i'?d rather not|skip|i (?:do not|don'?t|dont) want to|i won'?t)\b/i;
const CHINESE = /为什么|为啥|干嘛|什么|怎么|哪个|哪里|哪些|不知道|不清楚|不懂|随便|跳过|不想|不愿|[吗呢][。.!！~]*$/;

export function isNonAnswer(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return false;
  return QUESTION_MARK.test(trimmed) || ENGLISH_QUESTION.test(trimmed) || ENGLISH_REFUSAL.test(trimmed) || CHINESE.test(trimmed);
}

/**
 * "I have no email", "我没有手机": not an address or a number, and not the FAQ question (missing
 * notifications, the methods) it would be taken for. Said at that step, it gets what the detail is
 * needed for and how to get one.
 */
const HAVE_NONE = "(?:i (?:do not|don'?t|dont) have|i have no|i haven'?t got|i'?ve no|no|without)\\s+(?:an?\\s+|any\\s+)?";
const NO_CONTACT = {
  email: new RegExp(`\\b${HAVE_NONE}(?:e-?mail|mailbox)\\b|(?:没有|没|无)(?:电子)?(?:邮箱|邮件|e-?mail)`, "i"),
  phone: new RegExp(`\\b${HAVE_NONE}(?:(?:mobile |cell )?phone|mobile|cell ?phone)\\b|(?:没有|没|无)(?:手机|电话)`, "i"),
};

export function saysNoContact(text: string, step: "email" | "phone"): boolean {
  return NO_CONTACT[step].test(text.normalize("NFKC"));
}

/**
 * "I didn't get the code", "验证码没收到": where a one-time code is awaited, not a wrong code ("The code has 6
 * digits") but a question of delivery.
 */
const NO_CODE =
  /\b(?:did ?n[o']?t|didnt|have ?n[o']?t|havent|never|not|no)\s+(?:(?:get|got|gotten|receive|received|see|seen)\s+)?(?:the |a |any |my |your )?(?:code|sms|text|message)\b|\b(?:code|sms|text|message)\s+(?:did ?n[o']?t|didnt|has ?n[o']?t|hasnt|never|is not|isnt|not)\s+(?:come|arrive|arrived|came|here)|没收到|收不到|没有收到|(?:验证码|短信).{0,4}(?:没|还没|不)(?:来|到|收到|发来)/i;

export function saysCodeNotReceived(text: string): boolean {
  return NO_CODE.test(text.normalize("NFKC"));
}

/**
 * "Why do you need my email?", "I don't want to give my phone", "必须填邮箱吗", "身份证号在哪里看": asked or
 * refused at that step, the step's own why (what to type, where to find it, what it is for), not a FAQ topic
 * that shares its words ("email" is also in "I never got the email").
 */
const WHY =
  /\b(?:why|what for|what do you need|where|(?:do not|don'?t|dont) want to|rather not|have to|must i|required|mandatory|necessary|optional)\b|为什么|为啥|干嘛|干什么用|做什么用|有什么用|不想|不愿|必须|一定要|非要|可以不|能不能不|能不|哪里|在哪|哪儿/i;
const SUBJECT: Partial<Record<string, RegExp>> = {
  name: /\bname\b|姓名|名字/i,
  email: /\be-?mail\b|邮箱|邮件/i,
  phone: /\b(?:phone|mobile|number)\b|手机|电话|号码/i,
  idNumber: /\b(?:id|number)\b|身份证|号码/i,
};

export function asksWhyThisStep(text: string, step: string): boolean {
  const subject = SUBJECT[step];
  return subject !== undefined && WHY.test(text) && subject.test(text);
}
