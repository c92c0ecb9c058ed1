import type { Draft } from "../domain/application.js";
import type { IsoDate } from "../domain/business-days.js";
import type { AccountStatus, UserRecord } from "../domain/user-record.js";
import type { Platform, Workspace } from "../chat/chat-event.js";
import type { NewNotification, NotificationContent, NotificationKind, NotificationSummary } from "../notifications/notification.js";
import type { ChatAddress } from "../chat/reply.js";
import type { ApplicationForReview, ChangeResult, LifecycleChange, ReviewSession } from "../review/review-port.js";

/**
 * What the engine needs from persistence, declared here so the core does not
 * depend on Kysely; `db/sql-store.ts` implements it for SQLite (and later
 * PostgreSQL). Everything done through one `StoreTransaction` commits
 * together or not at all.
 */
export interface Store {
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** The status view the CLI and support staff see; null when the platform user never wrote to us. */
  findUserRecord(platform: Platform, platformUserId: string, today: IsoDate): Promise<UserRecord | null>;
  close(): Promise<void>;
}

export interface ChatKey {
  platform: Platform;
  chatId: string;
  platformUserId: string;
}

export interface OpenedChat {
  user: StoredUser;
  conversation: StoredConversation | null;
}

export interface StoredUser {
  id: string;
  locale: string;
  account: AccountStatus;
}

export interface StoredConversation {
  machineVersion: number;
  snapshot: unknown;
}

export interface NewSubmission {
  userId: string;
  draft: Draft;
  reference: string;
  submittedAt: Date;
  expectedBy: IsoDate;
  remindReviewersAt: Date;
  actor: string;
  platform: Platform;
  /** The rejected application this one resubmits. */
  previousReference?: string;
  workspace?: Workspace;
}

export interface NewSupportRequest {
  reference: string;
  userId: string;
  platform: Platform;
  platformUserId: string;
  /** The question the assistant could not answer, if the request followed one. */
  question: string | null;
  at: Date;
}

/** A maintenance window: new submissions are held until `until` (ISO time); `note` is the operator's message per language. */
export interface Maintenance {
  until: string;
  note: { zh?: string; en?: string };
}

/** A draft whose submission was held during maintenance, with what its submission would have carried. */
export interface HeldDraft {
  userId: string;
  draft: Draft;
  platform: Platform;
  previousReference?: string;
  workspace?: Workspace;
}

export interface StoreTransaction {
  /** The maintenance window in force at `now`, if any. */
  maintenance(now: Date): Promise<Maintenance | null>;
  /** Saves the draft and marks it held: it is submitted when maintenance ends. */
  holdDraft(held: HeldDraft, at: Date): Promise<void>;
  /** Drafts held during maintenance, oldest first. */
  heldDrafts(): Promise<HeldDraft[]>;
  /** Forgets event ids recorded before `before`: redeliveries come within hours, not weeks. Returns how many. */
  pruneProcessedEvents(before: Date): Promise<number>;
  /** Records the platform event id; false when it was recorded before (a redelivery). */
  markEventProcessed(platform: Platform, eventId: string, at: Date): Promise<boolean>;
  /**
   * The user behind a platform account (created on first contact with `locale`)
   * and the chat's stored conversation, in one round trip: every event needs both.
   */
  openChat(chat: ChatKey, locale: string, at: Date): Promise<OpenedChat>;
  setUserLocale(userId: string, locale: string): Promise<void>;
  loadUserRecord(user: StoredUser, today: IsoDate): Promise<UserRecord>;
  saveConversation(platform: Platform, chatId: string, userId: string, conversation: StoredConversation, at: Date): Promise<void>;
  loadDraft(userId: string): Promise<Draft | null>;
  /** Replaces the user's draft; an empty draft removes it. */
  saveDraft(userId: string, draft: Draft, at: Date): Promise<void>;
  /** Whether an application or a support request already uses this reference code. */
  isReferenceTaken(reference: string): Promise<boolean>;
  /** Turns the draft into a submitted application and writes the audit entry. */
  submitApplication(submission: NewSubmission): Promise<void>;
  changeApplication(change: LifecycleChange): Promise<ChangeResult>;
  /** Updates the email or phone of the user's latest submitted application (where results are sent); audited. */
  updateContactDetails(
    userId: string,
    field: "email" | "phone",
    value: string,
    actor: string,
    platform: Platform,
    at: Date,
  ): Promise<boolean>;
  /** Replaces a submitted application's answers and documents (when the user provides requested information). */
  updateApplicationDetails(reference: string, draft: Draft, at: Date): Promise<void>;
  loadApplication(reference: string): Promise<ApplicationForReview | null>;
  /** Where and in which language to tell a user about their application: their most recent chat. */
  applicantChat(userId: string): Promise<{ address: ChatAddress | null; locale: string } | null>;
  loadReviewSession(reviewer: ChatAddress): Promise<ReviewSession | null>;
  saveReviewSession(reviewer: ChatAddress, session: ReviewSession | null, at: Date): Promise<void>;
  /** Submitted applications whose reviewer reminder is due and not yet sent; marks them reminded. */
  takeDueReviewerReminders(now: Date): Promise<ApplicationForReview[]>;
  /** Submitted applications past their expected date whose user was not yet told; marks them told. */
  takeOverdueNotices(today: IsoDate, now: Date): Promise<ApplicationForReview[]>;
  /** The email and phone of the user's latest submitted application (where notifications go). */
  latestContactDetails(userId: string): Promise<{ email?: string; phone?: string } | null>;
  /** The user's most recent notification (not counting announcements) with its deliveries, to explain or resend it. */
  latestNotification(userId: string): Promise<(NotificationSummary & { content: NotificationContent }) | null>;
  /** When the user's notifications of a kind were created since `since` (the resend limit). */
  notificationTimesSince(userId: string, kind: NotificationKind, since: Date): Promise<Date[]>;
  /** Writes a notification and its deliveries to the outbox; null when it exists already (an announcement resumed). */
  enqueueNotification(notification: NewNotification): Promise<string | null>;
  /** A request for a person: visible to reviewers with `cli support list`. */
  recordSupportRequest(request: NewSupportRequest): Promise<void>;
  /** Audits an action that changes no status: a refused attempt, a reviewer revealing ID numbers. */
  auditWithoutChange(reference: string, actor: string, platform: Platform, reason: string, at: Date): Promise<void>;
}
