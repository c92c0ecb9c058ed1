import type { ChatEvent } from "../chat/chat-event.js";
import type { ReplyConfirmation } from "../ports/conversation-store.js";
import type { Store } from "../ports/store.js";
import { errorSummary, type Logger } from "../runtime/logger.js";

/** Resumed events remembered at most: each is forgotten once its replies are all sent. */
const MAX_RESUMED = 1_000;

/**
 * Events whose replies the platform accepted: their stored copies are forgotten at once. A crash
 * between the platform's acceptance and this write makes the redelivered update send the replies
 * again, so the write starts as soon as the confirmation arrives; those arriving while one is being
 * written go together in the next (under load they share a commit, as events do).
 */
export class ReplyConfirmations {
  private readonly waiting: ReplyConfirmation[] = [];
  /** Redelivered events whose first delivery sent some of their own chat's replies: how many (bounded: a few at a time). */
  private readonly resumedAt = new Map<string, number>();
  private writing: Promise<void> | undefined;

  constructor(
    private readonly store: Pick<Store, "confirmReplies">,
    private readonly logger: Logger,
  ) {}

  /** A redelivered event's replies are sent from where its first delivery stopped: its counts start there. */
  resume(event: Pick<ChatEvent, "platform" | "id">, sent: number): void {
    if (sent === 0) return;
    if (this.resumedAt.size >= MAX_RESUMED) this.resumedAt.delete(this.resumedAt.keys().next().value!);
    this.resumedAt.set(`${event.platform}:${event.id}`, sent);
  }

  /** All of the event's replies were accepted, or (`sent`) the first `sent` of those for its own chat. */
  add(event: Pick<ChatEvent, "platform" | "id">, sent?: number): void {
    const key = `${event.platform}:${event.id}`;
    const offset = this.resumedAt.get(key) ?? 0;
    if (sent === undefined) this.resumedAt.delete(key);
    this.waiting.push({ platform: event.platform, eventId: event.id, ...(sent === undefined ? {} : { sent: offset + sent }) });
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
