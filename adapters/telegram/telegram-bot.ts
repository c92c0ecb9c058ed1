import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { ChatEvent } from "../../src/chat/chat-event.js";
import type { Reply } from "../../src/chat/reply.js";
import { fileTooLarge } from "../../src/documents/document-check.js";
import { localeFromTag } from "../../src/i18n/locale.js";
import { msg, translate } from "../../src/i18n/message.js";
import { errorSummary } from "../../src/logger.js";
import { isReviewChoice } from "../../src/review/review-desk.js";
import { TelegramDelivery } from "./telegram-delivery.js";
import type { AdapterOptions } from "../adapter-options.js";
import { FileTooLargeError } from "../http/read-at-most.js";
import { downloadFile } from "./telegram-files.js";
import { readUpdate, type TelegramInput } from "./telegram-updates.js";

export interface TelegramBotOptions extends AdapterOptions {
  token: string;
  apiRoot: string;
  /** Given in tests so the bot needs no `getMe` call. */
  botInfo?: UserFromGetMe;
}

/** How long a pressed button may spin before we answer it anyway (Telegram shows a spinner until then). */
const BUTTON_ANSWER_DEADLINE_MS = 2_000;

/**
 * The Telegram bot: updates → chat events → engine → replies in Telegram's
 * idiom. Updates of one chat are handled in order, chats concurrently, so a
 * slow download in one chat holds up no other.
 */
export function createTelegramBot(options: TelegramBotOptions): Bot {
  const { logger } = options;
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot }, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  // 429 "retry after N": wait and retry; also retries network failures and Telegram's 5xx.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  const delivery = new TelegramDelivery({ api: bot.api, cards: options.cards, documentPath: options.documentPath, logger });
  options.outbound.register("telegram", (to, reply) => delivery.send(to.chatId, reply));
  const fileUrl = (path: string) => `${options.apiRoot}/file/bot${options.token}/${path}`;

  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.use(async (ctx) => {
    const input = readUpdate(ctx.update, (chatId) => options.reviewers.isReviewRoom("telegram", chatId));
    const press = ctx.callbackQuery;
    let answered = !press;
    const answerNow = async (text?: string) => {
      if (answered) return;
      answered = true;
      await ctx.answerCallbackQuery(text ? { text, show_alert: true } : {}).catch((error: unknown) => {
        logger.warn({ platform: "telegram", error: errorSummary(error) }, "button press could not be answered");
      });
    };
    // A button stops spinning when answered: at once, unless a review action whose refusal goes in the answer.
    if (press && !(input?.content.kind === "choice" && isReviewChoice(input.content.choice))) await answerNow();
    const deadline = setTimeout(() => void answerNow(), BUTTON_ANSWER_DEADLINE_MS);
    try {
      if (input) await handle(input, answerNow);
    } finally {
      clearTimeout(deadline);
      await answerNow();
    }
  });

  async function handle(input: TelegramInput, answer: (text?: string) => Promise<void>): Promise<void> {
    const { chatId } = input.base;
    let replies: Reply[];
    try {
      replies = await options.engine.handle(await toChatEvent(input));
    } catch (error) {
      logger.error({ platform: "telegram", error: errorSummary(error) }, "update could not be handled");
      const locale = localeFromTag(input.base.locale, options.defaultLocale);
      await bot.api.sendMessage(chatId, translate(locale, msg("error.internal"))).catch(() => undefined);
      return;
    }
    const elsewhere: Reply[] = [];
    for (const reply of replies) {
      if (reply.to) elsewhere.push(reply);
      else if (reply.ephemeral && input.pressedMessageId !== undefined) await answer(translate(reply.locale, reply.body[0]!));
      else {
        await delivery.send(chatId, reply, input.pressedMessageId).catch((error: unknown) => {
          logger.warn({ platform: "telegram", error: errorSummary(error) }, "reply could not be sent");
        });
      }
    }
    await options.outbound.deliver(elsewhere);
  }

  /** Downloads a photo or document (size checked first) so the engine gets bytes, or the reason there are none. */
  async function toChatEvent(input: TelegramInput): Promise<ChatEvent> {
    const { content } = input;
    if (content.kind !== "telegramFile") return { ...input.base, ...content } as ChatEvent;
    const limit = options.maxFileBytes;
    if (content.size !== undefined && content.size > limit) {
      return { ...input.base, kind: "file", file: { name: content.name, problem: fileTooLarge(content.size, limit) } };
    }
    try {
      const bytes = await downloadFile(bot.api, fileUrl, content.fileId, limit);
      return { ...input.base, kind: "file", file: { name: content.name, bytes } };
    } catch (error) {
      if (error instanceof FileTooLargeError) {
        return { ...input.base, kind: "file", file: { name: content.name, problem: fileTooLarge(error.bytes, limit) } };
      }
      logger.warn({ platform: "telegram", error: errorSummary(error) }, "file download failed");
      return { ...input.base, kind: "file", file: { name: content.name, problem: { code: "unreadable" } } };
    }
  }

  bot.catch((error) => logger.error({ platform: "telegram", error: errorSummary(error.error) }, "update handling failed"));
  return bot;
}
