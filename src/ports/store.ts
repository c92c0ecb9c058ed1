import type { Platform } from "../domain/platform.js";
import type { UserKey } from "../domain/sealing.js";
import type { AccountStatus, ApplicationHistory } from "../domain/user-record.js";
import type { AnnouncementStore } from "./announcement-store.js";
import type { ApplicationStore } from "./application-store.js";
import type { AuditStore } from "./audit-store.js";
import type { CardMessages } from "./card-messages.js";
import type { ConversationStore, ReplyConfirmation } from "./conversation-store.js";
import type { EscalationStore } from "./escalation-store.js";
import type { FaqLearningStore, FaqMissWriter } from "./faq-learning-store.js";
import type { SealedColumns } from "./key-rotation.js";
import type { Leases } from "./leases.js";
import type { Locks } from "./locks.js";
import type { MaintenanceStore } from "./maintenance-store.js";
import type { OneTimeCodeLedger } from "./one-time-code-ledger.js";
import type { OperatorStore } from "./operator-store.js";
import type { Outbox, OutboxWriter } from "./outbox.js";
import type { PrivacyStore } from "./privacy-store.js";
import type { ReviewSessionStore } from "./review-session-store.js";
import type { ReviewerNameStore } from "./reviewer-name-store.js";
import type { SupportStore } from "./support-store.js";
import type { DocumentKeys, UserKeyStore } from "./user-keys.js";
import type { WebhookEventWriter, WebhookOutbox } from "./webhook-outbox.js";

/**
 * Everything one transaction can do: the intersection of the store's roles.
 * Consumers name only the roles they use (`ApplicationStore & AuditStore`…);
 * everything done through one transaction commits together or not at all.
 */
export type StoreTransaction = ConversationStore &
  ApplicationStore &
  ReviewSessionStore &
  ReviewerNameStore &
  OutboxWriter &
  SupportStore &
  FaqMissWriter &
  AuditStore &
  EscalationStore &
  OneTimeCodeLedger &
  MaintenanceStore &
  PrivacyStore &
  Locks &
  WebhookEventWriter &
  UserKeyStore;

export interface StoreReadiness {
  database: "ok" | "unreachable";
  /** Migrations not applied yet (empty when current; unknown while unreachable). */
  pendingMigrations: string[];
}

/**
 * What the application needs from persistence, declared here so the core does
 * not depend on Kysely; `db/sql-store.ts` implements it.
 */
export interface Store {
  /**
   * A chat event's transaction: concurrent chats may share a commit, each still all-or-nothing.
   * `chat`: the chat whose event it handles; the transaction holds that chat's lock from its start, so
   * two instances with updates of one chat take turns and each reads what the other committed.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, options?: { chat?: { platform: Platform; chatId: string } }): Promise<T>;
  /**
   * A transaction outside the chat path (an operator, another process): re-run
   * from the start when another process committed in between.
   */
  exclusiveTransaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /**
   * The state a chat's conversation rests in (e.g. "idFront") and whose it is, or null: read outside
   * any transaction, before an upload is checked.
   */
  conversationState(platform: Platform, chatId: string): Promise<{ state: string; userId: string } | null>;
  /** A platform user's account status and applications (newest first); null when they never wrote to us. */
  findUser(platform: Platform, platformUserId: string): Promise<{ account: AccountStatus; history: ApplicationHistory } | null>;
  /** The outbox's delivery states (notifications are written inside transactions). */
  outbox(): Outbox;
  /** The webhook queue: the sender's and operators' view (events are queued inside transactions). */
  webhooks(): WebhookOutbox;
  /** Where review cards were posted, for adapters that edit them. */
  cardMessages(): CardMessages;
  operator(): OperatorStore & MaintenanceStore;
  announcements(): AnnouncementStore;
  /** What the FAQ missed and the phrasings operators taught. */
  faqLearning(): FaqLearningStore;
  /**
   * After an erasure: old copies of changed pages leave the write-ahead log (SQLite's WAL is
   * checkpointed and truncated), so nothing erased can be read back from it.
   */
  forgetErased(): Promise<void>;
  /**
   * The platform accepted these events' replies: their kept copies are forgotten, as soon as the database
   * allows; those confirmed in part keep only what is still unsent.
   */
  confirmReplies(confirmations: readonly ReplyConfirmation[]): Promise<void>;
  /** Jobs only one instance may do at a time. */
  leases(): Leases;
  /** Whether the database answers and has every migration this code expects (`GET /readyz`). */
  readiness(): Promise<StoreReadiness>;
  /** Users' keys outside a transaction, and the keys documents name. */
  userKey(userId: string): Promise<UserKey>;
  documentKeys(): DocumentKeys;
  /** The sealed columns, for key rotation. */
  sealedColumns(): SealedColumns;
  close(): Promise<void>;
}
