import type { Platform } from "../domain/platform.js";
import type { FIRST_APPROVAL, FIRST_APPROVAL_CANCELLED } from "../domain/review-policy.js";
import type { AccountStatus } from "../domain/user-record.js";
import type { ReviewQueueEntry } from "./application-store.js";
import type { AuditEntry } from "./audit-store.js";
import type { Maintenance } from "./maintenance-store.js";
import type { SupportRequestEntry } from "./support-store.js";

/** One application as another service sees it: its state and whose it is on which platform, no personal data. */
export interface ApplicationStatusView {
  reference: string;
  /** The applicant's platform and platform user id (the first account they used). */
  platform: Platform;
  user: string;
  status: string;
  method: string;
  submittedAt: string;
  expectedBy: string;
  decidedAt: string | null;
  reasons: string[];
}

/**
 * A reviewer's decision as the audit log recorded it, with what its timing is measured against; and
 * the four-eyes steps between: a first approval, or its cancellation by new information (whose
 * `reviewer` is then the applicant's actor string).
 */
export interface ReviewDecision {
  reference: string;
  /** The reviewer's actor string (`reviewer:telegram:900`). */
  reviewer: string;
  outcome: "approved" | "rejected" | "needs_more_info" | typeof FIRST_APPROVAL | typeof FIRST_APPROVAL_CANCELLED | string;
  at: string;
  submittedAt: string;
  expectedBy: string;
  /** The rejection reasons (or requested items) of the decision. */
  reasons: string[];
  /** When the same account first opened or claimed the application before deciding; null when it did neither. */
  firstTouchedAt: string | null;
}

/** What operators' commands read and set outside the chat path. */
export interface OperatorStore {
  /** An application's state by reference; null for an unknown one (or a draft). */
  applicationStatus(reference: string): Promise<ApplicationStatusView | null>;
  /** Reviewers' decisions since a time, oldest first. */
  reviewDecisions(since: Date): Promise<ReviewDecision[]>;
  /** Applications waiting for a reviewer, oldest first. */
  awaitingReview(): Promise<ReviewQueueEntry[]>;
  /** How many applications are in each status (drafts included); statuses with none are absent. */
  applicationCounts(): Promise<Record<string, number>>;
  /** The audit trail of one application, oldest first; null for an unknown reference. */
  auditTrail(reference: string): Promise<AuditEntry[] | null>;
  /** Requests for a person, newest first. */
  supportRequests(limit: number): Promise<SupportRequestEntry[]>;
  /** False when that platform user never wrote to the assistant. */
  setAccountStatus(platform: Platform, platformUserId: string, status: AccountStatus): Promise<boolean>;
  /** Starts (or changes) maintenance, or ends it with null. */
  setMaintenance(maintenance: Maintenance | null): Promise<void>;
}
