import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { APPLICATION_STATUSES } from "../domain/application.js";
import { localDate } from "../domain/business-days.js";
import { FIRST_APPROVAL } from "../domain/review-policy.js";
import { receiverFailing } from "../domain/webhook-event.js";
import type { Store } from "../ports/store.js";
import { reviewQueue } from "../review/review-queue.js";
import type { Metrics } from "../runtime/metrics.js";

const HOUR = 3600;

/** What `/metrics` serves: what this instance counted, and the store's figures read at each scrape. */
export interface PrometheusMetrics {
  metrics: Metrics;
  scrape(): Promise<{ contentType: string; body: string }>;
}

/**
 * The metrics in prom-client, on a registry of their own. Counters and histograms are this
 * instance's (sum them over instances); gauges read from the shared store at each scrape are the
 * same on every instance (take their max). Names and labels are documented in docs/integration.md.
 */
export function prometheusMetrics(
  store: Pick<Store, "operator" | "webhooks">,
  timeZone: string,
  webhookReceiver: boolean,
): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const updates = new Counter({
    name: "verification_chat_updates_total",
    help: "Chat updates taken from a platform, by outcome (handled, duplicate redelivery, failed)",
    labelNames: ["platform", "outcome"],
    registers,
  });
  const updateSeconds = new Histogram({
    name: "verification_chat_update_seconds",
    help: "Time to handle one chat update, from receipt to replies ready",
    labelNames: ["platform"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const deliveries = new Counter({
    name: "verification_deliveries_total",
    help: "Notification delivery attempts, by channel and outcome (sent, retry, failed)",
    labelNames: ["channel", "outcome"],
    registers,
  });
  const documentProblems = new Counter({
    name: "verification_document_problems_total",
    help: "Document photos refused on the spot, by problem code",
    labelNames: ["code"],
    registers,
  });
  const readSeconds = new Histogram({
    name: "verification_document_read_seconds",
    help: "Time to read an accepted photo (OCR), by outcome (in_time for its reply, late: followed up, not_read)",
    labelNames: ["outcome"],
    buckets: [0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 30],
    registers,
  });
  const readFindings = new Counter({
    name: "verification_document_read_findings_total",
    help: "Reads that disagreed with the answers and were told, by finding (number_differs, wrong_side)",
    labelNames: ["finding"],
    registers,
  });
  const faq = new Counter({
    name: "verification_faq_questions_total",
    help: "Questions the FAQ answered (by topic) or could not match (result unmatched)",
    labelNames: ["result", "topic"],
    registers,
  });
  const faqFeedback = new Counter({
    name: "verification_faq_feedback_total",
    help: "👍 / 👎 under FAQ answers, by topic (helpful: yes or no)",
    labelNames: ["topic", "helpful"],
    registers,
  });
  const decisions = new Counter({
    name: "verification_decisions_total",
    help: "Reviewers' decisions (and four-eyes first approvals), by reviewer and outcome",
    labelNames: ["reviewer", "outcome"],
    registers,
  });
  const decisionReasons = new Counter({
    name: "verification_decision_reasons_total",
    help: "Rejection reasons and requested items given, by outcome and reason",
    labelNames: ["outcome", "reason"],
    registers,
  });
  const timeToDecision = new Histogram({
    name: "verification_time_to_decision_seconds",
    help: "Time from submission to a reviewer's decision, by outcome",
    labelNames: ["outcome"],
    buckets: [1, 4, 8, 24, 48, 72, 120, 168].map((hours) => hours * HOUR),
    registers,
  });
  const reviewSeconds = new Histogram({
    name: "verification_review_seconds",
    help: "Time a reviewer spent on the case: from their first Open or claim of it to their decision, by outcome",
    labelNames: ["outcome"],
    buckets: [60, 300, 900, 1800, 3600, 7200, 14_400, 86_400],
    registers,
  });
  const escalations = new Counter({
    name: "verification_review_escalations_total",
    help: "Overdue applications nobody held, announced to REVIEW_ESCALATE_TO (once per business day each)",
    registers,
  });
  const slaBreaches = new Counter({
    name: "verification_sla_breaches_total",
    help: "Decisions taken after the date promised to the user",
    registers,
  });
  const webhookAttempts = new Counter({
    name: "verification_webhook_attempts_total",
    help: "Webhook posts, by outcome (delivered, failed)",
    labelNames: ["outcome"],
    registers,
  });

  const applications = new Gauge({
    name: "verification_applications",
    help: "Applications by status (from the store)",
    labelNames: ["status"],
    registers,
  });
  const queueDepth = new Gauge({ name: "verification_review_queue_depth", help: "Applications waiting for a reviewer", registers });
  const oldestWaiting = new Gauge({
    name: "verification_review_oldest_waiting_seconds",
    help: "How long the oldest waiting application has waited (0 when none waits)",
    registers,
  });
  const overdue = new Gauge({
    name: "verification_review_overdue",
    help: "Waiting applications past the date promised to the user",
    registers,
  });
  const webhookBacklog = new Gauge({ name: "verification_webhook_backlog", help: "Webhook events not yet delivered", registers });
  const webhookOldest = new Gauge({
    name: "verification_webhook_oldest_pending_seconds",
    help: "Age of the oldest undelivered webhook event (0 when none)",
    registers,
  });
  const webhookFailing = new Gauge({
    name: "verification_webhook_receiver_failing",
    help: "1 when a webhook event has been failing for over a day",
    registers,
  });

  const metrics: Metrics = {
    chatUpdate(platform, outcome, seconds) {
      updates.inc({ platform, outcome });
      if (outcome !== "duplicate") updateSeconds.observe({ platform }, seconds);
    },
    delivery: (channel, outcome) => deliveries.inc({ channel, outcome }),
    documentProblem: (code) => documentProblems.inc({ code }),
    documentRead: (outcome, seconds) => readSeconds.observe({ outcome }, seconds),
    readFinding: (finding) => readFindings.inc({ finding }),
    faqQuestion: (topic) => faq.inc(topic ? { result: "answered", topic } : { result: "unmatched", topic: "" }),
    faqFeedback: (topic, helpful) => faqFeedback.inc({ topic, helpful: helpful ? "yes" : "no" }),
    decision({ reviewer, outcome, reasons, secondsSinceSubmission, secondsOnCase, pastDue }) {
      decisions.inc({ reviewer, outcome });
      if (secondsOnCase !== null) reviewSeconds.observe({ outcome }, secondsOnCase);
      if (outcome === FIRST_APPROVAL) return;
      for (const reason of reasons) decisionReasons.inc({ outcome, reason });
      timeToDecision.observe({ outcome }, secondsSinceSubmission);
      if (pastDue) slaBreaches.inc();
    },
    webhookAttempt: (outcome) => webhookAttempts.inc({ outcome }),
    escalation: () => escalations.inc(),
  };

  async function readStore(now: Date): Promise<void> {
    const operator = store.operator();
    const counts = await operator.applicationCounts();
    for (const status of APPLICATION_STATUSES) applications.set({ status }, counts[status] ?? 0);
    const queue = await reviewQueue(operator, localDate(now, timeZone));
    queueDepth.set(queue.length);
    oldestWaiting.set(queue[0] ? Math.max(0, (now.getTime() - Date.parse(queue[0].submittedAt)) / 1000) : 0);
    overdue.set(queue.filter((entry) => entry.overdue).length);
    const backlog = await store.webhooks().backlog();
    webhookBacklog.set(backlog.pending);
    webhookOldest.set(backlog.oldestPendingAt ? Math.max(0, (now.getTime() - Date.parse(backlog.oldestPendingAt)) / 1000) : 0);
    webhookFailing.set(webhookReceiver && receiverFailing(backlog, now) ? 1 : 0);
  }

  return {
    metrics,
    async scrape() {
      await readStore(new Date());
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
