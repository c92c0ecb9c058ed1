import type { LifecycleEvent, LifecycleStatus } from "../../machines/application-lifecycle.machine.js";
import type { Draft, Method, Step } from "../domain/application.js";
import type { IsoDate } from "../domain/business-days.js";
import type { RejectionReason } from "../domain/rejection-reasons.js";
import type { AccountStatus } from "../domain/user-record.js";
import type { Platform, Workspace } from "../chat/chat-event.js";

/** One change to a submitted application, by a reviewer, the user or an operator. */
export interface LifecycleChange {
  reference: string;
  event: LifecycleEvent;
  /** As written to the audit log: "reviewer:console:reviewer", "user:telegram:42", "operator:cli". */
  actor: string;
  /** The platform of the actor, for the audit log. */
  platform?: Platform;
  /** A reviewer's platform account, so nobody decides their own application. */
  actorIdentity?: { platform: Platform; userId: string };
  at: Date;
  reasons?: RejectionReason[];
  note?: string;
  items?: Step[];
}

export type ChangeResult =
  | { ok: true; from: LifecycleStatus; to: LifecycleStatus }
  | { ok: false; problem: "not_found" }
  | { ok: false; problem: "own_application" }
  /** Not allowed in the current status; `lastChange` says who got there first, and when. */
  | { ok: false; problem: "not_allowed"; status: LifecycleStatus; lastChange: { actor: string; at: string } | null };

/** What a review card and a decision message need to know about one application. */
export interface ApplicationForReview {
  reference: string;
  /** Set when this application resubmits a rejected one. */
  previousApplicationId: string | null;
  userId: string;
  status: LifecycleStatus;
  draft: Draft;
  submittedAt: string;
  expectedBy: IsoDate;
  reasons: RejectionReason[];
  note: string | null;
  requestedItems: Step[];
  decidedBy: string | null;
  decidedAt: string | null;
  /** Where the applicant's organisation is on the platform (a Slack team), when known. */
  workspace: Workspace | null;
}

/** A reviewer who chose rejection reasons and whose next message is the note to the user. */
export interface ReviewSession {
  reference: string;
  reasons: RejectionReason[];
}

export interface ReviewQueueEntry {
  reference: string;
  method: Method;
  status: LifecycleStatus;
  submittedAt: string;
  expectedBy: IsoDate;
  overdue: boolean;
}

export interface AuditEntry {
  at: string;
  actor: string;
  platform: string | null;
  from: string | null;
  to: string;
  reason: string | null;
  note: string | null;
}

export interface SupportRequestEntry {
  reference: string;
  platform: string;
  user: string;
  question: string | null;
  createdAt: string;
}

/** Persistence for the review workflow; implemented by `db/review-store.ts`. */
export interface ReviewStore {
  /** Applies the change if the lifecycle allows it in the current status, atomically with its audit entry. */
  changeApplication(change: LifecycleChange): Promise<ChangeResult>;
  /** Applications waiting for a reviewer, oldest first. */
  awaitingReview(today: IsoDate): Promise<ReviewQueueEntry[]>;
  /** The audit trail of one application, oldest first; null for an unknown reference. */
  auditTrail(reference: string): Promise<AuditEntry[] | null>;
  /** Requests for a person, newest first. */
  supportRequests(limit: number): Promise<SupportRequestEntry[]>;
  /** False when that platform user never wrote to the assistant. */
  setAccountStatus(platform: Platform, platformUserId: string, status: AccountStatus): Promise<boolean>;
}
