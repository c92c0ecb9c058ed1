import { type Api, GrammyError, InputFile } from "grammy";
import type { InlineKeyboardMarkup, InputMediaDocument, InputMediaPhoto, Message } from "grammy/types";
import type { Reply } from "../../src/chat/reply.js";
import { splitText } from "../../src/chat/split-text.js";
import type { ChatAddress } from "../../src/domain/platform.js";
import { msg, translate } from "../../src/i18n/message.js";
import type { CardMessages } from "../../src/ports/card-messages.js";
import { errorSummary, type Logger } from "../../src/runtime/logger.js";
import { contactKeyboard, inlineKeyboard, MESSAGE_LIMIT, messageText } from "./telegram-render.js";

export interface TelegramDeliveryOptions {
  api: Api;
  cards: CardMessages;
  /** Where a stored document's file is (review card previews). */
  readDocument: (documentId: string) => Promise<Buffer>;
  logger: Logger;
}

/**
 * Sends replies in Telegram's idiom: long texts split, buttons as an inline
 * keyboard on the last part, review cards edited in place after a decision,
 * pickers replaced where their button was pressed.
 */
export class TelegramDelivery {
  constructor(private readonly options: TelegramDeliveryOptions) {}

  /**
   * `pressedMessageId`: the message whose button led to this reply, if any. `answerApi`: the update's own
   * client, for the reply's last message (not a card: its id is kept): grammY puts that `sendMessage` in the
   * webhook's answer when it can, resolving `true` instead of the message. Returns whether it went there.
   */
  async send(chatId: string, reply: Reply, pressedMessageId?: number, answerApi?: Api): Promise<boolean> {
    const text = messageText(reply);
    const keyboard = inlineKeyboard(reply);
    if (reply.replacesPressed && pressedMessageId !== undefined && (await this.edit(chatId, pressedMessageId, text, keyboard)))
      return false;
    if (!reply.card) {
      await this.sendAttachments(chatId, reply);
      if (reply.file) await this.options.api.sendDocument(chatId, new InputFile(reply.file.content, reply.file.name));
      return (await this.post(chatId, reply, text, keyboard, answerApi)) === "in the answer";
    }
    const address: ChatAddress = { platform: "telegram", chatId };
    const shown = await this.options.cards.find(address, reply.card);
    if (shown && !reply.repost && (await this.edit(chatId, Number(shown), text, keyboard))) return false;
    if (shown) await this.retireButtons(chatId, Number(shown));
    else await this.sendAttachments(chatId, reply);
    const messageId = await this.post(chatId, reply, text, keyboard);
    await this.options.cards.remember(address, reply.card, String(messageId));
    return false;
  }

  /**
   * Sends the text (split if needed), buttons on the last part; returns the last message's id, or that
   * the last message went in the webhook's answer (`answerApi`).
   */
  private async post(
    chatId: string,
    reply: Reply,
    text: string,
    keyboard: InlineKeyboardMarkup | undefined,
    answerApi?: Api,
  ): Promise<number | "in the answer"> {
    const phone = reply.expects === "phone";
    const messages = splitText(text, MESSAGE_LIMIT).map((part, index, parts) => {
      // A message has one keyboard: the contact button goes here only when there are no inline buttons.
      const markup = index < parts.length - 1 ? undefined : (keyboard ?? (phone ? contactKeyboard(reply.locale) : undefined));
      return { text: part, markup };
    });
    if (phone && keyboard)
      messages.push({ text: translate(reply.locale, msg("telegram.sharePhoneHint")), markup: contactKeyboard(reply.locale) });
    let messageId = 0;
    for (const [index, message] of messages.entries()) {
      const api = index === messages.length - 1 && answerApi ? answerApi : this.options.api;
      // grammY resolves a call it put in the webhook's answer with `true`: there is no message yet.
      const sent = (await api.sendMessage(chatId, message.text, message.markup ? { reply_markup: message.markup } : {})) as Message | true;
      if (sent === true) return "in the answer";
      messageId = sent.message_id;
    }
    return messageId;
  }

  /**
   * Documents before the message's text: previews as a photo or an album; documents with a
   * file name as files, at full resolution (Telegram recompresses photos). A failure here must
   * not stop the text.
   */
  private async sendAttachments(chatId: string, reply: Reply): Promise<void> {
    const attachments = reply.attachments ?? [];
    if (attachments.length === 0) return;
    const { api } = this.options;
    try {
      const media = await Promise.all(
        attachments.map(async (attachment) => ({
          type: attachment.fileName ? ("document" as const) : ("photo" as const),
          media: new InputFile(await this.options.readDocument(attachment.documentId), attachment.fileName ?? "preview.jpg"),
          caption: translate(reply.locale, attachment.label),
        })),
      );
      const [first] = media;
      if (media.length > 1) await api.sendMediaGroup(chatId, media.slice(0, 10) as InputMediaPhoto[] | InputMediaDocument[]);
      else if (first?.type === "document") await api.sendDocument(chatId, first.media, { caption: first.caption });
      else if (first) await api.sendPhoto(chatId, first.media, { caption: first.caption });
    } catch (error) {
      this.options.logger.warn({ platform: "telegram", error: errorSummary(error) }, "documents could not be sent");
    }
  }

  /** Edits a message in place; false when it can't be (deleted, too old), so the caller posts anew. */
  private async edit(chatId: string, messageId: number, text: string, keyboard: InlineKeyboardMarkup | undefined): Promise<boolean> {
    try {
      await this.options.api.editMessageText(chatId, messageId, text.slice(0, MESSAGE_LIMIT), {
        reply_markup: keyboard ?? { inline_keyboard: [] },
      });
      return true;
    } catch (error) {
      if (isNotModified(error)) return true;
      this.options.logger.warn({ platform: "telegram", error: errorSummary(error) }, "message could not be edited; sending a new one");
      return false;
    }
  }

  private async retireButtons(chatId: string, messageId: number): Promise<void> {
    await this.options.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } }).catch((error: unknown) => {
      if (!isNotModified(error))
        this.options.logger.warn({ platform: "telegram", error: errorSummary(error) }, "old card's buttons could not be removed");
    });
  }
}

/** A double tap re-sends the same edit; Telegram refuses it, and nothing is wrong. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes("message is not modified");
}
