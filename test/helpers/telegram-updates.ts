/**
 * Telegram updates as the Bot API sends them — a message, a button press — and a webhook post of
 * one, for the tests and benchmarks that play Telegram. Bodies only: the caller numbers them
 * (`update_id`), since redelivering the same update must repeat the same number.
 */

export function telegramUser(id: number, firstName = "Test", language = "en") {
  return { id, is_bot: false, first_name: firstName, language_code: language };
}

/** A private chat with the user, or — for negative ids — a group (the review group). */
export function telegramChat(id: number) {
  return id < 0 ? { id, type: "supergroup" as const, title: "Reviews" } : { id, type: "private" as const, first_name: "Test" };
}

interface MessageOptions {
  /** Default: the sender's private chat. */
  chatId?: number;
  messageId?: number;
  firstName?: string;
  /** The sender's `language_code` (default `en`). */
  language?: string;
}

/** A message from `from`: `content` is what it carries (`text`, `photo`, `document`, `contact`…). */
export function messageUpdate(from: number, content: object, { chatId = from, messageId = 1, firstName, language }: MessageOptions = {}) {
  return {
    message: { message_id: messageId, date: 1, from: telegramUser(from, firstName, language), chat: telegramChat(chatId), ...content },
  };
}

export function textUpdate(from: number, text: string, options: MessageOptions = {}) {
  return messageUpdate(from, { text }, options);
}

/** A press on a button whose callback data is `data`, under message `messageId` of the chat. */
export function pressUpdate(
  from: number,
  data: string,
  { chatId = from, messageId = 1, firstName, language, id = `cb-${from}-${data}` }: MessageOptions & { id?: string } = {},
) {
  return {
    callback_query: {
      id,
      from: telegramUser(from, firstName, language),
      chat_instance: "1",
      data,
      message: { message_id: messageId, date: 1, chat: telegramChat(chatId), text: "…" },
    },
  };
}

/** Posts an update (or any body, as text) to the bot's webhook as Telegram does: JSON, with the secret token. */
export function postUpdate(url: string, secret: string, update: object | string, signal?: AbortSignal): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
    body: typeof update === "string" ? update : JSON.stringify(update),
    ...(signal ? { signal } : {}),
  });
}

/** The updates of one registration (start, name, email, phone), each answered with its own reply; fake details from the chat's number. */
export function registrationUpdates(chat: number) {
  return [
    textUpdate(chat, "/start"),
    pressUpdate(chat, "start"),
    textUpdate(chat, "Kai Chen"),
    textUpdate(chat, `user${chat}@example.test`),
    textUpdate(chat, `139${String(10_000_000 + chat).slice(-8)}`),
  ];
}
