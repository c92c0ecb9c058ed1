import type { LifecycleStatus } from "./application.js";
import type { Platform } from "./platform.js";

/** What the platform is told when an application's status changes (the documented webhook contract). */
export type WebhookEventType =
  | "application.submitted"
  | "application.approved"
  | "application.rejected"
  | "application.needs_more_info"
  | "application.withdrawn";

/** The body of one webhook, exactly as posted and signed; no personal data. */
export interface WebhookEvent {
  /** Also the `Idempotency-Key`: a receiver that has seen it drops the repeat. */
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  data: {
    reference: string;
    /** The applicant's platform and platform user id (the first account they used). */
    platform: Platform;
    user: string;
    status: LifecycleStatus;
    method: string;
    reasons: string[];
  };
}

/** The event a change into `status` announces (an application back from "needs more information" is submitted again). */
export function webhookEventType(status: LifecycleStatus): WebhookEventType {
  return `application.${status}`;
}

/** One queued webhook as operators see it (`cli webhooks list`). */
export interface WebhookDelivery {
  id: string;
  type: WebhookEventType;
  reference: string;
  occurredAt: string;
  /** `pending` until the receiver answered 2xx; never given up on. */
  status: "pending" | "delivered";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** How far behind the receiver is: what `/readyz`, the metrics and the start-up warning report. */
export interface WebhookBacklog {
  pending: number;
  oldestPendingAt: string | null;
  /** Since when the longest-failing queued event has been failing (null when none is). */
  failingSince: string | null;
}

/** A receiver failing this long is reported as down (its events stay queued). */
export const WEBHOOK_FAILING_REPORT_MS = 24 * 3_600_000;

/** Whether the receiver counts as down: an event has been failing for a day. */
export function receiverFailing(backlog: WebhookBacklog, now: Date): boolean {
  return backlog.failingSince !== null && now.getTime() - new Date(backlog.failingSince).getTime() >= WEBHOOK_FAILING_REPORT_MS;
}
