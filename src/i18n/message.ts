import { en, type MessageKey } from "./en.js";
import type { Locale } from "./locale.js";
import { zhCN } from "./zh-CN.js";

export type { MessageKey };

/**
 * A message to show, not yet in any language. Parameters may themselves be
 * messages ("method: {method}" with method → "method.id_card"), so the whole
 * text is rendered in the reader's language at the last moment.
 */
export interface Message {
  key: MessageKey;
  params?: Readonly<Record<string, string | number | Message>>;
}

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, "zh-CN": zhCN };

export function msg(key: MessageKey, params?: Message["params"]): Message {
  return params ? { key, params } : { key };
}

export function translate(locale: Locale, message: Message): string {
  const template = CATALOGUES[locale][message.key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = message.params?.[name];
    if (value === undefined) return whole;
    return typeof value === "object" ? translate(locale, value) : String(value);
  });
}

/** "A, B and C" from translated parts, built as nested messages so each stays in the reader's language. */
export function joinMessages(parts: readonly Message[]): Message {
  return parts.slice(1).reduce<Message>((joined, part) => msg("list.join", { head: joined, tail: part }), parts[0]!);
}
