import type { ChatEvent, IncomingFile } from "../src/chat/chat-event.js";
import type { Reply } from "../src/chat/reply.js";
import { fileTooLarge } from "../src/documents/document-check.js";
import type { ProblemReport } from "../src/domain/document-rules.js";
import { localeFromTag } from "../src/i18n/locale.js";
import { msg, translate } from "../src/i18n/message.js";
import { errorSummary } from "../src/runtime/logger.js";
import type { AdapterOptions } from "./adapter-options.js";
import { FileTooLargeError } from "./http/read-at-most.js";

/** How one platform shows replies in the chat an event came from. */
export interface ChatDispatch {
  platform: ChatEvent["platform"];
  /**
   * Shows a reply in the event's own chat. `mayAnswer`: it is the event's last reply and nothing goes
   * elsewhere, so it may travel in the platform's answer to the delivery itself (Telegram's webhook);
   * resolves `true` when it did (anything else: it did not).
   */
  sendHere(reply: Reply, mayAnswer: boolean): Promise<unknown>;
  /**
   * When the last reply may travel in the answer: the replies as the platform shows them, those before
   * the last perhaps joined into it (one message taken with the answer is shown exactly once). Only a
   * suffix may be joined, so the replies before it keep their places for the confirmations.
   */
  joinIntoAnswer?(replies: Reply[]): Reply[];
  /** Sends a plain apology to the event's chat when the engine failed (best effort). */
  apologise(text: string): Promise<void>;
}

/**
 * The one path of every platform's chat event: the engine handles it; replies
 * for this chat are shown by the adapter, replies for other chats and
 * platforms go through `Outbound`. A failure is logged as a summary (SDK
 * errors carry message texts) and the user gets an apology, never silence.
 * Once the platform accepted the chat's replies the engine is told, so the
 * copy it kept for a redelivery after a crash is forgotten — except a reply
 * carried by the answer to the delivery: the platform takes it with the
 * answer or not at all, and a redelivery (the answer was lost) sends it again.
 *
 * Returns why a reply for this chat could not be sent (empty: all were; after a failure the
 * rest are held back): a platform that redelivers an update it was not answered for can be asked
 * to, and the engine then sends its kept copy — the replies not yet confirmed sent.
 */
export async function dispatchChatEvent(event: ChatEvent, options: AdapterOptions, dispatch: ChatDispatch): Promise<unknown[]> {
  const { logger } = options;
  let replies: Reply[];
  try {
    replies = await options.engine.handle(event);
  } catch (error) {
    logger.error({ platform: dispatch.platform, error: errorSummary(error) }, "event could not be handled");
    const text = translate(localeFromTag(event.locale, options.defaultLocale), msg("error.internal"));
    await dispatch.apologise(text).catch(() => undefined);
    return [];
  }
  const elsewhere = replies.filter((reply) => reply.to);
  const mine = replies.filter((reply) => !reply.to);
  const here = elsewhere.length === 0 && dispatch.joinIntoAnswer ? dispatch.joinIntoAnswer(mine) : mine;
  const unsent: unknown[] = [];
  let answered = false;
  for (const [index, reply] of here.entries()) {
    // After one failed, the rest wait too: shown before it, they would read out of order.
    if (unsent.length > 0) break;
    const last = index === here.length - 1;
    await dispatch.sendHere(reply, last && elsewhere.length === 0).then(
      // Each one accepted is confirmed at once (the last with the whole event, below): a crash before the next repeats none.
      (inAnswer) => {
        answered = inAnswer === true;
        if (!last) options.engine.repliesDelivered(event, index + 1);
      },
      (error: unknown) => {
        unsent.push(error);
        logger.warn({ platform: dispatch.platform, error: errorSummary(error) }, "reply could not be sent");
      },
    );
  }
  await options.outbound.deliver(elsewhere);
  // Accepted here: the engine's copy for a redelivery can go. (Messages for other chats are the outbox's, or best effort.)
  // One in the answer stays unconfirmed: the copy is kept for a redelivery, forgotten a day later (`KEPT_REPLIES_MS`).
  if (unsent.length === 0 && !answered) options.engine.repliesDelivered(event);
  return unsent;
}

/**
 * A downloaded file for the engine, or the reason there are no bytes: too large
 * (by its real size), a platform-specific problem (`problemOf`), or unreadable.
 */
export async function downloadedFile(
  name: string,
  download: () => Promise<Buffer>,
  options: Pick<AdapterOptions, "logger" | "maxFileBytes"> & {
    platform: ChatEvent["platform"];
    problemOf?: (error: unknown) => ProblemReport | null;
  },
): Promise<IncomingFile> {
  try {
    return { name, bytes: await download() };
  } catch (error) {
    if (error instanceof FileTooLargeError) return { name, problem: fileTooLarge(error.bytes, options.maxFileBytes) };
    options.logger.warn({ platform: options.platform, error: errorSummary(error) }, "file download failed");
    return { name, problem: options.problemOf?.(error) ?? { code: "unreadable" } };
  }
}
