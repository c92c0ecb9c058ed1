import type { Draft, LifecycleStatus, Step, StoredDocument } from "../src/domain/application.js";
import type { Choice } from "../src/domain/choice.js";
import type { Channel, DeliveryState } from "../src/domain/delivery.js";
import type { DocumentRead } from "../src/domain/document-read.js";
import type { ProblemReport } from "../src/domain/document-rules.js";
import type { FaqMissOutcome, FaqTopic } from "../src/domain/faq-topics.js";
import type { IssuedCode } from "../src/domain/one-time-code.js";
import type { RetentionPolicy } from "../src/domain/retention-policy.js";
import type { SmallTalk } from "../src/domain/small-talk.js";
import type { UserRecord } from "../src/domain/user-record.js";
import type { Locale } from "../src/i18n/locale.js";
import type { Message } from "../src/i18n/message.js";
import type { ChoiceId } from "./conversation.choices.js";

/** Every event carries the engine's clock and the user's current record, so the machine stays pure. */
export interface Stamped {
  now: number;
  record: UserRecord;
  /** How users reach human support (configuration), for the messages that send them there. */
  supportContact: string;
  /** Business days within which support answers a request (`SUPPORT_ANSWER_DAYS`, default 1). */
  supportAnswerDays?: number;
  /** Whether SMS can be sent (a provider is configured): without it the phone method is not offered. */
  smsAvailable: boolean;
  /** How long data is kept, for the privacy answer. */
  retention: RetentionPolicy;
  /** The service's time zone (`TIMEZONE`): every date and time a user reads is in it. */
  timeZone: string;
  /** The channels results are sent on (chat always; email and SMS where configured): the only ones a text may promise. */
  resultChannels: readonly Channel[];
  /** `OFFICIAL_CHANNELS`: where the platform publishes announcements (free text); unset, nothing is said about them. */
  officialChannels?: string;
  /** The user also reviews applications: the help names the reviewers' commands too. */
  reviewer?: boolean;
  /** The user's request to the team still waiting for its answer — read for /status only (ISO `since`). */
  waitingSupport?: { reference: string; since: string };
}

export type UnusableReason = "empty" | "too_long" | "unsupported";
export interface ContactDetails {
  email?: string;
  phone?: string;
  /** How our last notification fared on each channel, and when it was created. */
  lastDeliveries?: DeliveryState[];
  lastAt?: string;
}

/** An uploaded file after the document checks; `document` is set only when it passed. */
export interface CheckedUpload {
  document?: StoredDocument;
  problems: ProblemReport[];
  /** What was read on the photo, when reading finished in time for the reply (see `document.read` otherwise). */
  read?: DocumentRead;
}

export type ConversationEvent = Stamped &
  /**
   * `faq` is the closest FAQ topic, when the text reads like one of its questions; `contact` is
   * the email and phone of the user's latest application, attached for "notification-missing".
   */
  (
    | {
        type: "user.text";
        text: string;
        /** `alternative`: a second topic too close to call; `locale`: the language the question is written in, when clear. */
        faq?: { topic: FaqTopic; confidence: number; alternative?: FaqTopic; locale?: Locale };
        /** No topic matched well enough: the most likely ones, best first, to offer as buttons. */
        likelyTopics?: FaqTopic[];
        /** A greeting, thanks or goodbye and nothing else. */
        smallTalk?: SmallTalk;
        contact?: ContactDetails;
        /** While a code is pending: the keyed digest of this text under the code's salt (the engine holds the key). */
        codeDigest?: string;
      }
    | { type: `choice.${ChoiceId}` }
    | { type: "user.file"; upload: CheckedUpload }
    /** The read of an accepted photo, finished after the photo's reply was sent; the user may have moved on since. */
    | { type: "document.read"; documentId: string; read: DocumentRead }
    | { type: "user.contact"; phone: string; ownNumber: boolean }
    | { type: "user.unusable"; reason: UnusableReason }
    | { type: "cmd.start" | "cmd.cancel" | "cmd.back" | "cmd.help" | "cmd.status" | "cmd.privacy" | "cmd.restart" }
    /** `locale`: the one named (none: the other one); `unsupported`: a language named that we don't speak. */
    | { type: "cmd.lang"; locale?: Locale; unsupported?: true }
    | { type: "cmd.unknown"; command: string }
    /** Results of effects the engine performed. */
    /** `resent`: the user asked for it (they are told it went out). */
    | { type: "code.sent"; issued: IssuedCode; resent?: boolean }
    /**
     * No code was sent (no SMS provider; 5 codes to this number or 10 for this user in 24 h), or the
     * number is locked after 10 wrong codes in 24 h; `until` (epoch ms) is when the limit lifts.
     */
    | { type: "code.refused"; reason: "unavailable" | "phone_limit" | "user_limit" | "locked"; until: number | null }
    | { type: "application.submitted"; reference: string; expectedBy: string }
    /**
     * A new attempt based on an earlier application: after a rejection, without the answers it
     * flagged; after approval, without the legal representative (a re-verification).
     */
    | { type: "resubmission.ready"; draft: Draft; previousReference: string; why: "rejected" | "legal_rep_change" }
    | { type: "contact.updated"; field: "email" | "phone" }
    /** Maintenance: the submission waits (draft kept) until `until`; `note` is the operator's, per language. */
    /** `until`: when maintenance is expected to end (ISO instant). */
    | { type: "application.held"; until: string; note: { zh?: string; en?: string } }
    /** The last notification was queued again; `channels` it goes to. */
    | { type: "notification.resent"; channels: Channel[] }
    /** The hourly resend limit is reached until `until` (epoch ms); or there is nothing to resend. */
    | { type: "notification.resendRefused"; until: number | null }
    /**
     * `new`: a request recorded; `added`: the message added to the user's request still waiting for the team;
     * `waiting`: that request waits, and there was no message to add.
     */
    | { type: "support.requested"; reference: string; outcome: "new" | "added" | "waiting" }
    /** A question the FAQ missed was kept, under this id (its topic is noted if the user then picks one). */
    | { type: "faq.missNoted"; id: string }
    /** The application's answers, without the items reviewers asked for again. */
    | { type: "info.ready"; draft: Draft; reference: string; items: Step[] }
    | { type: "application.infoProvided"; reference: string }
    | { type: "application.withdrawn"; reference: string }
    /** A one-time code proving who asks went to the registered `to` (masked), for `action`. */
    | { type: "privacy.proofSent"; action: PrivacyAction; issued: IssuedCode; to: string }
    /** No email or SMS channel reaches the user: the chat account is all there is to prove. */
    | { type: "privacy.proofSkipped"; action: PrivacyAction }
    /** The 24-hour code limits of the address or user are reached until `until` (epoch ms). */
    | { type: "privacy.proofRefused"; until: number }
    /** The user's personal data was erased at their request. */
    | { type: "privacy.erased" }
    /** Erasure refused: `reference` is still being decided (withdraw it first). */
    | { type: "privacy.eraseRefused"; reference: string }
    /** The change was no longer possible (a reviewer decided meanwhile). */
    | { type: "application.changeRefused"; reference: string; status: LifecycleStatus | null }
  );

/** What the machine asks of the world: replies to show and effects for the engine to perform. */
export type ConversationOutput =
  | { type: "reply"; body: Message[]; choices?: Choice[]; locale?: Locale }
  /** Ask the pending question; the engine renders it once, from the final state. */
  | { type: "prompt" }
  /** `resend`: the user asked for another code, and is told once it is sent. */
  | { type: "effect.sendCode"; phone: string; resend?: boolean }
  /** A wrong code was typed for `phone`: counted toward the number's 24-hour lock. */
  | { type: "effect.recordWrongCode"; phone: string }
  | { type: "effect.keepDocument"; documentId: string }
  | { type: "effect.submit"; draft: Draft; previousReference?: string }
  | { type: "effect.prepareResubmission"; reference: string; why: "rejected" | "legal_rep_change" }
  | { type: "effect.updateContact"; field: "email" | "phone"; value: string }
  /** Records a request for human support (with the question we could not answer, if any). */
  | { type: "effect.requestSupport"; question?: string }
  /** Keeps a question the FAQ missed (no topic, too close to call, a 👎) for operators to learn from. */
  | { type: "effect.noteFaqMiss"; question: string; outcome: FaqMissOutcome; topic?: FaqTopic }
  /** The topic the user picked after a miss. */
  | { type: "effect.settleFaqMiss"; id: string; topic: FaqTopic }
  | { type: "effect.prepareInfo"; reference: string }
  | { type: "effect.provideInfo"; reference: string; draft: Draft }
  | { type: "effect.withdraw"; reference: string }
  /** Queues the user's last notification again, to their current contact details (rate-limited). */
  | { type: "effect.resendNotification" }
  /** The draft was discarded (start over): its photos are deleted after the commit, unless something else refers to them. */
  | { type: "effect.discardDraft"; documentIds: string[] }
  /** A fresh one-time code to the registered email or phone before `action` (issue 28 §15). */
  | { type: "effect.privacyProof"; action: PrivacyAction; email?: string; phone?: string }
  /** Sends the user a file of everything held about them. */
  | { type: "effect.exportData" }
  /** Erases the user's personal data (refused while an application is being decided). */
  | { type: "effect.eraseData" };

/** What a user may ask about their own data; each needs a fresh proof where email or SMS reaches them. */
export type PrivacyAction = "export" | "erase";

export interface ConversationContext {
  locale: Locale;
  draft: Draft;
  /** The one-time code pending: the phone's being confirmed, or the proof of who asks for `proving`. */
  code?: IssuedCode;
  /** What the pending code, once typed, allows: export or erase the user's data. */
  proving?: PrivacyAction;
  /** The rejected application the draft resubmits. */
  resubmitting?: string;
  /** The application whose requested information the draft provides. */
  providingInfo?: string;
  /** While providing information: the items reviewers asked for, the only ones that may change. */
  requestedItems?: Step[];
  /** The application the user is asked to confirm withdrawing. */
  withdrawing?: string;
  /** A verified user's new phone number, waiting for its one-time code. */
  pendingPhone?: string;
  /** The last question the FAQ could not answer, handed to support if the user asks for a person. */
  unansweredQuestion?: string;
  /** The question the last FAQ answer was for, so a 👎 keeps it with its topic. */
  lastFaqQuestion?: string;
  /** The miss just kept (no topic, "Did you mean"): the topic the user picks next is noted with it. */
  faqMiss?: string;
}

export interface ConversationInput {
  locale: Locale;
  draft: Draft;
}
