import type { DocumentCheck } from "../documents/document-check.js";
import type { ReadDocument } from "../documents/document-reader.js";
import type { DocumentStore } from "../documents/document-store.js";
import type { Channel } from "../domain/delivery.js";
import type { RetentionPolicy } from "../domain/retention-policy.js";
import type { ReviewPolicy } from "../domain/review-policy.js";
import type { Locale } from "../i18n/locale.js";
import type { SmsSender } from "../notifications/sms-sender.js";
import type { EmailSender } from "../notifications/smtp-email-sender.js";
import type { Store } from "../ports/store.js";
import type { Reviewers } from "../review/reviewers.js";
import type { Logger } from "../runtime/logger.js";
import type { Metrics } from "../runtime/metrics.js";

/** What the engine is built from: its settings, and the parts it works with. */

export interface EngineSettings {
  defaultLocale: Locale;
  /** `REVIEW_LOCALE`: review cards in shared rooms (default `defaultLocale`). */
  reviewLocale?: Locale;
  timeZone: string;
  holidays: ReadonlySet<string>;
  supportContact: string;
  /** Business days within which support answers a chat's request (default 1). */
  supportAnswerDays?: number;
  /** Where the platform publishes announcements (`OFFICIAL_CHANNELS`); unset, nothing is said about them. */
  officialChannels?: string | undefined;
  /** Notification channels in use (chat always); default chat only. */
  notifyChannels?: readonly Channel[];
  /** Whether SMS can be sent at all (default yes): without it the phone method is not offered and no code is sent. */
  smsAvailable?: boolean;
  /** How long personal data is kept (default 90 and 30 days), for what users are told. */
  retention?: RetentionPolicy;
  /** Four eyes and claims (default: enterprise approvals take two reviewers; claims hold 30 minutes). */
  review?: ReviewPolicy;
  /** How long a photo's reply waits for its read before the read becomes a follow-up (default 2 s). */
  readWaitMs?: number;
  /** How long a chat's next event waits for that chat's reads still running, so their findings come first (default 5 s). */
  nextEventReadWaitMs?: number;
}

export interface EngineDependencies {
  store: Store;
  documents: DocumentStore;
  checkDocument: DocumentCheck;
  /** Reads accepted photos (OCR) to compare them with the answers; none: photos are not read. */
  readDocument?: ReadDocument;
  sms: SmsSender;
  /** Where email is configured (SMTP, results by email): proof codes go by email when SMS cannot. */
  email?: EmailSender;
  logger: Logger;
  settings: EngineSettings;
  /** Who decides applications and where their cards go; none by default. */
  reviewers?: Reviewers;
  clock?: () => Date;
  /** Injected in tests to force reference collisions, and for golden transcripts. */
  newReference?: () => string;
  /** One-time codes; injected only for golden transcripts, which must read the same on every run. */
  newCode?: () => string;
  /** Keys one-time codes and their ledger (`oneTimeCodeKey`, the same across data-key rotations): never in a snapshot, never the machine's. */
  codeKey: Buffer;
  /** Counts updates, their latency, document problems, FAQ answers and reviewers' decisions; none by default. */
  metrics?: Metrics;
}
