import type { Update } from "grammy/types";
import type { ChatEvent } from "../../src/chat/chat-event.js";

type ChatEventBase = Pick<ChatEvent, "id" | "platform" | "chatId" | "userId" | "locale">;
/** The kind-specific part of a chat event (text, choice, contact…). */
type Content = ChatEvent extends infer E ? (E extends unknown ? Omit<E, keyof ChatEventBase> : never) : never;

/** A photo or document still on Telegram's servers: its size is known before downloading it. */
export interface TelegramFile {
  kind: "telegramFile";
  fileId: string;
  size: number | undefined;
  name: string;
}

/** What an update means to the assistant, before any file is downloaded. */
export interface TelegramInput {
  base: ChatEventBase & { platform: "telegram" };
  content: Content | TelegramFile;
  /** The message whose button was pressed, for replies that replace it. */
  pressedMessageId?: number;
}

/**
 * Reads an update: everything in a private chat, and in a review room only
 * buttons and text (reviewers' notes). Other groups, channel posts, edited
 * messages and unknown kinds of update → null (ignored).
 */
export function readUpdate(update: Update, isReviewRoom: (chatId: string) => boolean): TelegramInput | null {
  const { message, callback_query: press } = update;
  if (press) {
    const chat = press.message?.chat;
    if (!chat || press.data === undefined) return null;
    const chatId = String(chat.id);
    if (chat.type !== "private" && !isReviewRoom(chatId)) return null;
    return {
      base: base(`${update.update_id}.cb${press.id}`, chatId, press.from),
      content: { kind: "choice", choice: press.data },
      pressedMessageId: press.message!.message_id,
    };
  }
  if (!message?.from || message.from.is_bot) return null;
  const chatId = String(message.chat.id);
  const eventBase = base(`${update.update_id}.${chatId}.${message.message_id}`, chatId, message.from);
  if (message.chat.type !== "private") {
    return isReviewRoom(chatId) && message.text !== undefined ? { base: eventBase, content: { kind: "text", text: message.text } } : null;
  }
  return { base: eventBase, content: privateContent(message) };
}

function base(
  id: string,
  chatId: string,
  from: { id: number; language_code?: string; first_name?: string; username?: string },
): TelegramInput["base"] {
  // Reviewers are named to each other by their first name (every account has one), else their @username.
  const displayName = from.first_name || (from.username ? `@${from.username}` : undefined);
  return {
    id,
    platform: "telegram",
    chatId,
    userId: String(from.id),
    ...(from.language_code ? { locale: from.language_code } : {}),
    ...(displayName ? { displayName } : {}),
  };
}

function privateContent(message: NonNullable<Update["message"]>): TelegramInput["content"] {
  if (message.text !== undefined) return { kind: "text", text: message.text };
  if (message.contact) {
    // Telegram sends the number without "+" for some clients; it is always international.
    const digits = message.contact.phone_number.replace(/[^\d+]/g, "");
    const phone = digits.startsWith("+") ? digits : `+${digits}`;
    return { kind: "contact", phone, ownNumber: message.contact.user_id === message.from!.id };
  }
  if (message.photo?.length) {
    // Sizes come smallest first; the last is the largest Telegram kept (already recompressed by Telegram).
    const largest = message.photo[message.photo.length - 1]!;
    return { kind: "telegramFile", fileId: largest.file_id, size: largest.file_size, name: "photo.jpg" };
  }
  if (message.document) {
    const { file_id, file_size, file_name } = message.document;
    return { kind: "telegramFile", fileId: file_id, size: file_size, name: file_name ?? "document" };
  }
  return { kind: "unsupported" };
}
