import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readiness } from "../../src/app/readiness.js";
import { receiverFailing } from "../../src/domain/webhook-event.js";
import { WebhookSender } from "../../src/notifications/webhook-sender.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { readConfig } from "../../src/runtime/config.js";
import { Dependencies } from "../../src/runtime/dependencies.js";
import { createLogger } from "../../src/runtime/logger.js";
import { runCli, testEnv } from "../helpers/child-process.js";
import { createHarness, type Harness, submitWithPhone } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";
import { startWebhookReceiver } from "../helpers/webhook-receiver.js";

const SECRET = "webhook-secret-0123456789abcdef";
const MINUTE = 60_000;

describe.each(TESTED_DIALECTS)("webhooks on %s", (dialect) => {
  let harness: Harness;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let logLines: Array<{ level: number; msg: string }>;
  let sender: WebhookSender;
  beforeEach(async () => {
    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita"]), webhookReceiver: true });
    receiver = await startWebhookReceiver(SECRET);
    logLines = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => done(void logLines.push(JSON.parse(String(chunk)))) });
    sender = new WebhookSender({ outbox: harness.store.webhooks(), url: receiver.url, secret: SECRET, logger: pino(sink) });
  });
  afterEach(async () => {
    await receiver.close();
    await harness.close();
  });

  const approve = (reference: string) => harness.chat("rita").press(`rv.ok.${reference}`);
  const reject = async (reference: string) => {
    await harness.chat("rita").press(`rv.nx.${reference}.1`); // the first reason
    await harness.chat("rita").press("rv.nn"); // no note
  };
  const cli = (args: string[]) =>
    runCli(["webhooks", ...args], testEnv(harness.dir, harness.database.kind === "postgres" ? { DATABASE_URL: harness.database.url } : {}));

  it("posts each status change once, signed, with its Idempotency-Key and no personal data", async () => {
    const reference = await submitWithPhone(harness, "alice");
    await approve(reference);
    expect(await sender.runOnce()).toBe(2);
    expect(await sender.runOnce()).toBe(0); // nothing twice

    expect(receiver.receipts.map((r) => [r.type, r.reference, r.accepted])).toEqual([
      ["application.submitted", reference, true],
      ["application.approved", reference, true],
    ]);
    for (const receipt of receiver.receipts) {
      expect(receipt.signatureValid).toBe(true);
      expect(receipt.idempotencyKey).toBe(receipt.id);
      expect(Object.keys(receipt.body).sort()).toEqual(["data", "id", "occurredAt", "type"]);
      expect(receipt.raw).not.toMatch(/张三|alice@example|13812348000/);
    }
    expect(receiver.receipts[1]!.body).toEqual({
      id: receiver.receipts[1]!.id,
      type: "application.approved",
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: { reference, platform: "console", user: "alice", status: "approved", method: "phone", reasons: [] },
    });
  });

  it("keeps a receiver's events through a day of failures, reports it, then delivers them all in order", async () => {
    receiver.state.up = false;
    const start = new Date("2026-11-23T02:00:00Z");
    const alice = await submitWithPhone(harness, "alice");
    await approve(alice);
    const bob = await submitWithPhone(harness, "bob");
    await reject(bob);

    // A simulated day and an hour, the sender ticking every minute, the receiver answering 503 throughout.
    let runs = 0;
    for (let at = start.getTime(); at <= start.getTime() + 25 * 60 * MINUTE; at += MINUTE, runs++) await sender.runOnce(new Date(at));
    const failedAttempts = receiver.receipts.length;
    expect(receiver.accepted()).toEqual([]);
    expect(failedAttempts).toBeGreaterThan(10); // retried…
    expect(failedAttempts).toBeLessThan(runs / 10); // …with backoff, not every tick
    const backlog = await harness.store.webhooks().backlog();
    expect(backlog.pending).toBe(4);
    expect(receiverFailing(backlog, new Date(start.getTime() + 25 * 60 * MINUTE))).toBe(true);
    expect(logLines.some((line) => line.level === 50 && /failing for over a day/.test(line.msg))).toBe(true);
    // /readyz carries it as detail (the instance itself stays ready).
    expect(await readiness(harness.store, true, new Dependencies(createLogger("silent")))).toMatchObject({
      ready: true,
      detail: { webhooks: { pending: 4, receiverFailing: true } },
    });
    const failed = JSON.parse(cli(["list", "--failed", "--json"]).stdout) as Array<{ status: string; lastError: string }>;
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((event) => event.status === "pending" && event.lastError === "HTTP 503")).toBe(true);

    receiver.state.up = true;
    await sender.runOnce(new Date(start.getTime() + 26 * 60 * MINUTE));
    const delivered = receiver.accepted();
    expect(delivered.map((r) => r.id).sort()).toEqual([...new Set(delivered.map((r) => r.id))].sort()); // each once
    const orderOf = (reference: string) => delivered.filter((r) => r.reference === reference).map((r) => r.type);
    expect(orderOf(alice)).toEqual(["application.submitted", "application.approved"]);
    expect(orderOf(bob)).toEqual(["application.submitted", "application.rejected"]);
    expect(delivered.find((r) => r.type === "application.rejected")!.body).toMatchObject({ data: { reasons: [expect.any(String)] } });
    expect(await harness.store.webhooks().backlog()).toEqual({ pending: 0, oldestPendingAt: null, failingSince: null });
    expect(await readiness(harness.store, true, new Dependencies(createLogger("silent")))).toMatchObject({
      detail: { webhooks: { pending: 0, receiverFailing: false } },
    });
  }, 60_000);

  it("cli webhooks list and replay: a delivered event goes again with the same id and Idempotency-Key", async () => {
    const reference = await submitWithPhone(harness, "alice");
    await sender.runOnce();
    const listed = JSON.parse(cli(["list", "--json"]).stdout) as Array<{ id: string; status: string; reference: string }>;
    expect(listed).toMatchObject([{ reference, status: "delivered", type: "application.submitted", attempts: 1 }]);
    expect(JSON.parse(cli(["list", "--failed", "--json"]).stdout)).toEqual([]);
    expect(cli(["list"]).stdout).toContain(listed[0]!.id);

    const replayed = cli(["replay", listed[0]!.id]);
    expect(replayed.code).toBe(0);
    await sender.runOnce();
    expect(receiver.accepted().map((r) => [r.id, r.idempotencyKey])).toEqual([
      [listed[0]!.id, listed[0]!.id],
      [listed[0]!.id, listed[0]!.id],
    ]);
    expect(cli(["replay", "no-such-event"]).code).toBe(1);
    expect(cli(["frobnicate"]).code).toBe(2);
  }, 60_000);
});

describe("without WEBHOOK_URL", () => {
  it("queues nothing", async () => {
    const harness = await createHarness();
    await submitWithPhone(harness, "alice");
    expect(await harness.store.webhooks().backlog()).toMatchObject({ pending: 0 });
    expect(await harness.store.webhooks().list({ failed: false, limit: 10 })).toEqual([]);
    await harness.close();
  });
});

describe("WEBHOOK_URL and WEBHOOK_SECRET", () => {
  it("go together, the secret long enough not to be guessed", () => {
    expect(() => readConfig({ WEBHOOK_URL: "https://platform.example/hooks" })).toThrow(/^WEBHOOK_SECRET: is required/);
    expect(() => readConfig({ WEBHOOK_SECRET: SECRET })).toThrow(/^WEBHOOK_URL: is required/);
    expect(() => readConfig({ WEBHOOK_URL: "https://platform.example/hooks", WEBHOOK_SECRET: "short" })).toThrow(
      /^WEBHOOK_SECRET: must be/,
    );
    expect(() => readConfig({ WEBHOOK_URL: "ftp://platform.example", WEBHOOK_SECRET: SECRET })).toThrow(/^WEBHOOK_URL: /);
    expect(readConfig({ WEBHOOK_URL: "https://platform.example/hooks", WEBHOOK_SECRET: SECRET }).webhook).toEqual({
      url: "https://platform.example/hooks",
      secret: SECRET,
    });
  });
});
