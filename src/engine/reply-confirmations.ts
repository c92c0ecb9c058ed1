import type { ChatEvent } from "../chat/chat-event.js";
import type { Store } from "../ports/store.js";
import { errorSummary, type Logger } from "../runtime/logger.js";

/** Confirmations wait at most this long to be written together. */
const FLUSH_MS = 1_000;

/**
 * Events whose replies the platform accepted: their stored copies are forgotten. Batched — written
 * with the next flush, within a second — so confirming costs no commit of its own per event.
 */
export class ReplyConfirmations {
  private readonly waiting: Array<{ platform: ChatEvent["platform"]; eventId: string }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Pick<Store, "transaction">,
    private readonly logger: Logger,
  ) {}

  add(event: Pick<ChatEvent, "platform" | "id">): void {
    this.waiting.push({ platform: event.platform, eventId: event.id });
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) =>
        this.logger.warn({ error: errorSummary(error) }, "reply confirmations could not be written; a redelivery may repeat them"),
      );
    }, FLUSH_MS);
    this.timer.unref();
  }

  /** Writes the confirmations waiting (also on shutdown). */
  async flush(): Promise<void> {
    const batch = this.waiting.splice(0);
    if (batch.length > 0) await this.store.transaction((tx) => tx.confirmReplies(batch));
  }
}
