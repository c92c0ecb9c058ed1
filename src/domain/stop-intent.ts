/**
 * "I don't want to get verified any more", 我不想认证了, 放弃认证: the user wants to stop, not to answer the
 * question before them or to ask one. Only a whole message saying so counts — "I don't want to verify my phone,
 * can I use my ID card?" or 不认证了会怎样 are questions, left to the FAQ.
 */
const ENGLISH =
  /^(?:i\s+)?(?:(?:don['’]?t|do\s+not|no\s+longer)\s+want\s+to\s+(?:get\s+|be\s+)?verif(?:y|ied)|(?:want\s+to\s+)?(?:stop|quit|give\s+up(?:\s+on)?|abandon)\s+(?:the\s+|my\s+)?verification)(?:\s+(?:any\s?more|now|after\s+all))?$/;
const CHINESE = /^我?(?:(?:不想|不要|不打算)再?(?:做|进行|弄)?|(?:要|想)?放弃|(?:就)?不)(?:认证|验证)了?$/;

export function wantsToStopVerifying(text: string): boolean {
  const plain = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}]+$/u, "")
    .replace(/[啊吧呀啦]+$/u, "")
    .trim();
  return ENGLISH.test(plain) || CHINESE.test(plain.replace(/\s+/g, ""));
}
