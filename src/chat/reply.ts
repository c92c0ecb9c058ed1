import type { Choice } from "../domain/choice.js";
import type { ChatAddress } from "../domain/platform.js";
import type { Locale } from "../i18n/locale.js";
import type { Message } from "../i18n/message.js";

/**
 * A small form that adapters with dialogs (Slack modals) show instead of the
 * step-by-step buttons of the same reply: options as checkboxes, an optional
 * note. Its submission comes back as a `form` event with this `id`.
 */
export interface Form {
  id: string;
  title: Message;
  optionsLabel: Message;
  options: Message[];
  note?: { label: Message };
  submitLabel: Message;
}

/**
 * One message from the bot, in the reader's language but not yet in any
 * platform's format: each adapter renders it in its own idiom (inline
 * keyboard, Block Kit, numbered console list).
 */
export interface Reply {
  locale: Locale;
  /** Another chat (a reviewer's, or the applicant's after a decision); absent: the chat the event came from. */
  to?: ChatAddress;
  /** Set on review cards: adapters that can edit messages replace the earlier card of this reference. */
  card?: string;
  /** With `card`: post the card as a new message (reviewers should notice, e.g. a reminder) and retire the old one's buttons. */
  repost?: boolean;
  /** The next step of a multi-step choice: adapters that can edit replace the message whose button was pressed. */
  replacesPressed?: boolean;
  /** Only for the person who acted, not the whole chat (a refusal in a shared review room). */
  ephemeral?: boolean;
  /**
   * Stored documents to show with the message, by content address: previews shown as photos,
   * or — with `fileName` — the document as stored, at full resolution, sent as a file.
   */
  attachments?: Array<{ documentId: string; label: Message; fileName?: string }>;
  /**
   * Personal data for the person who acted, in their private chat with the bot, never the shared
   * room the button was pressed in; an adapter that cannot reach them there says how to make it possible.
   */
  privately?: boolean;
  /** A file made for the reader (their data export), sent with the message. */
  file?: { name: string; content: Buffer };
  /** Paragraphs, shown in order as one message. */
  body: Message[];
  choices?: Choice[];
  /** The same question as a form, for adapters that have dialogs. */
  form?: Form;
  /** Set on notifications (decisions, notices): the outbox id, so the sender records whether it arrived. */
  notificationId?: string;
  /** What the bot asks for next, so adapters can offer the right control (contact button, upload). */
  expects?: "text" | "phone" | "document";
}
