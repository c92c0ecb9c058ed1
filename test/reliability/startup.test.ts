import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssistantProcess, telegramWebhookSettings, testEnv } from "../helpers/child-process.js";
import { type FakeSlackApi, startFakeSlackApi } from "../helpers/fake-slack-api.js";
import { type FakeTelegramApi, startFakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { freePort } from "../helpers/free-port.js";

/** Nothing listens on port 9 (discard): connections to it are refused at once. */
const REFUSED = "127.0.0.1:9";
/** `/readyz` names what the start waits for only to a request with METRICS_TOKEN. */
const METRICS_TOKEN = "startup-metrics-token-0123456789";

/**
 * `npm start` while a dependency is out of reach: which one and why is said on stderr within
 * seconds, the start keeps trying where waiting can help, and `/readyz` says what it waits for.
 */
describe("start-up while a dependency cannot be reached", () => {
  let telegram: FakeTelegramApi;
  let slack: FakeSlackApi;
  const stops: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    telegram = await startFakeTelegramApi();
    slack = await startFakeSlackApi();
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await telegram.close();
    await slack.close();
  });

  /** `npm start` with these settings and a web server on a free port. */
  async function startWith(settings: Record<string, string> | ((port: number) => Record<string, string>)) {
    const dir = mkdtempSync(join(tmpdir(), "assistant-startup-"));
    const port = await freePort();
    const assistant = new AssistantProcess(
      testEnv(dir, {
        PORT: String(port),
        METRICS_TOKEN,
        ...(typeof settings === "function" ? settings(port) : settings),
      }),
    );
    stops.push(async () => {
      await assistant.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    });
    const readyz = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    return { assistant, readyz };
  }

  it("the Bot API refuses connections: said at once, naming what to check, retried with growing waits; /readyz names it", async () => {
    const { assistant, readyz } = await startWith((port) =>
      telegramWebhookSettings(`http://${REFUSED}`, port, "startup-secret-0123456789abcdef"),
    );
    const started = Date.now();
    await assistant.waitForStderr(/"attempt":1,"retryInMs":1000.*Telegram Bot API cannot be reached \(check TELEGRAM_API_ROOT/, 0, 15_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    await assistant.waitForStderr(/"attempt":2,"retryInMs":2000/, 0, 15_000);
    expect(await readyz()).toMatchObject({
      status: 503,
      body: {
        status: "not_ready",
        starting: true,
        dependencies: { telegram: { reachable: false, error: expect.stringMatching(/fetch|ECONNREFUSED/) } },
      },
    });
  }, 40_000);

  it("a Bot API that accepts the connection and never answers: said within seconds, not after grammY's 500 s", async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer(() => undefined); // takes the request, never answers
    silent.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    stops.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const { assistant } = await startWith({
      TELEGRAM_BOT_TOKEN: "123456:TEST",
      TELEGRAM_API_ROOT: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
    });
    await assistant.waitForStderr(/"attempt":1.*Telegram Bot API cannot be reached/, 0, 20_000);
  }, 40_000);

  it("PostgreSQL out of reach: said within seconds naming DATABASE_URL, retried; /readyz says the start waits for the database", async () => {
    const { assistant, readyz } = await startWith((port) => ({
      ...telegramWebhookSettings(telegram.apiRoot, port, "startup-secret-0123456789abcdef"),
      DATABASE_URL: `postgres://postgres@${REFUSED}/test`,
    }));
    const started = Date.now();
    await assistant.waitForStderr(
      /"dependency":"database","attempt":1,"retryInMs":1000.*PostgreSQL cannot be reached \(check DATABASE_URL/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    await assistant.waitForStderr(/"dependency":"database","attempt":2/, 0, 15_000);
    expect(await readyz()).toMatchObject({
      status: 503,
      body: { starting: true, dependencies: { database: { reachable: false, error: expect.stringContaining("ECONNREFUSED") } } },
    });
    expect(assistant.stderr).not.toMatch(/postgres:\/\//); // the URL (which may carry a password) is never logged
  }, 40_000);

  it("Slack's API out of reach: said within seconds naming SLACK_API_URL, retried; /readyz names it", async () => {
    const { assistant, readyz } = await startWith({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: "startup-signing-secret",
      SLACK_API_URL: `http://${REFUSED}/api/`,
    });
    const started = Date.now();
    await assistant.waitForStderr(/"dependency":"slack","attempt":1.*Slack's Web API cannot be reached \(check SLACK_API_URL/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await readyz()).toMatchObject({ status: 503, body: { starting: true, dependencies: { slack: { reachable: false } } } });
  }, 40_000);

  it("Slack refuses the token: the start ends at once, saying why (waiting would not fix it)", async () => {
    slack.failNext("auth.test", "invalid_auth");
    const { assistant } = await startWith({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: "startup-signing-secret",
      SLACK_API_URL: slack.apiUrl,
    });
    expect(await assistant.exited).toBe(1);
    expect(assistant.stderr).toMatch(/fatal: .*invalid_auth/);
  }, 40_000);

  it("SMTP and the SMS webhook out of reach: each said within seconds; the assistant serves, /readyz ready with both named", async () => {
    const { assistant, readyz } = await startWith((port) => ({
      ...telegramWebhookSettings(telegram.apiRoot, port, "startup-secret-0123456789abcdef"),
      SMTP_URL: `smtp://${REFUSED}`,
      MAIL_FROM: "Verification <verify@example.test>",
      SMS_WEBHOOK_URL: `http://${REFUSED}/sms`,
      SMS_WEBHOOK_TOKEN: "sms-token",
    }));
    const started = Date.now();
    await assistant.waitForStderr(/"dependency":"smtp".*SMTP server cannot be reached \(check SMTP_URL\); emails wait in the outbox/);
    await assistant.waitForStderr(/"dependency":"sms".*SMS webhook cannot be reached \(check SMS_WEBHOOK_URL\); SMS wait in the outbox/);
    expect(Date.now() - started).toBeLessThan(10_000);
    await assistant.waitForStderr(/assistant ready/);
    expect(await readyz()).toMatchObject({
      status: 200,
      body: {
        status: "ready",
        dependencies: {
          telegram: { reachable: true },
          smtp: { reachable: false, error: expect.stringContaining("ECONNREFUSED") },
          sms: { reachable: false, error: expect.stringContaining("ECONNREFUSED") },
        },
      },
    });
  }, 40_000);
});
