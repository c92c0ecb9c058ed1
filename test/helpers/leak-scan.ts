import type { Reply } from "../../src/chat/reply.js";
import { translate } from "../../src/i18n/message.js";

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
    const texts = [...reply.body, ...(reply.choices ?? []).map((choice) => choice.label)].map((message) =>
      translate(reply.locale, message),
    );
    for (const text of texts) {
      // A person's own words shown back in quotes (a reviewer's note) may hold anything: only our text is scanned for codes.
      if (CODE.test(text.replace(/“[^”]*”/g, ""))) leaks.push({ text, what: "code" });
      if (PLACEHOLDER.test(text)) leaks.push({ text, what: "placeholder" });
      if (ACTOR_ID.test(text)) leaks.push({ text, what: "actor id" });
    }
  }
  return leaks;
}
