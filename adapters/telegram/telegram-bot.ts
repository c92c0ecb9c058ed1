import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { type Api, Bot, type Context, GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { ChatEvent } from "../../src/chat/chat-event.js";
import type { Reply } from "../../src/chat/reply.js";
import { fileTooLarge } from "../../src/documents/document-check.js";
import { msg, translate } from "../../src/i18n/message.js";
import { isReviewButton } from "../../src/review/review-buttons.js";
import { AssistantError } from "../../src/runtime/errors.js";
import { errorSummary } from "../../src/runtime/logger.js";
import type { AdapterOptions } from "../adapter-options.js";
import { dispatchChatEvent, downloadedFile } from "../chat-dispatch.js";
import { joinIntoAnswer } from "./telegram-answer.js";
import { TelegramDelivery } from "./telegram-delivery.js";
import { downloadFile } from "./telegram-files.js";
import { readUpdate, type TelegramInput } from "./telegram-updates.js";

export interface TelegramBotOptions extends AdapterOptions {
  token: string;
  apiRoot: string;
  /** Given in tests so the bot needs no `getMe` call. */
  botInfo?: UserFromGetMe;
  /**
   * Webhook mode (`TELEGRAM_WEBHOOK_ANSWERS`, on by default): an update's last reply, when a plain message,
   * travels in the answer to the webhook's request — Telegram takes it with the answer or not at all, so a
   * crash can never show it twice. Telegram tells nothing of how it fared (a rate limit drops it unseen).
   */
  webhookAnswers?: boolean;
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
  // A Bot API call that hangs gives up after a minute (grammY waits 500 s); long polling asks for 30 s at most.
  const client = {
    apiRoot: options.apiRoot,
    timeoutSeconds: 60,
    // Only through the update's own `ctx.api`, which the delivery uses for an update's last plain message alone.
    canUseWebhookReply: (method: string) => options.webhookAnswers === true && method === "sendMessage",
  };
  const bot = new Bot(options.token, { client, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  // 429 "retry after N": wait and retry; also retries network failures and Telegram's 5xx.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  const delivery = new TelegramDelivery({ api: bot.api, cards: options.cards, readDocument: options.readDocument, logger });
  options.outbound.register("telegram", async (to, reply) => void (await delivery.send(to.chatId, reply)));
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
    if (press && !(input?.content.kind === "choice" && isReviewButton(input.content.choice))) await answerNow();
    const deadline = setTimeout(() => void answerNow(), BUTTON_ANSWER_DEADLINE_MS);
    try {
      if (input) await handle(input, answerNow, ctx.api);
    } finally {
      clearTimeout(deadline);
      await answerNow();
    }
  });

  /** `updateApi`: the update's own client, whose `sendMessage` may travel in the webhook's answer. */
  async function handle(input: TelegramInput, answer: (text?: string) => Promise<void>, updateApi: Api): Promise<void> {
    const { chatId } = input.base;
    const unsent = await dispatchChatEvent(await toChatEvent(input), options, {
      platform: "telegram",
      // A refusal for one person in the review group goes in the button's answer, not into the group.
      sendHere: (reply, mayAnswer) => {
        if (reply.privately && chatId !== input.base.userId) return sendPrivately(input.base.userId, reply, answer);
        return reply.ephemeral && input.pressedMessageId !== undefined
          ? answer(translate(reply.locale, reply.body[0]!))
          : delivery.send(chatId, reply, input.pressedMessageId, mayAnswer ? updateApi : undefined);
      },
      apologise: (text) => bot.api.sendMessage(chatId, text).then(() => undefined),
      ...(options.webhookAnswers ? { joinIntoAnswer } : {}),
    });
    // A reply Telegram may take later (rate limit, its own error, the network) fails the update: unanswered,
    // Telegram delivers it again and the engine sends the copy it kept. A refusal (403: the user blocked the bot) would fail again.
    if (unsent.some(mayPassLater)) throw new AssistantError("replies_not_sent", "replies not sent; the update is left for redelivery");
  }

  /**
   * Personal data asked for in the review group goes to the reviewer's private chat with the bot
   * (its id is theirs). A bot may not start that chat: if they never did, the button's alert says how.
   */
  async function sendPrivately(userId: string, reply: Reply, answer: (text?: string) => Promise<void>): Promise<void> {
    try {
      await delivery.send(userId, reply);
      await answer(translate(reply.locale, msg("review.open.sent")));
    } catch (error) {
      if (!(error instanceof GrammyError && error.error_code === 403)) throw error;
      await answer(translate(reply.locale, msg("review.open.startBot", { bot: bot.botInfo.username })));
    }
  }

  /** Downloads a photo or document (size checked first) so the engine gets bytes, or the reason there are none. */
  async function toChatEvent(input: TelegramInput): Promise<ChatEvent> {
    const { content } = input;
    if (content.kind !== "telegramFile") return { ...input.base, ...content } as ChatEvent;
    const limit = options.maxFileBytes;
    if (content.size !== undefined && content.size > limit) {
      return { ...input.base, kind: "file", file: { name: content.name, problem: fileTooLarge(content.size, limit) } };
    }
    const download = () => downloadFile(bot.api, fileUrl, content.fileId, limit);
    return { ...input.base, kind: "file", file: await downloadedFile(content.name, download, { ...options, platform: "telegram" }) };
  }

  /** Not a final refusal by Telegram: a rate limit, a server error, or no answer at all. */
  function mayPassLater(error: unknown): boolean {
    return !(error instanceof GrammyError) || error.error_code === 429 || error.error_code >= 500;
  }

  bot.catch((error) => logger.error({ platform: "telegram", error: errorSummary(error.error) }, "update handling failed"));
  return bot;
}
