import type { ChatEvent } from "../src/chat/chat-event.js";
import type { Outbound } from "../src/chat/outbound.js";
import type { Reply } from "../src/chat/reply.js";
import type { Locale } from "../src/i18n/locale.js";
import type { CardMessages } from "../src/ports/card-messages.js";
import type { Reviewers } from "../src/review/reviewers.js";
import type { Logger } from "../src/runtime/logger.js";

/** What every chat platform's adapter is given besides its own credentials. */
export interface AdapterOptions {
  engine: {
    handle(event: ChatEvent): Promise<Reply[]>;
    /**
     * The platform accepted every reply of this event: the copy kept for a redelivery is forgotten.
     * `sent`: only the first `sent` replies for the event's own chat so far.
     */
    repliesDelivered(event: ChatEvent, sent?: number): void;
  };
  reviewers: Reviewers;
  /** Where replies for other chats and platforms go; the adapter registers its own delivery here. */
  outbound: Outbound;
  cards: CardMessages;
  /** A stored document's bytes (opened from their encryption at rest), to show reviewers. */
  readDocument: (documentId: string) => Promise<Buffer>;
  /** Largest file downloaded for the document checks (bytes). */
  maxFileBytes: number;
  defaultLocale: Locale;
  logger: Logger;
}
