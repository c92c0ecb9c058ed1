import { DOCUMENT_STEPS, type Draft, isStepDone, type Method, nextMissingStep, type Step, stepsFor } from "./application.js";
import type { IsoDate } from "./business-days.js";
import { isRejectionReason, type RejectionReason } from "./rejection-reasons.js";
import { type AccountStatus, type ResubmissionVerdict, resubmissionVerdict, type UserRecord } from "./user-record.js";

/**
 * Where the user's latest application stands, as every text about it must read it. One value per
 * case a user can be in, each carrying only what a text about that case may say: a user waiting on
 * more information is never told "under review", an approved user never "why it failed".
 */
export type ApplicationSituation =
  | { kind: "none" }
  | { kind: "submitted"; reference: string; method: Method; submittedAt: string; expectedBy: IsoDate; overdue: boolean }
  /** Reviewers asked the user for something: the review resumes when it arrives. */
  | {
      kind: "waiting_for_user";
      reference: string;
      method: Method;
      items: Step[];
      note: string | null;
      /** When reviewers asked (ISO instant). */
      since: string | null;
      /** The user is sending it now ("Provide information" pressed): the conversation holds what they send. */
      providing?: true;
    }
  | {
      kind: "rejected";
      reference: string;
      method: Method;
      reasons: RejectionReason[];
      note: string | null;
      decidedAt: string | null;
      /** Whether this application may be resubmitted as it is, and if not, why. */
      resubmission: Exclude<ResubmissionVerdict, "nothing_to_resubmit">;
      /** The user is resubmitting it now ("Resubmit" pressed): the conversation holds their changes. */
      resubmitting?: true;
    }
  | { kind: "approved"; reference: string; method: Method; decidedAt: string | null }
  | { kind: "withdrawn"; reference: string; method: Method; at: string | null }
  /** Submitted during maintenance: complete, and sent to review when maintenance ends (no reference yet). */
  | { kind: "held"; method: Method; heldAt: string };

/** A draft in the conversation: how far it is, and the next question. */
export interface DraftProgress {
  done: number;
  total: number;
  next: Step | null;
}

/** The user's situation: their account, whether verified, their latest application and any draft in progress. */
export interface Situation {
  account: AccountStatus;
  /** Some application of theirs was approved (a later re-verification does not take it away). */
  verified: boolean;
  application: ApplicationSituation;
  draft: DraftProgress | null;
}

/** What the conversation is doing with the user's latest application: the reference it provides information for, or resubmits. */
export interface WorkInProgress {
  providingInfo?: string;
  resubmitting?: string;
}

/**
 * `work`: what the conversation is doing with the latest application. Sending what reviewers asked for,
 * its draft is that application's, not a new one; resubmitting, the draft is the new version.
 */
export function situationOf(record: UserRecord, draft: Draft, work: WorkInProgress = {}): Situation {
  const application = applicationSituation(record);
  const reference = application.kind === "none" || application.kind === "held" ? undefined : application.reference;
  if (application.kind === "waiting_for_user" && work.providingInfo === reference)
    return { account: record.account, verified: record.verified, application: { ...application, providing: true }, draft: null };
  return {
    account: record.account,
    verified: record.verified,
    application: application.kind === "rejected" && work.resubmitting === reference ? { ...application, resubmitting: true } : application,
    // A conversation from before held submissions let their answers go may still hold them: they are the held one.
    draft: record.held ? null : draftProgress(draft),
  };
}

function applicationSituation(record: UserRecord): ApplicationSituation {
  if (record.held) return { kind: "held", ...record.held };
  const application = record.application;
  if (!application) return { kind: "none" };
  const { reference, method } = application;
  switch (application.status) {
    case "submitted":
      return {
        kind: "submitted",
        reference,
        method,
        submittedAt: application.submittedAt,
        expectedBy: application.expectedBy,
        overdue: application.overdue,
      };
    case "needs_more_info":
      return {
        kind: "waiting_for_user",
        reference,
        method,
        items: application.requestedItems,
        note: application.note,
        since: application.decidedAt,
      };
    case "rejected": {
      const verdict = resubmissionVerdict(record);
      return {
        kind: "rejected",
        reference,
        method,
        reasons: application.reasons.filter(isRejectionReason),
        note: application.note,
        decidedAt: application.decidedAt,
        resubmission: verdict === "nothing_to_resubmit" ? "final" : verdict,
      };
    }
    case "approved":
      return { kind: "approved", reference, method, decidedAt: application.decidedAt };
    case "withdrawn":
      return { kind: "withdrawn", reference, method, at: application.decidedAt };
  }
}

function draftProgress(draft: Draft): DraftProgress | null {
  if (draft.name === undefined) return null;
  const steps = stepsFor(draft.method);
  return { done: steps.filter((step) => isStepDone(step, draft)).length, total: steps.length, next: nextMissingStep(draft) };
}

/** Reviewers asked for information whose first item, in the order it is asked, is a photo: a photo sent now is meant for it. */
export function firstAskedIsPhoto(situation: ApplicationSituation): boolean {
  if (situation.kind !== "waiting_for_user") return false;
  const first = stepsFor(situation.method).find((step) => situation.items.includes(step));
  return first !== undefined && DOCUMENT_STEPS[first] !== undefined;
}
