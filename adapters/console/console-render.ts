import type { Reply } from "../../src/chat/reply.js";
import { translate } from "../../src/i18n/message.js";

/**
 * One bot message as console text: `bot → <user>: <text>`, further lines of
 * the text below it, attached documents as `    📎 <label>: <file>`, a file made
 * for the reader as `    📄 <name> (<n> bytes):` and its text, then each button
 * on its own line as `    [n] <label>`.
 */
export function renderReply(user: string, reply: Reply, documentPath?: (id: string) => string): string {
  const text = reply.body.map((message) => translate(reply.locale, message)).join("\n");
  const attachments = (reply.attachments ?? []).map(
    (attachment) =>
      `    📎 ${translate(reply.locale, attachment.label)}: ${documentPath ? documentPath(attachment.documentId) : attachment.documentId}`,
  );
  const buttons = (reply.choices ?? []).map((choice, index) => `    [${index + 1}] ${translate(reply.locale, choice.label)}`);
  // A file made for the reader (their data export) is shown in full: the console is their own terminal.
  const file = reply.file ? [`    📄 ${reply.file.name} (${reply.file.content.length} bytes):`, reply.file.content.toString("utf8")] : [];
  return [`bot → ${user}: ${text}`, ...attachments, ...file, ...buttons].join("\n");
}

/** What the development SMS sender "delivers" in the console, so the code can be typed back. */
export function renderSms(maskedPhone: string, text: string): string {
  return `sms → ${maskedPhone}: ${text}`;
}
