import type { Reply } from "../../src/chat/reply.js";
import { translate } from "../../src/i18n/message.js";

/**
 * One bot message as console text: `bot → <user>: <text>`, further lines of
 * the text below it, attached documents as `    📎 <label>: <file>`, then each
 * button on its own line as `    [n] <label>`.
 */
export function renderReply(user: string, reply: Reply, documentPath?: (id: string) => string): string {
  const text = reply.body.map((message) => translate(reply.locale, message)).join("\n");
  const attachments = (reply.attachments ?? []).map(
    (attachment) =>
      `    📎 ${translate(reply.locale, attachment.label)}: ${documentPath ? documentPath(attachment.documentId) : attachment.documentId}`,
  );
  const buttons = (reply.choices ?? []).map((choice, index) => `    [${index + 1}] ${translate(reply.locale, choice.label)}`);
  return [`bot → ${user}: ${text}`, ...attachments, ...buttons].join("\n");
}

/** What the development SMS sender "delivers" in the console, so the code can be typed back. */
export function renderSms(maskedPhone: string, text: string): string {
  return `sms → ${maskedPhone}: ${text}`;
}
