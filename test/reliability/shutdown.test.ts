import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssistantProcess, telegramWebhookSettings, testEnv } from "../helpers/child-process.js";
import { type FakeTelegramApi, startFakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { freePort } from "../helpers/free-port.js";
import { postUpdate, textUpdate } from "../helpers/telegram-updates.js";
import { until } from "../helpers/until.js";

const SECRET = "shutdown-secret-0123456789abcdef";
/** More at once than Telegram's own limit of connections per bot (40 by default, at most 100). */
const USERS = 200;
/** Updates that arrive a second after SIGTERM. */
const LATE = 50;

/**
 * SIGTERM while hundreds of updates are in hand (Telegram webhook mode): the process finishes the
 * ones it took — each answered 200 has had its replies sent —, refuses the rest (Telegram
 * redelivers them), closes each connection with its last answer rather than waiting out its
 * keep-alive, and exits within 10 s. A new process then takes the redelivered ones, and nothing
 * took effect twice.
 */
describe("SIGTERM under load", () => {
  let api: FakeTelegramApi;
  let dir: string;
  beforeAll(async () => {
    api = await startFakeTelegramApi();
    dir = mkdtempSync(join(tmpdir(), "assistant-shutdown-"));
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${USERS} updates in flight, ${LATE} more during the stop: the ones taken are finished, the process exits 0 within 10 s, the rest are handled after a restart`, async () => {
    const port = await freePort();
    const env = testEnv(dir, telegramWebhookSettings(api.apiRoot, port, SECRET));
    const post = (user: number) =>
      api
        .deliver(
          `http://127.0.0.1:${port}/telegram`,
          SECRET,
          { update_id: user, ...textUpdate(user, "/start") },
          AbortSignal.timeout(30_000),
        )
        .catch(() => "refused" as const);

    let assistant = new AssistantProcess(env);
    await assistant.waitForStderr(/assistant ready/, 0, 60_000);
    const users = Array.from({ length: USERS + LATE }, (_, i) => 1000 + i);
    const answers = users.slice(0, USERS).map(post);
    // SIGTERM once updates are in hand (the first welcome is out), however slow the machine is today.
    await until(() => api.callsOf("sendMessage").length > 0, "a first update in hand");
    const stopping = Date.now();
    const exited = assistant.kill("SIGTERM");
    // More keep arriving while it stops: refused.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    answers.push(...users.slice(USERS).map(post));
    const code = await exited;
    const stopSeconds = (Date.now() - stopping) / 1000;
    const statuses = await Promise.all(answers);

    expect(code).toBe(0);
    expect(stopSeconds).toBeLessThan(10);
    const answered = users.filter((_, i) => statuses[i] === 200);
    expect(answered.length).toBeGreaterThan(0); // some were in hand when SIGTERM came…
    for (const user of answered) expect(api.textsTo(user).length, `user ${user} answered 200 without a reply`).toBeGreaterThan(0);
    // …the others were never taken: no connection, or 503 on one still open.
    expect(statuses.filter((status) => status !== 200 && status !== 503 && status !== "refused")).toEqual([]);

    // Telegram redelivers what was not answered 200; a new process handles it.
    assistant = new AssistantProcess(env);
    try {
      await assistant.waitForStderr(/assistant ready/, 0, 60_000);
      const redelivered = users.filter((_, i) => statuses[i] !== 200);
      expect(await Promise.all(redelivered.map(post))).toEqual(redelivered.map(() => 200));
      const welcome = api.textsTo(users[0]!).length;
      for (const user of users) expect(api.textsTo(user).length, `user ${user}`).toBe(welcome); // each once, none twice
    } finally {
      await assistant.kill("SIGTERM");
    }
  }, 120_000);

  it("an update stuck on a stalled Bot API call: the process still exits within 10 s, saying so, and the update is left for redelivery", async () => {
    const port = await freePort();
    // Replies by Bot API call: with answers on, /start's only message would travel in the webhook's answer, no call to stall.
    const settings = { ...telegramWebhookSettings(api.apiRoot, port, SECRET), TELEGRAM_WEBHOOK_ANSWERS: "off" };
    const assistant = new AssistantProcess(testEnv(dir, settings));
    await assistant.waitForStderr(/assistant ready/, 0, 60_000);
    api.stallNext("sendMessage", 30_000);
    const answer = postUpdate(`http://127.0.0.1:${port}/telegram`, SECRET, { update_id: 9_000, ...textUpdate(9_000, "/start") }).then(
      (response) => response.status,
      () => "refused" as const,
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // the reply is on its way, and stalls
    const stopping = Date.now();
    expect(await assistant.kill("SIGTERM")).toBe(1);
    expect(Date.now() - stopping).toBeLessThan(10_000);
    expect(assistant.stderr).toMatch(/stopping took too long: exiting with updates unanswered/);
    expect(await answer).not.toBe(200); // never confirmed: Telegram delivers it again
  }, 60_000);
});
