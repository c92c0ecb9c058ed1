import type { ApplicationStatus, Method, Step } from "./application.js";
import type { IsoDate } from "./business-days.js";
import { isRejectionReason, mayResubmit } from "./rejection-reasons.js";

export const ACCOUNT_STATUSES = ["active", "disabled", "cancelled"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** The user's latest application that left the draft stage. */
export interface ApplicationSummary {
  reference: string;
  status: Exclude<ApplicationStatus, "draft">;
  method: Method;
  submittedAt: string;
  expectedBy: IsoDate;
  /** The expected date is past and no decision has been made. */
  overdue: boolean;
  reasons: string[];
  /** When the last reviewer decision was made (for needs_more_info: when the information was asked for). */
  decidedAt: string | null;
  /** What reviewers asked the user to provide (needs_more_info). */
  requestedItems: Step[];
  /** The reviewer's note to the user (latest application only). */
  note: string | null;
}

/**
 * What the store knows about a user that the conversation needs to answer
 * well ("already under review", "account disabled"). Loaded by the engine for
 * every event, so the conversation never works from a stale copy.
 */
export interface UserRecord {
  account: AccountStatus;
  verified: boolean;
  application: ApplicationSummary | null;
  /** A submission held during maintenance: it goes to review when maintenance ends (newer than `application`). */
  held: HeldSubmission | null;
}

/** The user pressed Submit during maintenance: the application waits, complete, to be submitted when it ends. */
export interface HeldSubmission {
  method: Method;
  /** When it was held (ISO instant). */
  heldAt: string;
}

/** What the store holds of a user's applications: those submitted (newest first), and one held if any. */
export interface ApplicationHistory {
  submitted: SubmittedApplication[];
  held: HeldSubmission | null;
}

/** One of the user's applications that left the draft stage, as stored. */
export interface SubmittedApplication {
  reference: string;
  status: Exclude<ApplicationStatus, "draft">;
  method: Method;
  submittedAt: string;
  expectedBy: IsoDate;
  reasons: string[];
  decidedAt: string | null;
  requestedItems: Step[];
  note: string | null;
}

/** The record the conversation works from, built from the user's applications (newest first) as of `today`. */
export function userRecord(account: AccountStatus, { submitted, held }: ApplicationHistory, today: IsoDate): UserRecord {
  const latest = submitted[0];
  return {
    account,
    verified: submitted.some((application) => application.status === "approved"),
    application: latest ? { ...latest, overdue: isOverdue(latest, today) } : null,
    held,
  };
}

/** Awaiting a decision past the promised date. */
export function isOverdue(application: { status: ApplicationStatus; expectedBy: IsoDate }, today: IsoDate): boolean {
  const awaiting = application.status === "submitted" || application.status === "needs_more_info";
  return awaiting && application.expectedBy !== "" && today > application.expectedBy;
}

export const NEW_USER_RECORD: UserRecord = { account: "active", verified: false, application: null, held: null };

export type ResubmissionVerdict = "allowed" | "final" | "nothing_to_resubmit";

/**
 * Whether the user may resubmit their latest application as it is, and if not, why. There is no cap
 * on attempts — "一次认证失败不会影响您再次申请的权利" — and a "final" reason only means this
 * application cannot be resubmitted: a new one can always be started (reviewers see the earlier ones).
 */
export function resubmissionVerdict(record: UserRecord): ResubmissionVerdict {
  const application = record.application;
  // A held submission is newer than the rejected one: resubmitting that again would replace it.
  if (application?.status !== "rejected" || record.held) return "nothing_to_resubmit";
  return mayResubmit(application.reasons.filter(isRejectionReason)) ? "allowed" : "final";
}

export function isAwaitingDecision(record: UserRecord): boolean {
  return isAwaitingDecisionStatus(record.application?.status);
}

/** In review, waiting for the user, or held during maintenance: no other application may be started or submitted. */
export function hasOpenApplication(record: UserRecord): boolean {
  return isAwaitingDecision(record) || record.held !== null;
}

/** Submitted or asked for more information: a reviewer's decision is still to come. */
export function isAwaitingDecisionStatus(status: string | undefined): boolean {
  return status === "submitted" || status === "needs_more_info";
}
