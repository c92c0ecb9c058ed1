import { afterAll, describe, expect, it } from "vitest";
import { createSlackHarness, type SlackHarness, until } from "../helpers/slack-harness.js";
import { createTelegramHarness, type TelegramHarness } from "../helpers/telegram-harness.js";
import { postUpdate, pressUpdate, textUpdate } from "../helpers/telegram-updates.js";

/**
 * The platforms on a bad day: the fake Telegram and Slack APIs answer a share of all calls (10 %)
 * with 429 (with `retry_after` / `Retry-After`), 500, a reset connection or a stall (30 s in the full
 * run, `FAULT_STALL_MS`; 5 s here), while chats register at once. Checked: every chat gets through
 * (every reply delivered in the end), nothing crashes, and chats whose own calls met no fault are not
 * held up by the others' (their per-update latency p99, printed with the rest).
 */
const STALL_MS = Number(process.env.FAULT_STALL_MS ?? 5_000);
const FAULT_RATE = Number(process.env.FAULT_RATE ?? 0.1);
const CHATS = Number(process.env.FAULT_CHATS ?? 30);
const SECRET = "faults-secret";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
};

/** Latency of the chats none of whose own calls met a fault ("healthy"), beside those that met one. */
function latencyFigures<User>(
  users: User[],
  latencies: Map<User, number[]>,
  metFault: (user: User) => boolean,
  faults: { injected: number; byKind: Record<string, number> },
) {
  const of = (chats: User[]) => chats.flatMap((user) => latencies.get(user)!);
  const healthy = users.filter((user) => !metFault(user));
  return {
    chats: users.length,
    faultsInjected: faults.injected,
    byKind: faults.byKind,
    healthyChats: healthy.length,
    healthyP50Ms: percentile(of(healthy), 50),
    healthyP99Ms: percentile(of(healthy), 99),
    faultedP99Ms: percentile(of(users.filter(metFault)), 99),
  };
}

/** A chat's registration: /start, Start, name, email, phone — the chat then waits for the method. */
const REGISTRATION = (user: number) => [
  { text: "/start" },
  { data: "start" },
  { text: "Fault Tester" },
  { text: `faults${user}@example.test` },
  { text: `139${String(10_000_000 + user).slice(-8)}` },
];

describe("Telegram's Bot API failing 10 % of calls", () => {
  let t: TelegramHarness;
  afterAll(() => t.close());

  it("every chat gets through; chats that met no fault are not held up by the others'", async () => {
    t = await createTelegramHarness();
    const base = await t.serveWebhook(SECRET);
    Object.assign(t.api.faults, { rate: FAULT_RATE, stallMs: STALL_MS });
    let updateId = 1;
    let redeliveries = 0;
    /** Posts until answered 200, as Telegram does (it gives a webhook 60 s); returns the time until then. */
    const deliver = async (user: number, step: { text?: string; data?: string }): Promise<number> => {
      const body = JSON.stringify({
        update_id: updateId++,
        ...(step.text !== undefined
          ? textUpdate(user, step.text)
          : // The press names its chat, so that a fault on its answer is counted as that chat's.
            pressUpdate(user, step.data!, { id: `${user}:${updateId}` })),
      });
      const first = performance.now();
      for (;;) {
        const status = await postUpdate(`${base}/telegram`, SECRET, body, AbortSignal.timeout(60_000)).then(
          (response) => response.status,
          () => 0,
        );
        if (status === 200) return performance.now() - first;
        redeliveries++;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    };
    const users = Array.from({ length: CHATS }, (_, i) => 5_000 + i);
    const latencies = new Map<number, number[]>();
    await Promise.all(
      users.map(async (user) => {
        const own: number[] = [];
        for (const step of REGISTRATION(user)) own.push(await deliver(user, step));
        latencies.set(user, own);
      }),
    );

    for (const user of users) {
      const methodQuestion = t.api
        .callsOf("sendMessage")
        .filter((call) => String(call.payload.chat_id) === String(user))
        .some((call) => JSON.stringify(call.payload.reply_markup ?? "").includes("method.id_card"));
      expect(methodQuestion, `user ${user} was asked for the method`).toBe(true);
      const draft = await t.harness.store.transaction(async (tx) => tx.loadDraft((await tx.findUserId("telegram", String(user)))!));
      expect(draft, `user ${user}'s answers are stored`).toMatchObject({ name: "Fault Tester", email: `faults${user}@example.test` });
    }
    const metFault = (user: number) => [...t.api.faults.chats].some((whose) => whose === String(user) || whose.startsWith(`${user}:`));
    const figures = { ...latencyFigures(users, latencies, metFault, t.api.faults), redeliveries };
    console.log(`Telegram faults: ${JSON.stringify(figures)}`);
    expect(figures.faultsInjected).toBeGreaterThan(0);
    expect(figures.healthyChats).toBeGreaterThan(0);
    expect(figures.healthyP99Ms).toBeLessThan(STALL_MS); // not held up by another chat's stall
  }, 300_000);
});

describe("Slack's Web API failing 10 % of calls", () => {
  let slack: SlackHarness;
  afterAll(async () => {
    await slack.close();
  });

  it("every chat gets through; chats that met no fault are not held up by the others'", async () => {
    slack = await createSlackHarness(undefined, { clientRetries: "production" });
    Object.assign(slack.api.faults, { rate: FAULT_RATE, stallMs: STALL_MS });
    const users = Array.from({ length: CHATS }, (_, i) => `UFAULT${i}`);
    const callsFor = (user: string) => slack.api.calls.filter((call) => call.args.channel === user).length;
    /** Slack is answered at once and the work goes on: the time is until the chat's next message. */
    const send = async (user: string, step: { text?: string; data?: string }): Promise<number> => {
      const before = callsFor(user);
      const first = performance.now();
      const answer = step.text !== undefined ? await slack.dm(user, step.text) : await slack.press(user, step.data!);
      expect(answer.status).toBe(200);
      await until(() => callsFor(user) > before, `a reply to ${user}`, 120_000);
      return performance.now() - first;
    };
    const latencies = new Map<string, number[]>();
    await Promise.all(
      users.map(async (user, i) => {
        const own: number[] = [];
        for (const step of REGISTRATION(i)) own.push(await send(user, step.text === "/start" ? { text: "hello" } : step));
        latencies.set(user, own);
      }),
    );

    for (const [i, user] of users.entries()) {
      await until(
        () => slack.api.postedTo(user).some((message) => message.buttons.includes("method.id_card")),
        `${user} asked for the method`,
        120_000,
      );
      const draft = await slack.harness.store.transaction(async (tx) => tx.loadDraft((await tx.findUserId("slack", user))!));
      expect(draft, `${user}'s answers are stored`).toMatchObject({ name: "Fault Tester", email: `faults${i}@example.test` });
    }
    const figures = latencyFigures(users, latencies, (user) => slack.api.faults.chats.has(user), slack.api.faults);
    console.log(`Slack faults: ${JSON.stringify(figures)}`);
    expect(figures.faultsInjected).toBeGreaterThan(0);
    expect(figures.healthyChats).toBeGreaterThan(0);
    // Slack's client pauses all its calls while one is rate limited (Retry-After): healthy chats wait that second too.
    expect(figures.healthyP99Ms).toBeLessThan(STALL_MS);
  }, 300_000);
});
