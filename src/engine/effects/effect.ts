import type { CheckedUpload, ConversationEvent, ConversationOutput } from "../../../machines/conversation.events.js";
import type { ChatEvent } from "../../chat/chat-event.js";
import type { Reply } from "../../chat/reply.js";
import type { DocumentStore } from "../../documents/document-store.js";
import type { LifecycleStatus } from "../../domain/application.js";
import type { Channel } from "../../domain/delivery.js";
import type { Locale } from "../../i18n/locale.js";
import type { SmsSender } from "../../notifications/sms-sender.js";
import type { EmailSender } from "../../notifications/smtp-email-sender.js";
import type { StoredUser } from "../../ports/conversation-store.js";
import type { Store, StoreTransaction } from "../../ports/store.js";
import type { Reviewers } from "../../review/reviewers.js";
import type { Logger } from "../../runtime/logger.js";
import type { EventStamp } from "../to-machine-event.js";

/** An effect the conversation machine asks for: every output that is not a reply or a prompt. */
export type Effect = Exclude<ConversationOutput, { type: "reply" | "prompt" }>;
export type EffectType = Effect["type"];

/** The events that report an effect's result back to the conversation (stamped by the engine). */
export type ResultEvent = DistributiveOmit<
  Extract<
    ConversationEvent,
    {
      type:
        | "code.sent"
        | "code.refused"
        | "application.submitted"
        | "resubmission.ready"
        | "info.ready"
        | "application.infoProvided"
        | "application.withdrawn"
        | "application.changeRefused"
        | "contact.updated"
        | "support.requested"
        | "faq.missNoted"
        | "notification.resent"
        | "notification.resendRefused"
        | "application.held"
        | "privacy.proofSent"
        | "privacy.proofSkipped"
        | "privacy.proofRefused"
        | "privacy.erased"
        | "privacy.eraseRefused";
    }
  >,
  keyof EventStamp
>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An upload checked before the transaction, with the bytes to keep if the conversation accepts it. */
export interface PreparedUpload {
  upload: CheckedUpload;
  /** `ownerId`: whose photos they are (their id names them, their key seals them). */
  accepted: { keep: Buffer; preview: Buffer; ownerId: string } | null;
}

/** What the effect handlers share with the engine: its parts and settings. */
export interface EffectDependencies {
  /** For work after the event's commit (deleting an erased user's files). */
  store: Pick<Store, "exclusiveTransaction" | "forgetErased">;
  documents: DocumentStore;
  sms: SmsSender;
  /** Where email is configured: the proof codes before an export or erasure go by email when SMS cannot. */
  email?: EmailSender;
  logger: Logger;
  reviewers: Reviewers;
  /** Review cards' language (`REVIEW_LOCALE`). */
  reviewLocale: Locale;
  timeZone: string;
  holidays: ReadonlySet<string>;
  channels: readonly Channel[];
  newReference: () => string;
  newCode: () => string;
  /** Whether SMS can be sent at all. */
  smsAvailable: boolean;
  /** Keys one-time codes and the code ledger's phone hashes (derived from the data-encryption key). */
  codeKey: Buffer;
}

/** One event's transaction, as an effect handler sees it. */
export interface EffectContext {
  deps: EffectDependencies;
  tx: StoreTransaction;
  event: ChatEvent;
  user: StoredUser;
  now: Date;
  upload: PreparedUpload | undefined;
  /** Work that must wait until the transaction has committed (messages to the outside world). */
  afterCommit: Array<() => Promise<void>>;
  /** Messages for other chats (review cards, notifications sent live). */
  outgoing: Reply[];
  locale: Locale;
}

/** Performs one effect inside the event's transaction; returns the event that reports its result, if any. */
export type EffectHandler<T extends EffectType> = (effect: Extract<Effect, { type: T }>, ctx: EffectContext) => Promise<ResultEvent | null>;

/** `status` is null when the application is not (or no longer) the user's to change. */
export function refused(reference: string, status: LifecycleStatus | undefined): ResultEvent {
  return { type: "application.changeRefused", reference, status: status ?? null };
}
