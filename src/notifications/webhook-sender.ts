import { receiverFailing } from "../domain/webhook-event.js";
import type { DueWebhook, WebhookOutbox } from "../ports/webhook-outbox.js";
import { errorSummary, type Logger } from "../runtime/logger.js";
import { type Metrics, NO_METRICS } from "../runtime/metrics.js";
import { nextAttemptAt, type RetryPolicy } from "./retry-policy.js";
import { SIGNATURE_HEADER, webhookSignature } from "./webhook-signature.js";

/** Never given up on (`maxAttempts` is not consulted): the wait grows to a quarter of an hour and stays there. */
export const WEBHOOK_RETRY_POLICY: RetryPolicy = { maxAttempts: Number.POSITIVE_INFINITY, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000 };

/** A receiver slower than this is taken as failing; with the batch it bounds a run well within the lease. */
const TIMEOUT_MS = 10_000;
const BATCH = 20;
const LEASE_MS = 5 * 60_000;
/** Rounds per run: an application's next event becomes due once its previous one is delivered. */
const MAX_ROUNDS = 10;
/** A receiver down for over a day is reported at most this often. */
const REPORT_EVERY_MS = 60 * 60_000;

export interface WebhookSenderDependencies {
  outbox: WebhookOutbox;
  url: string;
  secret: string;
  logger: Logger;
  policy?: RetryPolicy;
  random?: () => number;
  metrics?: Metrics;
}

/**
 * Posts queued status events to the platform's receiver (`WEBHOOK_URL`), signed, each with its
 * `Idempotency-Key`. A 2xx answer delivers an event; anything else, or no answer, is retried with
 * backoff — never dropped — and pauses this sender until that retry, so a receiver that is down is
 * not hammered. A receiver failing for a day is reported (here in the log; `/readyz` and the metrics
 * read the same backlog).
 */
export class WebhookSender {
  private running: Promise<number> | null = null;
  private pausedUntil = 0;
  private lastReport = 0;
  private readonly policy: RetryPolicy;

  constructor(private readonly deps: WebhookSenderDependencies) {
    this.policy = deps.policy ?? WEBHOOK_RETRY_POLICY;
  }

  /** Sends what is due at `now`; concurrent calls share one run. Returns how many events were delivered. */
  runOnce(now: Date = new Date()): Promise<number> {
    this.running ??= this.run(now).finally(() => (this.running = null));
    return this.running;
  }

  private async run(now: Date): Promise<number> {
    if (now.getTime() < this.pausedUntil) return 0;
    let delivered = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const due = await this.deps.outbox.claimDue(now, BATCH, new Date(now.getTime() + LEASE_MS));
      if (due.length === 0) break;
      for (const [index, event] of due.entries()) {
        const failure = await this.post(event);
        (this.deps.metrics ?? NO_METRICS).webhookAttempt(failure === null ? "delivered" : "failed");
        if (failure === null) {
          await this.deps.outbox.markDelivered(event.id, now);
          delivered++;
          continue;
        }
        await this.failed(event, failure, now);
        await this.deps.outbox.release(due.slice(index + 1).map((rest) => rest.id));
        return delivered;
      }
    }
    return delivered;
  }

  /** Null when the receiver took the event; otherwise why not (no body text: it is the receiver's, not ours to log). */
  private async post(event: DueWebhook): Promise<string | null> {
    try {
      const response = await fetch(this.deps.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [SIGNATURE_HEADER.toLowerCase()]: webhookSignature(this.deps.secret, event.body, new Date()),
          "idempotency-key": event.id,
        },
        body: event.body,
        // A redirect would carry the signed body somewhere else: the configured URL must be the final one.
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return cause ?? errorSummary(error);
    }
  }

  private async failed(event: DueWebhook, failure: string, now: Date): Promise<void> {
    const attempts = event.attempts + 1;
    const retryAt = nextAttemptAt(now, attempts, this.policy, this.deps.random);
    await this.deps.outbox.markRetry(event.id, failure, now, retryAt);
    this.pausedUntil = retryAt.getTime();
    this.deps.logger.warn({ event: event.id, reference: event.reference, attempts, error: failure }, "webhook delivery failed; will retry");
    if (now.getTime() - this.lastReport < REPORT_EVERY_MS) return;
    const backlog = await this.deps.outbox.backlog();
    if (!receiverFailing(backlog, now)) return;
    this.lastReport = now.getTime();
    this.deps.logger.error(
      { pending: backlog.pending, failingSince: backlog.failingSince },
      "the webhook receiver has been failing for over a day; its events stay queued",
    );
  }
}
