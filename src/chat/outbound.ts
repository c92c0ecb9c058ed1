import { errorSummary, type Logger } from "../logger.js";
import type { Platform } from "./chat-event.js";
import type { ChatAddress, Reply } from "./reply.js";

/** Delivers one message to a chat of the adapter's platform. */
export type ReplySender = (to: ChatAddress, reply: Reply) => Promise<void>;

/**
 * Routes messages addressed to other chats (review cards, a decision for a
 * user on another platform, scheduled reminders) to the adapter of their
 * platform. One failed delivery is logged and never stops the others.
 */
export class Outbound {
  private readonly senders = new Map<Platform, ReplySender>();

  constructor(private readonly logger: Logger) {}

  register(platform: Platform, sender: ReplySender): void {
    this.senders.set(platform, sender);
  }

  async deliver(replies: readonly Reply[]): Promise<void> {
    for (const reply of replies) {
      if (!reply.to) continue;
      const send = this.senders.get(reply.to.platform);
      if (!send) {
        this.logger.warn({ platform: reply.to.platform }, "no adapter runs for this platform; message not delivered");
        continue;
      }
      await send(reply.to, reply).catch((error: unknown) =>
        this.logger.error({ platform: reply.to!.platform, error: errorSummary(error) }, "delivering a message failed"),
      );
    }
  }
}
