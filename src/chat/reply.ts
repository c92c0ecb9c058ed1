import type { Locale } from "../i18n/locale.js";
import type { Message } from "../i18n/message.js";

/** A button. `id` comes back as a `choice` event; keep it short (Telegram allows 64 bytes). */
export interface Choice {
  id: string;
  label: Message;
}

/**
 * One message from the bot, in the user's language but not yet in any
 * platform's format: each adapter renders it in its own idiom (inline
 * keyboard, Block Kit, numbered console list).
 */
export interface Reply {
  locale: Locale;
  /** Paragraphs, shown in order as one message. */
  body: Message[];
  choices?: Choice[];
  /** What the bot asks for next, so adapters can offer the right control (contact button, upload). */
  expects?: "text" | "phone" | "document";
}
