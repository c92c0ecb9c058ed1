import { type LifecycleEvent, nextStatus } from "../../machines/application-lifecycle.machine.js";
import { actorAccount, actorId } from "../domain/actor.js";
import type { LifecycleStatus, Step } from "../domain/application.js";
import type { Platform } from "../domain/platform.js";
import type { RejectionReason } from "../domain/rejection-reasons.js";
import { FIRST_APPROVAL, type FourEyes, needsSecondApproval } from "../domain/review-policy.js";
import type { Account } from "../domain/reviewer-people.js";
import type { ApplicationForReview, ApplicationStore } from "../ports/application-store.js";
import type { AuditStore } from "../ports/audit-store.js";
import type { ConversationStore } from "../ports/conversation-store.js";
import type { WebhookEventWriter } from "../ports/webhook-outbox.js";
import { announceStatus } from "./status-events.js";

/** One change to a submitted application, by a reviewer, the user or an operator. */
export interface LifecycleChange {
  reference: string;
  event: LifecycleEvent;
  /** As written to the audit log (see `actorId`). */
  actor: string;
  /** The platform of the actor, for the audit log. */
  platform?: Platform;
  /** A reviewer's platform account: set for reviewers' decisions, which claims and four eyes apply to. */
  actorIdentity?: { platform: Platform; userId: string };
  /** Every account of the reviewer's person (`REVIEWERS`), the acting one included; default that one alone. */
  actorAccounts?: readonly Account[];
  at: Date;
  reasons?: RejectionReason[];
  note?: string;
  items?: Step[];
  /** Which approvals take two reviewers (reviewers' decisions only; default none). */
  fourEyes?: FourEyes;
}

export type ChangeResult =
  /** `to` = `from` with `awaitingSecond`: a first approval was recorded; the status waits for a second reviewer. */
  | { ok: true; from: LifecycleStatus; to: LifecycleStatus; awaitingSecond?: true }
  | { ok: false; problem: "not_found" }
  /** The reviewer is the applicant: the same account, or another sharing an ID number or phone. */
  | { ok: false; problem: "own_application" }
  /** Another reviewer's claim holds until `until`. */
  | { ok: false; problem: "claimed"; by: string; until: string }
  /** Four eyes: the reviewer who gave the first approval can't give the second. */
  | { ok: false; problem: "same_reviewer"; firstBy: string }
  /** Not allowed in the current status; `lastChange` says who got there first, and when. */
  | { ok: false; problem: "not_allowed"; status: LifecycleStatus; lastChange: { actor: string; at: string } | null };

type ChangeStore = Pick<ApplicationStore, "loadApplication" | "setStatus" | "shareIdentity"> &
  Pick<AuditStore, "lastChange" | "auditWithoutChange"> &
  Pick<ConversationStore, "findUserId"> &
  WebhookEventWriter;

/**
 * Applies one lifecycle change if the lifecycle allows it in the status read here, the actor is
 * not the applicant, no other reviewer's claim holds, and four eyes are satisfied: an approval that
 * needs two reviewers is first recorded as a first approval (the status stays), and only a second,
 * different reviewer's approval — not the same person under another account — approves. The store
 * writes it as a compare-and-set on the status and review state read here, so of two concurrent
 * changes exactly one takes effect, and a claim or first approval made meanwhile is never ignored.
 */
export async function changeApplication(tx: ChangeStore, change: LifecycleChange): Promise<ChangeResult> {
  const application = await tx.loadApplication(change.reference);
  if (!application) return { ok: false, problem: "not_found" };
  const reviewer = change.actorIdentity;
  if (reviewer) {
    const refusal = await reviewerRefusal(tx, application, change, reviewer);
    if (refusal) return refusal;
  }
  const from = application.status;
  const firstApproval =
    change.event.type === "review.approve" &&
    needsSecondApproval(change.fourEyes ?? "none", application.draft.method) &&
    application.firstApproval === null;
  const to = firstApproval ? from : nextStatus(from, change.event);
  const written =
    to !== null &&
    (await tx.setStatus({
      reference: change.reference,
      from,
      to,
      actor: change.actor,
      platform: change.platform ?? reviewer?.platform ?? null,
      at: change.at,
      expected: { claimedBy: application.claim?.by ?? null, firstApprovedBy: application.firstApproval?.by ?? null },
      ...(firstApproval ? { firstApproval: { by: change.actor } } : {}),
      // A reviewer's note belongs to one decision: a later decision without a note must not show the old one.
      ...(change.event.type.startsWith("review.") && !firstApproval ? { decision: { by: change.actor, note: change.note ?? null } } : {}),
      // A withdrawal is the applicant's final word: the card then names them and its time, not the last reviewer's.
      ...(change.event.type === "user.withdraw" ? { decision: { by: change.actor, note: null } } : {}),
      ...(change.reasons ? { reasons: change.reasons } : {}),
      ...(change.items ? { items: change.items } : {}),
      auditReason: firstApproval ? FIRST_APPROVAL : (change.reasons?.join(",") ?? change.items?.join(",") ?? null),
      auditNote: change.note ?? null,
    }));
  if (written) {
    const claim = application.claim;
    // Acting on an application whose claim by someone else ran out takes it over: audited.
    if (reviewer && claim && !ownActors(change, reviewer).has(claim.by))
      await tx.auditWithoutChange(change.reference, change.actor, reviewer.platform, `claim_taken_over:${claim.by}`, change.at);
    if (firstApproval) return { ok: true, from, to, awaitingSecond: true };
    const reasons = to === "rejected" ? (change.reasons ?? []) : [];
    const { userId, draft } = application;
    await announceStatus(tx, { reference: change.reference, userId, status: to, method: draft.method ?? "", reasons, at: change.at });
    return { ok: true, from, to };
  }
  const current = (await tx.loadApplication(change.reference))?.status ?? from;
  return { ok: false, problem: "not_allowed", status: current, lastChange: await tx.lastChange(change.reference) };
}

/** Why this reviewer may not make this change now, if they may not. */
async function reviewerRefusal(
  tx: ChangeStore,
  application: ApplicationForReview,
  change: LifecycleChange,
  reviewer: { platform: Platform; userId: string },
): Promise<Extract<ChangeResult, { ok: false }> | null> {
  const reviewerUser = await tx.findUserId(reviewer.platform, reviewer.userId);
  if (await isOwnApplication(tx, change.actorAccounts ?? [reviewer], application)) return { ok: false, problem: "own_application" };
  const { claim, firstApproval } = application;
  const mine = ownActors(change, reviewer);
  if (claim && !mine.has(claim.by) && Date.parse(claim.until) > change.at.getTime())
    return { ok: false, problem: "claimed", by: claim.by, until: claim.until };
  if (change.event.type === "review.approve" && firstApproval) {
    // The same person under any of their listed accounts (REVIEWERS) is the same pair of eyes.
    if (mine.has(firstApproval.by)) return { ok: false, problem: "same_reviewer", firstBy: firstApproval.by };
    const first = actorAccount(firstApproval.by);
    const firstUser = first && (await tx.findUserId(first.platform, first.userId));
    if (reviewerUser && firstUser && (await samePerson(tx, reviewerUser, firstUser)))
      return { ok: false, problem: "same_reviewer", firstBy: firstApproval.by };
  }
  return null;
}

/** The actor strings of the reviewer's person: a claim or first approval by any of them is theirs. */
function ownActors(change: LifecycleChange, reviewer: Account): Set<string> {
  return new Set([change.actor, ...(change.actorAccounts ?? [reviewer]).map((account) => actorId.reviewer(account))]);
}

/** Whether any of a reviewer's accounts belongs to the applicant (the same user, or one sharing an ID number or phone). */
export async function isOwnApplication(
  tx: Pick<ApplicationStore, "shareIdentity"> & Pick<ConversationStore, "findUserId">,
  accounts: readonly Account[],
  application: Pick<ApplicationForReview, "userId">,
): Promise<boolean> {
  for (const account of accounts)
    if (await isApplicant(tx, await tx.findUserId(account.platform, account.userId), application)) return true;
  return false;
}

/** Whether the user behind a reviewer's account is the applicant, under this account or another one. */
export async function isApplicant(
  tx: Pick<ApplicationStore, "shareIdentity">,
  reviewerUser: string | null,
  application: Pick<ApplicationForReview, "userId">,
): Promise<boolean> {
  return reviewerUser !== null && (await samePerson(tx, reviewerUser, application.userId));
}

/** One person behind two users: the same user, or applications of both share an ID number or phone. */
async function samePerson(tx: Pick<ApplicationStore, "shareIdentity">, userA: string, userB: string): Promise<boolean> {
  return userA === userB || (await tx.shareIdentity(userA, userB));
}
