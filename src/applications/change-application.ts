import { type LifecycleEvent, nextStatus } from "../../machines/application-lifecycle.machine.js";
import type { LifecycleStatus, Step } from "../domain/application.js";
import type { Platform } from "../domain/platform.js";
import type { RejectionReason } from "../domain/rejection-reasons.js";
import type { ApplicationStore } from "../ports/application-store.js";
import type { AuditStore } from "../ports/audit-store.js";
import type { ConversationStore } from "../ports/conversation-store.js";

/** One change to a submitted application, by a reviewer, the user or an operator. */
export interface LifecycleChange {
  reference: string;
  event: LifecycleEvent;
  /** As written to the audit log (see `actorId`). */
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

/**
 * Applies one lifecycle change if the lifecycle allows it in the status read
 * here and the actor is not the applicant. The store writes it as a
 * compare-and-set on that status, so of two concurrent decisions exactly one
 * takes effect; the other is told who got there first.
 */
export async function changeApplication(
  tx: Pick<ApplicationStore, "loadApplication" | "setStatus"> & Pick<AuditStore, "lastChange"> & Pick<ConversationStore, "findUserId">,
  change: LifecycleChange,
): Promise<ChangeResult> {
  const application = await tx.loadApplication(change.reference);
  if (!application) return { ok: false, problem: "not_found" };
  if (change.actorIdentity) {
    const actingUser = await tx.findUserId(change.actorIdentity.platform, change.actorIdentity.userId);
    if (actingUser === application.userId) return { ok: false, problem: "own_application" };
  }
  const from = application.status;
  const to = nextStatus(from, change.event);
  const written =
    to !== null &&
    (await tx.setStatus({
      reference: change.reference,
      from,
      to,
      actor: change.actor,
      platform: change.platform ?? change.actorIdentity?.platform ?? null,
      at: change.at,
      // A reviewer's note belongs to one decision: a later decision without a note must not show the old one.
      ...(change.event.type.startsWith("review.") ? { decision: { by: change.actor, note: change.note ?? null } } : {}),
      ...(change.reasons ? { reasons: change.reasons } : {}),
      ...(change.items ? { items: change.items } : {}),
      auditReason: change.reasons?.join(",") ?? change.items?.join(",") ?? null,
      auditNote: change.note ?? null,
    }));
  if (written) return { ok: true, from, to };
  const current = (await tx.loadApplication(change.reference))?.status ?? from;
  return { ok: false, problem: "not_allowed", status: current, lastChange: await tx.lastChange(change.reference) };
}
