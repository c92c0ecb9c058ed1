import type { Reply } from "../../src/chat/reply.js";
import { translate } from "../../src/i18n/message.js";

export interface RenderOptions {
  /** The number of the reply's first button: buttons are numbered across the whole run. */
  firstButton?: number;
  /** Where a stored document's opened copy is, to print with review cards. */
  documentPath?: (id: string) => string;
  /** Where a file made for the reader (their data export) was written. */
  savedFile?: string;
}

/**
 * One bot message as console text: `bot → <user>: <text>`, further lines of
 * the text below it, attached documents as `    📎 <label>: <file>`, a file made
 * for the reader as `    📄 <name> (<n> bytes): <path>`, then each button
 * on its own line as `    [n] <label>`.
 */
export function renderReply(user: string, reply: Reply, options: RenderOptions = {}): string {
  const { firstButton = 1, documentPath } = options;
  const text = reply.body.map((message) => translate(reply.locale, message)).join("\n");
  const attachments = (reply.attachments ?? []).map(
    (attachment) =>
      `    📎 ${translate(reply.locale, attachment.label)}: ${documentPath ? documentPath(attachment.documentId) : attachment.documentId}`,
  );
  const buttons = (reply.choices ?? []).map((choice, index) => `    [${firstButton + index}] ${translate(reply.locale, choice.label)}`);
  // A file made for the reader is written to disk, not poured onto the terminal (an export with photos is megabytes).
  const file = reply.file ? [`    📄 ${reply.file.name} (${reply.file.content.length} bytes): ${options.savedFile ?? "(not saved)"}`] : [];
  return [`bot → ${user}: ${text}`, ...attachments, ...file, ...buttons].join("\n");
}

/** What the development SMS sender "delivers" in the console, so the code can be typed back. */
export function renderSms(maskedPhone: string, text: string): string {
  return `sms → ${maskedPhone}: ${text}`;
}
