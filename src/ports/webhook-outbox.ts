import type { WebhookBacklog, WebhookDelivery, WebhookEvent } from "../domain/webhook-event.js";

/** The webhook queue as a transaction writes to it: an event is queued with the change it announces. */
export interface WebhookEventWriter {
  /** Queues the event (its body is posted exactly as serialised here); a no-op where no receiver is configured. */
  enqueueWebhookEvent(event: WebhookEvent): Promise<void>;
  /** The applicant's first platform account, which events name. */
  applicantAccount(userId: string): Promise<{ platform: WebhookEvent["data"]["platform"]; user: string } | null>;
}

/** A queued event taken for sending: its id and the exact body to sign and post. */
export interface DueWebhook {
  id: string;
  reference: string;
  body: string;
  attempts: number;
}

/** The webhook queue as the sender and operators see it. */
export interface WebhookOutbox {
  /**
   * Takes up to `limit` events due at `now` until `leaseUntil` — per application only the oldest
   * undelivered one, so an application's events reach the receiver in order. Several senders never
   * take the same event.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<DueWebhook[]>;
  markDelivered(id: string, at: Date): Promise<void>;
  /** A failed attempt: tried again from `retryAt`; the receiver counts as failing since the first failure of a streak. */
  markRetry(id: string, error: string, at: Date, retryAt: Date): Promise<void>;
  /** Gives back events taken but not attempted (the run stopped at a failing receiver). */
  release(ids: readonly string[]): Promise<void>;
  backlog(): Promise<WebhookBacklog>;
  /** Newest first; `failed`: only undelivered events with a failed attempt. */
  list(options: { failed: boolean; limit: number }): Promise<WebhookDelivery[]>;
  /** Queues an event again (delivered or not) for sending now; false for an unknown id. */
  replay(id: string, now: Date): Promise<boolean>;
  /** Forgets events delivered before `before`; returns how many. */
  pruneDelivered(before: Date): Promise<number>;
}
