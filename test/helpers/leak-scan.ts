import type { Reply } from "../../src/chat/reply.js";
import { en } from "../../src/i18n/en.js";
import type { Locale } from "../../src/i18n/locale.js";
import { type Message, translate } from "../../src/i18n/message.js";
import { zhCN } from "../../src/i18n/zh-CN.js";

/**
 * What must never reach a reader (issue 24 §1): an internal code (`details_mismatch`), an audit actor id
 * (`reviewer:console:rita`) or an unfilled `{placeholder}`. Run by the harness on every reply of every
 * conversation test, so each flow the suite drives is scanned in the language it was read in.
 * Emails, file names and URLs may contain underscores: a token touching `@`, `.`, `/` or `-` is not a code.
 */
const CODE = /(?<![\w@./\-:])[a-z]+(?:_[a-z0-9]+)+(?![\w@./-])/;
const ACTOR_ID = /\b(?:reviewer|user|system|operator):[A-Za-z]+/;
const PLACEHOLDER = /\{[A-Za-z]+\}/;

export interface Leak {
  text: string;
  what: "code" | "actor id" | "placeholder";
}

/** The leaks in `replies`, whoever reads them: applicants and reviewers alike. */
export function leaksIn(replies: readonly Reply[]): Leak[] {
  const leaks: Leak[] = [];
  for (const reply of replies) {
    const messages = [...reply.body, ...(reply.choices ?? []).map((choice) => choice.label)];
    for (const message of messages) {
      const text = translate(reply.locale, message);
      // A person's own words shown back in quotes (a reviewer's note) may hold anything: only our text is scanned for
      // codes and braces; a placeholder of ours left unfilled, quoted or not, is found in the message itself.
      const ours = text.replace(/“[^”]*”/g, "");
      if (CODE.test(ours)) leaks.push({ text, what: "code" });
      if (PLACEHOLDER.test(ours) || unfilled(reply.locale, message)) leaks.push({ text, what: "placeholder" });
      if (ACTOR_ID.test(text)) leaks.push({ text, what: "actor id" });
    }
  }
  return leaks;
}

/** Whether a placeholder of the message's template (or of a message among its parameters) has no value. */
function unfilled(locale: Locale, message: Message): boolean {
  const template = (locale === "en" ? en : zhCN)[message.key];
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  return names.some((name) => {
    const value = message.params?.[name];
    return value === undefined || (typeof value === "object" && unfilled(locale, value));
  });
}
