import type { ChatAddress, Platform } from "../domain/platform.js";
import { AssistantError } from "../runtime/errors.js";
import { errorSummary, type Logger } from "../runtime/logger.js";
import type { Reply } from "./reply.js";

/** Delivers one message to a chat of the adapter's platform. */
export type ReplySender = (to: ChatAddress, reply: Reply) => Promise<void>;

/** Told how a notification's chat message fared (the outbox records it). */
export interface DeliveryOutcomes {
  sent(notificationId: string): Promise<void>;
  failed(notificationId: string, reason: string): Promise<void>;
}

/**
 * Routes messages addressed to other chats (review cards, a decision for a
 * user on another platform, scheduled reminders) to the adapter of their
 * platform. One failed delivery is logged and never stops the others; the
 * outcome of each notification is reported.
 */
export class Outbound {
  private readonly senders = new Map<Platform, ReplySender>();

  constructor(
    private readonly logger: Logger,
    private readonly outcomes?: DeliveryOutcomes,
  ) {}

  register(platform: Platform, sender: ReplySender): void {
    this.senders.set(platform, sender);
  }

  async deliver(replies: readonly Reply[]): Promise<void> {
    for (const reply of replies) {
      if (!reply.to) continue;
      const error = await this.send(reply as Reply & { to: ChatAddress }).then(
        () => null,
        (failure: unknown) => failure ?? new Error("unknown failure"),
      );
      if (error) this.logger.error({ platform: reply.to.platform, error: errorSummary(error) }, "delivering a message failed");
      if (!reply.notificationId || !this.outcomes) continue;
      // Recorded apart from the send: a failure to record "sent" must not be taken for a failed send (and resent).
      const recorded = error ? this.outcomes.failed(reply.notificationId, errorSummary(error)) : this.outcomes.sent(reply.notificationId);
      await recorded.catch((failure: unknown) =>
        this.logger.error({ error: errorSummary(failure) }, "a notification's outcome could not be recorded"),
      );
    }
  }

  /** Sends one message; throws when its platform has no adapter here or the platform refused it. */
  async send(reply: Reply & { to: ChatAddress }): Promise<void> {
    const send = this.senders.get(reply.to.platform);
    if (!send) throw new AssistantError("no_adapter", `no adapter runs for ${reply.to.platform} in this process`);
    await send(reply.to, reply);
  }
}
