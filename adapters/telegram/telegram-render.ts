import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from "grammy/types";
import type { Reply } from "../../src/chat/reply.js";
import type { Locale } from "../../src/i18n/locale.js";
import { msg, translate } from "../../src/i18n/message.js";
import { AssistantError } from "../../src/runtime/errors.js";

/** Telegram's limits: characters per message, bytes per button's callback data. */
export const MESSAGE_LIMIT = 4096;

export const CALLBACK_DATA_LIMIT = 64;

/** The message text: the paragraphs in order, one per line. */
export function messageText(reply: Reply): string {
  return reply.body.map((message) => translate(reply.locale, message)).join("\n");
}

/** One button per row, so long labels (Chinese reasons, toggles) stay readable on a phone. */
export function inlineKeyboard(reply: Reply): InlineKeyboardMarkup | undefined {
  const choices = reply.choices ?? [];
  if (choices.length === 0) return undefined;
  for (const choice of choices) {
    // Button ids are ours and short by design; a longer one is a bug that Telegram would answer with a 400.
    if (Buffer.byteLength(choice.id) > CALLBACK_DATA_LIMIT)
      throw new AssistantError("button_id_too_long", `button id over ${CALLBACK_DATA_LIMIT} bytes: ${choice.id}`);
  }
  return { inline_keyboard: choices.map((choice) => [{ text: translate(reply.locale, choice.label), callback_data: choice.id }]) };
}

/** The reply keyboard whose one button shares the user's own phone number. */
export function contactKeyboard(locale: Locale): ReplyKeyboardMarkup {
  return {
    keyboard: [[{ text: translate(locale, msg("telegram.sharePhone")), request_contact: true }]],
    resize_keyboard: true,
    one_time_keyboard: true,
  };
}
