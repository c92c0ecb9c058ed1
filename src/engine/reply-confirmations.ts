import type { ChatEvent } from "../chat/chat-event.js";
import type { ReplyConfirmation } from "../ports/conversation-store.js";
import type { Store } from "../ports/store.js";
import { errorSummary, type Logger } from "../runtime/logger.js";

/**
 * Events whose replies the platform accepted: their stored copies are forgotten at once. A crash
 * between the platform's acceptance and this write makes the redelivered update send the replies
 * again, so the write starts as soon as the confirmation arrives; those arriving while one is being
 * written go together in the next (under load they share a commit, as events do).
 */
export class ReplyConfirmations {
  private readonly waiting: ReplyConfirmation[] = [];
  private writing: Promise<void> | undefined;

  constructor(
    private readonly store: Pick<Store, "confirmReplies">,
    private readonly logger: Logger,
  ) {}

  /** All of the event's replies were accepted, or (`sent`) the first `sent` of those for its own chat. */
  add(event: Pick<ChatEvent, "platform" | "id">, sent?: number): void {
    this.waiting.push({ platform: event.platform, eventId: event.id, ...(sent === undefined ? {} : { sent }) });
    this.writing ??= this.writeWhileWaiting();
  }

  /** Resolves when every confirmation given so far is written (shutdown, tests). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeWhileWaiting(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0);
        await this.store
          .confirmReplies(batch)
          .catch((error: unknown) =>
            this.logger.warn({ error: errorSummary(error) }, "reply confirmations could not be written; a redelivery may repeat them"),
          );
      }
    } finally {
      this.writing = undefined;
    }
  }
}
