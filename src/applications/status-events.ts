import { randomUUID } from "node:crypto";
import type { LifecycleStatus } from "../domain/application.js";
import { webhookEventType } from "../domain/webhook-event.js";
import type { WebhookEventWriter } from "../ports/webhook-outbox.js";

/** A status an application has just taken, as the platform is told of it. */
export interface StatusAnnouncement {
  reference: string;
  userId: string;
  status: LifecycleStatus;
  method: string;
  reasons: readonly string[];
  at: Date;
}

/**
 * Queues the webhook event for a status change in the transaction that makes the change: the event
 * exists exactly when the change does, and reaches the receiver however long it is down.
 */
export async function announceStatus(tx: WebhookEventWriter, change: StatusAnnouncement): Promise<void> {
  const account = await tx.applicantAccount(change.userId);
  if (!account) return;
  await tx.enqueueWebhookEvent({
    id: randomUUID(),
    type: webhookEventType(change.status),
    occurredAt: change.at.toISOString(),
    data: {
      reference: change.reference,
      platform: account.platform,
      user: account.user,
      status: change.status,
      method: change.method,
      reasons: [...change.reasons],
    },
  });
}
