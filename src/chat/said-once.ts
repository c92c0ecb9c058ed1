import type { Message } from "../i18n/message.js";

interface Content {
  body: Message[];
  choices?: readonly unknown[];
}

/**
 * One turn's messages with nothing said twice: a paragraph already sent earlier in the same turn
 * (the situation told by /status, then again above the menu) is left out of the later message. A
 * message left with no text but with buttons keeps its last paragraph (a question for its buttons);
 * one left with neither is dropped.
 */
export function saidOnce<T extends Content>(contents: readonly T[]): T[] {
  const said = new Set<string>();
  const result: T[] = [];
  for (const content of contents) {
    const keys = content.body.map((message) => JSON.stringify(message));
    const fresh = content.body.filter((_, index) => !said.has(keys[index]!));
    for (const key of keys) said.add(key);
    if (fresh.length === content.body.length) result.push(content);
    else if (fresh.length > 0) result.push({ ...content, body: fresh });
    else if (content.choices?.length) result.push({ ...content, body: content.body.slice(-1) });
  }
  return result;
}
