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
  /** Applications rejected within the last 30 days (the resubmission limit counts them). */
  recentRejections: number;
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
export function userRecord(account: AccountStatus, history: readonly SubmittedApplication[], today: IsoDate): UserRecord {
  const latest = history[0];
  const monthAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString();
  return {
    account,
    verified: history.some((application) => application.status === "approved"),
    application: latest ? { ...latest, overdue: isOverdue(latest, today) } : null,
    recentRejections: history.filter((application) => application.status === "rejected" && application.submittedAt >= monthAgo).length,
  };
}

/** Awaiting a decision past the promised date. */
export function isOverdue(application: { status: ApplicationStatus; expectedBy: IsoDate }, today: IsoDate): boolean {
  const awaiting = application.status === "submitted" || application.status === "needs_more_info";
  return awaiting && application.expectedBy !== "" && today > application.expectedBy;
}

export const NEW_USER_RECORD: UserRecord = { account: "active", verified: false, application: null, recentRejections: 0 };

export const MAX_REJECTIONS_IN_30_DAYS = 5;

export type ResubmissionVerdict = "allowed" | "final" | "limit" | "nothing_to_resubmit";

/** Whether the user may resubmit their latest application, and if not, why. */
export function resubmissionVerdict(record: UserRecord): ResubmissionVerdict {
  const application = record.application;
  if (application?.status !== "rejected") return "nothing_to_resubmit";
  if (!mayResubmit(application.reasons.filter(isRejectionReason))) return "final";
  if (record.recentRejections >= MAX_REJECTIONS_IN_30_DAYS) return "limit";
  return "allowed";
}

export function isAwaitingDecision(record: UserRecord): boolean {
  return isAwaitingDecisionStatus(record.application?.status);
}

/** Submitted or asked for more information: a reviewer's decision is still to come. */
export function isAwaitingDecisionStatus(status: string | undefined): boolean {
  return status === "submitted" || status === "needs_more_info";
}
