import type { NotificationContent } from "../domain/notification.js";
import type { Locale } from "../i18n/locale.js";
import { msg, translate } from "../i18n/message.js";

/** Anything shaped like a resident ID number (or a legal representative's) in free text, e.g. a reviewer's note. */
const ID_NUMBER = /\b\d{6}(?:18|19|20)\d{2}\d{7}[\dXx]\b/g;

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

/**
 * A notification as an email in the reader's language: the subject carries
 * the reference, the text the same paragraphs as the chat message. Emails
 * never carry ID numbers (masked even if a reviewer typed one in a note) or
 * document images.
 */
export function emailMessage(locale: Locale, content: NotificationContent): EmailMessage {
  const paragraphs = [...content.body, msg("notification.emailFooter")].map((message) => maskIdNumbers(translate(locale, message)));
  return {
    subject: maskIdNumbers(translate(locale, content.subject)),
    text: paragraphs.join("\n\n"),
    html: `<!doctype html><html lang="${locale}"><body>${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`).join("")}</body></html>`,
  };
}

function maskIdNumbers(text: string): string {
  return text.replace(ID_NUMBER, (id) => `${id.slice(0, 6)}********${id.slice(-4)}`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
