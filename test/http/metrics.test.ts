import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import parsePrometheusTextFormat, { type PrometheusFamily } from "parse-prometheus-text-format";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WEB_SERVER_LIMITS, startWebServer } from "../../adapters/http/web-server.js";
import { applicationRoutes } from "../../src/app/web-parts.js";
import { WebhookSender } from "../../src/notifications/webhook-sender.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { readConfig } from "../../src/runtime/config.js";
import { createHarness, type Harness, registerForIdCard, submitWithPhone } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

const TOKEN = "metrics-token-0123456789abcdef";

/** Every family `/metrics` documents (docs/integration.md › Metrics). */
const FAMILIES = [
  "verification_applications",
  "verification_review_queue_depth",
  "verification_review_oldest_waiting_seconds",
  "verification_review_overdue",
  "verification_time_to_decision_seconds",
  "verification_sla_breaches_total",
  "verification_decisions_total",
  "verification_decision_reasons_total",
  "verification_review_seconds",
  "verification_review_escalations_total",
  "verification_chat_updates_total",
  "verification_chat_update_seconds",
  "verification_deliveries_total",
  "verification_document_problems_total",
  "verification_document_read_seconds",
  "verification_document_read_findings_total",
  "verification_faq_questions_total",
  "verification_faq_feedback_total",
  "verification_webhook_backlog",
  "verification_webhook_oldest_pending_seconds",
  "verification_webhook_receiver_failing",
  "verification_webhook_attempts_total",
];

describe("the Grafana dashboard (docs/grafana-dashboard.json)", () => {
  it("queries only families /metrics serves", () => {
    const dashboard = readFileSync(join(import.meta.dirname, "..", "..", "docs", "grafana-dashboard.json"), "utf8");
    const queried = [...dashboard.matchAll(/verification_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, ""));
    expect(queried.length).toBeGreaterThan(15);
    for (const name of new Set(queried)) expect(FAMILIES, name).toContain(name);
  });
});

describe.each(TESTED_DIALECTS)("GET /metrics on %s", (dialect) => {
  let harness: Harness;
  let server: Server;
  let url: string;
  let approved: string;
  let rejected: string;
  beforeAll(async () => {
    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita", "rob"]), webhookReceiver: true });
    approved = await submitWithPhone(harness, "alice");
    rejected = await submitWithPhone(harness, "bob");
    await submitWithPhone(harness, "carol"); // waits
    await harness.chat("rita").press(`rv.op.${approved}`); // time on the case counts from here
    await harness.chat("rita").press(`rv.ok.${approved}`);
    await harness.chat("rob").press(`rv.nx.${rejected}.1`);
    await harness.chat("rob").press("rv.nn");
    await registerForIdCard(harness.chat("dave"));
    await harness.chat("dave").text("11010519491231002X");
    await harness.chat("dave").file(Buffer.from("not a photo at all"), "front.jpg"); // refused on the spot
    await harness.chat("erin").press("faq");
    await harness.chat("erin").text("How long does the review take?");
    await harness.chat("erin").press("helpful.review-time.yes");
    await harness.chat("erin").text("purple elephants dancing");
    // A receiver that refuses: one failed attempt, the events stay queued.
    const sender = new WebhookSender({
      outbox: harness.store.webhooks(),
      url: "http://127.0.0.1:9/hooks", // nothing listens on port 9
      secret: "webhook-secret-0123456789abcdef",
      logger: pino({ level: "silent" }),
      metrics: harness.prometheus.metrics,
    });
    await sender.runOnce();
    const config = readConfig({ METRICS_TOKEN: TOKEN });
    const started = await startWebServer(0, new Map(applicationRoutes(config, harness)), DEFAULT_WEB_SERVER_LIMITS);
    server = started.server;
    url = `http://127.0.0.1:${started.port}/metrics`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await harness.close();
  });

  let text = "";
  const scrape = async (): Promise<PrometheusFamily[]> => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    text = await response.text();
    return parsePrometheusTextFormat(text);
  };
  const family = (families: PrometheusFamily[], name: string) => families.find((f) => f.name === name)!;
  /**
   * A histogram's observations over all its label sets, from its `_count` samples (the parser merges a
   * labelled histogram's series into one and drops `_count`, so these lines are read as they are).
   */
  const observations = (_families: PrometheusFamily[], name: string) =>
    [...text.matchAll(new RegExp(`^${name}_count(?:\\{[^}]*\\})? (\\S+)$`, "gm"))].reduce((total, match) => total + Number(match[1]), 0);
  const value = (families: PrometheusFamily[], name: string, labels: Record<string, string> = {}) =>
    Number(
      family(families, name).metrics.find((sample) => Object.entries(labels).every(([key, v]) => sample.labels?.[key] === v))?.value ?? NaN,
    );

  it("asks for METRICS_TOKEN when it is set", async () => {
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: "Bearer wrong-token-0123456789abcdef" } })).status).toBe(401);
  });

  it("has every family, parsed by a Prometheus text parser", async () => {
    const names = (await scrape()).map((f) => f.name);
    for (const name of FAMILIES) expect(names, name).toContain(name);
  });

  it("gives the store's figures: applications by status, the queue, the webhook backlog", async () => {
    const families = await scrape();
    const counts = await harness.rows<{ status: string; n: number }>("select status, count(*) as n from applications group by status");
    for (const { status, n } of counts) expect(value(families, "verification_applications", { status }), status).toBe(Number(n));
    expect(value(families, "verification_applications", { status: "withdrawn" })).toBe(0);
    expect(value(families, "verification_review_queue_depth")).toBe(1); // carol's
    expect(value(families, "verification_review_oldest_waiting_seconds")).toBeGreaterThan(0);
    const [pending] = await harness.rows<{ n: number }>("select count(*) as n from webhook_events where status = 'pending'");
    expect(value(families, "verification_webhook_backlog")).toBe(Number(pending!.n));
    expect(value(families, "verification_webhook_receiver_failing")).toBe(0); // failing, but not for a day
  });

  it("counts what happened: decisions and reasons as audited, updates as processed, problems, FAQ, webhook attempts", async () => {
    const families = await scrape();
    expect(value(families, "verification_decisions_total", { reviewer: "reviewer:console:rita", outcome: "approved" })).toBe(1);
    expect(value(families, "verification_decisions_total", { reviewer: "reviewer:console:rob", outcome: "rejected" })).toBe(1);
    const [reason] = (await harness.auditOf(rejected)).filter((entry) => entry.to === "rejected").map((entry) => entry.reason);
    expect(value(families, "verification_decision_reasons_total", { outcome: "rejected", reason: reason! })).toBe(1);
    expect(observations(families, "verification_time_to_decision_seconds")).toBe(2);
    // Time on the case: rita opened hers first; rob decided from the card alone (no time on the case to count).
    expect(observations(families, "verification_review_seconds")).toBe(1);

    const [processed] = await harness.rows<{ n: number }>("select count(*) as n from processed_events");
    expect(value(families, "verification_chat_updates_total", { platform: "console", outcome: "handled" })).toBe(Number(processed!.n));
    expect(observations(families, "verification_chat_update_seconds")).toBe(Number(processed!.n));
    expect(family(families, "verification_document_problems_total").metrics.length).toBeGreaterThan(0);
    expect(value(families, "verification_faq_questions_total", { result: "answered", topic: "review-time" })).toBe(1);
    expect(value(families, "verification_faq_questions_total", { result: "unmatched" })).toBe(1);
    expect(value(families, "verification_faq_feedback_total", { topic: "review-time", helpful: "yes" })).toBe(1);
    expect(value(families, "verification_webhook_attempts_total", { outcome: "failed" })).toBe(1);
  });
});
