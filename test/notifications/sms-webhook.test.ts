import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebhookSmsSender } from "../../src/notifications/webhook-sms-sender.js";
import { dispatcherFor, harnessWithSubmission, recordingChat } from "../helpers/notification-harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

interface Hit {
  headers: Record<string, string | string[] | undefined>;
  body: { to: string; text: string; id: string };
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** An SMS provider's webhook answering with the given statuses in turn (the last one repeats). */
async function provider(statuses: number[]): Promise<{ url: string; hits: Hit[] }> {
  const hits: Hit[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      hits.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      response.writeHead(statuses[Math.min(hits.length - 1, statuses.length - 1)]!).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/sms`, hits };
}

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  describe("SMS through the webhook provider", () => {
    it("retries with growing backoff after two failures, then delivers once, with the same idempotency key each time", async () => {
      const { url, hits } = await provider([503, 503, 200]);
      const { harness, reference, approve } = await harnessWithSubmission(["chat", "sms"], { dialect });
      try {
        await approve();
        const dispatcher = dispatcherFor(harness, { chat: recordingChat().send, sms: new WebhookSmsSender(url, "s3cret") });
        const start = new Date();
        const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
        const smsState = async () => {
          const rows = await harness.rows<{ status: string; attempts: number; next_attempt_at: string; failure: string | null }>(
            "select status, attempts, next_attempt_at, failure from deliveries where channel = 'sms'",
          );
          return rows[0]!;
        };

        await dispatcher.runOnce(start);
        const afterFirst = await smsState();
        expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, failure: "SMS webhook answered HTTP 503" });
        const firstWait = new Date(afterFirst.next_attempt_at).getTime() - start.getTime();
        expect(firstWait).toBe(30_000); // base delay (jitter pinned to 0 in this test)

        await dispatcher.runOnce(at(10)); // not due yet: nothing happens
        expect(hits).toHaveLength(1);

        await dispatcher.runOnce(at(30));
        const afterSecond = await smsState();
        expect(afterSecond).toMatchObject({ status: "pending", attempts: 2 });
        expect(new Date(afterSecond.next_attempt_at).getTime() - at(30).getTime()).toBe(60_000); // doubled

        await dispatcher.runOnce(at(90));
        expect(await smsState()).toMatchObject({ status: "sent", attempts: 3, failure: null });
        expect(hits).toHaveLength(3);
        expect(new Set(hits.map((hit) => hit.headers["idempotency-key"])).size).toBe(1);
        expect(hits[0]!.headers.authorization).toBe("Bearer s3cret");
        expect(hits[0]!.body).toMatchObject({ to: "+8613812348000", text: expect.stringContaining(reference) });

        await dispatcher.runOnce(at(100_000));
        expect(hits).toHaveLength(3); // sent is final
      } finally {
        await harness.close();
      }
    });

    it("a permanent refusal (HTTP 400, e.g. an invalid number) fails at once with the reason", async () => {
      const { url, hits } = await provider([400]);
      const { harness, approve } = await harnessWithSubmission(["chat", "sms"], { dialect });
      try {
        await approve();
        const dispatcher = dispatcherFor(harness, { chat: recordingChat().send, sms: new WebhookSmsSender(url, "s3cret") });
        await dispatcher.runOnce();
        await dispatcher.runOnce(new Date(Date.now() + 86_400_000));
        expect(hits).toHaveLength(1);
        expect((await harness.rows("select status, attempts, failure from deliveries where channel = 'sms'"))[0]).toEqual({
          status: "failed",
          attempts: 1,
          failure: "SMS webhook answered HTTP 400",
        });
      } finally {
        await harness.close();
      }
    });

    it("gives up after the policy's attempts when the provider never recovers", async () => {
      const { url, hits } = await provider([503]);
      const { harness, approve } = await harnessWithSubmission(["chat", "sms"], { dialect });
      try {
        await approve();
        const dispatcher = dispatcherFor(harness, {
          chat: recordingChat().send,
          sms: new WebhookSmsSender(url, "t"),
          policy: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 },
        });
        for (let hour = 0; hour < 5; hour++) await dispatcher.runOnce(new Date(Date.now() + hour * 3_600_000));
        expect(hits).toHaveLength(3);
        expect((await harness.rows("select status, failure from deliveries where channel = 'sms'"))[0]).toEqual({
          status: "failed",
          failure: "gave up after 3 attempts: SMS webhook answered HTTP 503",
        });
      } finally {
        await harness.close();
      }
    });
  });
});
