import type { Draft, LifecycleStatus, Method, Step } from "../domain/application.js";
import type { IsoDate } from "../domain/business-days.js";
import type { Platform, Workspace } from "../domain/platform.js";
import type { RejectionReason } from "../domain/rejection-reasons.js";
import type { ApplicationHistory } from "../domain/user-record.js";

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

/** A draft whose submission was held during maintenance, with what its submission would have carried. */
export interface HeldDraft {
  userId: string;
  draft: Draft;
  platform: Platform;
  previousReference?: string;
  workspace?: Workspace;
}

/** What a review card and a decision message need to know about one application. */
export interface ApplicationForReview {
  reference: string;
  /** Set when this application resubmits a rejected one, or re-verifies an approved one. */
  previousApplicationId: string | null;
  /** That earlier application's outcome: rejected (a resubmission) or approved (a re-verification). */
  previousApplication: { status: LifecycleStatus; decidedAt: string | null } | null;
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
  /** The applicant's own applications before this one, newest first (at most five). */
  earlierApplications: Array<{ reference: string; status: LifecycleStatus; reasons: RejectionReason[]; submittedAt: string }>;
  /** How many applications the applicant submitted in the 30 days up to this one, this one included. */
  applicationsIn30Days: number;
  /** Other users' applications with the same ID number or credit code (by keyed digest), oldest first. */
  duplicates: Array<{ reference: string; status: LifecycleStatus }>;
  /** When the personal data was erased (retention or the user's request); the draft is then empty. */
  erasedAt: string | null;
  /** A reviewer's claim (actor string), also after it ran out: until then, others' decisions are refused. */
  claim: { by: string; until: string } | null;
  /** Four eyes: the first approval, waiting for a second reviewer's confirmation. */
  firstApproval: { by: string; at: string } | null;
  /** The latest revision of the answers (information provided, a number fixed): when, which fields, the answers before. */
  lastRevision: { at: string; fields: string[]; before: Draft } | null;
  /** The application this one resubmits (or re-verifies after): its outcome, the reviewer's note, its answers. */
  follows: {
    reference: string;
    status: LifecycleStatus;
    reasons: RejectionReason[];
    note: string | null;
    decidedAt: string | null;
    draft: Draft;
  } | null;
  /** Display names of the reviewers named above (decidedBy, claim, firstApproval), where their platform gave one. */
  reviewerNames: ReadonlyMap<string, string>;
}

/** What a review-desk change was decided on besides the status: it is written only while these still hold. */
export interface ReviewState {
  claimedBy: string | null;
  firstApprovedBy: string | null;
}

/**
 * A status change decided by the lifecycle rules (`src/applications/change-application.ts`):
 * the store writes it only if the status is still `from` (compare-and-set), with its audit entry.
 */
export interface StatusChange {
  reference: string;
  from: LifecycleStatus;
  to: LifecycleStatus;
  actor: string;
  platform: Platform | null;
  at: Date;
  /** Set for a reviewer's decision: who decided, and the note shown to the user (null clears an earlier one). */
  decision?: { by: string; note: string | null };
  reasons?: RejectionReason[];
  items?: Step[];
  /** What the audit entry records as the reason (reasons or requested items). */
  auditReason: string | null;
  auditNote: string | null;
  /** Compared with the status: a claim or first approval made meanwhile makes the change fail. */
  expected: ReviewState;
  /**
   * Set: the first of two approvals — the status stays (`to` = `from`). Unset: a pending first
   * approval is cleared. Either way a claim ends with the change.
   */
  firstApproval?: { by: string };
}

/** A claim taken, renewed or released (null), written only if the claim is still `expectedBy`. */
export interface ClaimChange {
  reference: string;
  expectedBy: string | null;
  claim: { by: string; until: Date } | null;
}

export interface DetailsRevision {
  reference: string;
  draft: Draft;
  /** The names of the fields that change (see `changedFields`). */
  fields: string[];
  actor: string;
  platform: Platform;
  at: Date;
}

export interface ReviewQueueEntry {
  reference: string;
  method: Method;
  status: LifecycleStatus;
  submittedAt: string;
  expectedBy: IsoDate;
  claim: ApplicationForReview["claim"];
  firstApproval: ApplicationForReview["firstApproval"];
}

/** Drafts and submitted applications. */
export interface ApplicationStore {
  loadDraft(userId: string): Promise<Draft | null>;
  /** Replaces the user's draft; an empty draft removes it. */
  saveDraft(userId: string, draft: Draft, at: Date): Promise<void>;
  /** Saves the draft and marks it held: it is submitted when maintenance ends. */
  holdDraft(held: HeldDraft, at: Date): Promise<void>;
  /** Drafts held during maintenance, oldest first. */
  heldDrafts(): Promise<HeldDraft[]>;
  /** Whether an application or a support request already uses this reference code. */
  isReferenceTaken(reference: string): Promise<boolean>;
  /** Turns the draft into a submitted application and writes the audit entry. */
  submitApplication(submission: NewSubmission): Promise<void>;
  /** The user's applications that left the draft stage, newest first, and one held during maintenance (the user record is built from them). */
  applicationHistory(userId: string): Promise<ApplicationHistory>;
  loadApplication(reference: string): Promise<ApplicationForReview | null>;
  /** Writes a status change if the status (and review state) is still as expected; false when another change got there first. */
  setStatus(change: StatusChange): Promise<boolean>;
  /** Takes, renews or releases a reviewer's claim on a submitted application (compare-and-set); false when it changed meanwhile. */
  setClaim(change: ClaimChange): Promise<boolean>;
  /**
   * Clears a pending first approval of the user's application under review (the applicant gave new
   * information); audited. Returns that application's reference, or null when none was pending.
   */
  cancelFirstApproval(userId: string, actor: string, platform: Platform, at: Date): Promise<string | null>;
  /** Applications waiting for a reviewer, oldest first (`/queue`). */
  awaitingReview(): Promise<ReviewQueueEntry[]>;
  /** Whether two users are one person: applications of both share an ID number or phone (by keyed digest). */
  shareIdentity(userA: string, userB: string): Promise<boolean>;
  /**
   * Replaces a submitted application's answers and documents, keeping the previous ones
   * (sealed) as a revision and auditing the changed fields' names (never values).
   */
  reviseApplication(revision: DetailsRevision): Promise<void>;
  /** Updates the email or phone of the user's latest submitted application (where results are sent); audited. */
  updateContactDetails(
    userId: string,
    field: "email" | "phone",
    value: string,
    actor: string,
    platform: Platform,
    at: Date,
  ): Promise<boolean>;
  /** The email and phone of the user's latest submitted application (where notifications go). */
  latestContactDetails(userId: string): Promise<{ email?: string; phone?: string } | null>;
  /** Submitted applications whose reviewer reminder is due and not yet sent; marks them reminded. */
  takeDueReviewerReminders(now: Date): Promise<ApplicationForReview[]>;
  /** Submitted applications past their expected date whose user was not yet told; marks them told. */
  takeOverdueNotices(today: IsoDate, now: Date): Promise<ApplicationForReview[]>;
}
