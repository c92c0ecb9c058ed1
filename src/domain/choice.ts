import type { Message } from "../i18n/message.js";

/** A button. `id` comes back as a `choice` event; keep it short (Telegram allows 64 bytes). */
export interface Choice<Id extends string = string> {
  id: Id;
  label: Message;
}
