import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AssistantProcess, telegramWebhookSettings, testEnv } from "../helpers/child-process.js";
import { startFakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { freePort } from "../helpers/free-port.js";
import { postUpdate, registrationUpdates } from "../helpers/telegram-updates.js";

/**
 * The duplicate-reply scenario (docs/reliability.md › Replies after a crash): two `npm start` processes in
 * Telegram webhook mode on one PostgreSQL database, as behind a load balancer; chats register at once
 * (start, name, email, phone, method), their updates alternating between the instances and one in ten
 * delivered to both at once; each delivery repeated until answered 200, as Telegram does, and sent to the
 * other instance once one is gone. Halfway through, one instance is SIGKILLed. Then every chat's messages
 * are counted at the fake Bot API: a reply missing, or a reply shown twice.
 *
 * A webhook's answer may carry one Bot API call, which Telegram carries out when it takes the answer. Of
 * an update delivered to both instances at once, only the second delivery's answer counts: Telegram posts
 * an update again only once it gave up on the first post, whose answer it then never reads.
 */
export interface DuplicateRepliesOptions {
  chats: number;
  /** A fresh PostgreSQL database, shared by both instances. */
  databaseUrl: string;
}

export interface DuplicateRepliesReport {
  chats: number;
  updates: number;
  redeliveries: number;
  /** Chats missing a reply (fewer distinct messages than a chat that met no kill). */
  chatsMissingReplies: number;
  /** Chats shown some message twice. */
  chatsWithDuplicates: number;
  /** Messages shown more than once, counted once per extra copy. */
  duplicatedReplies: number;
  /** Messages that came in a webhook's answer Telegram took (the rest by Bot API calls). */
  repliesInAnswers: number;
  /** Messages sent by Bot API calls: each may be shown twice should its instance die before confirming it. */
  repliesByCall: number;
  seconds: number;
}

const SECRET = "duplicates-secret-0123456789abcdef";

export async function runDuplicateRepliesScenario(options: DuplicateRepliesOptions): Promise<DuplicateRepliesReport> {
  const started = Date.now();
  const api = await startFakeTelegramApi();
  const dirs = [mkdtempSync(join(tmpdir(), "assistant-dup-a-")), mkdtempSync(join(tmpdir(), "assistant-dup-b-"))];
  const ports = [await freePort(), await freePort()];
  const instances = await Promise.all(
    dirs.map(async (dir, i) => {
      const env = testEnv(dir, { ...telegramWebhookSettings(api.apiRoot, ports[i]!, SECRET), DATABASE_URL: options.databaseUrl });
      const assistant = new AssistantProcess(env);
      await assistant.waitForStderr(/assistant ready/, 0, 60_000);
      return assistant;
    }),
  );
  const alive = [true, true];
  let updateId = 1;
  let redeliveries = 0;

  /**
   * One delivery of an update to one instance, repeated until answered 200 — by the other instance once this
   * one is gone. `abandoned`: Telegram no longer waits for this post's answer (it posted the update again).
   */
  async function deliverTo(first: number, body: string, abandoned = false): Promise<void> {
    for (let target = first; ; ) {
      const url = `http://127.0.0.1:${ports[target]}/telegram`;
      const signal = AbortSignal.timeout(15_000);
      const status = abandoned
        ? postUpdate(url, SECRET, body, signal).then(async (response) => {
            await response.body?.cancel(); // its answer is never read
            return response.status;
          })
        : api.deliver(url, SECRET, body, signal);
      const answered = await status.then(
        (code) => code === 200,
        () => false,
      );
      if (answered) return;
      redeliveries++;
      if (!alive[target]) target = 1 - target;
      await sleep(100);
    }
  }

  const total = options.chats * registrationUpdates(0).length;
  async function deliver(update: object): Promise<void> {
    const id = updateId++;
    const body = JSON.stringify({ update_id: id, ...update });
    const preferred = id % 2;
    if (id % 10 === 0) await Promise.all([deliverTo(preferred, body, true), deliverTo(1 - preferred, body)]);
    else await deliverTo(alive[preferred] ? preferred : 1 - preferred, body);
  }

  // A chat that met no kill, first and alone: how many distinct messages one registration shows.
  const reference = 1;
  for (const update of registrationUpdates(reference)) await deliver(update);
  const expected = new Set(api.textsTo(reference)).size;

  const killer = (async () => {
    while (updateId < total / 2) await sleep(2);
    await sleep(Math.random() * 20);
    alive[0] = false;
    await instances[0]!.kill("SIGKILL");
  })();
  const chats = Array.from({ length: options.chats - 1 }, (_, i) => 2 + i);
  await Promise.all(
    chats.map(async (chat) => {
      for (const update of registrationUpdates(chat)) await deliver(update);
    }),
  );
  await killer;
  // A redelivery that found unconfirmed replies waits out their grace (5 s) before sending them: let it finish.
  await sleep(6_000);
  await instances[1]!.kill("SIGTERM");

  let chatsMissingReplies = 0;
  let chatsWithDuplicates = 0;
  let duplicatedReplies = 0;
  for (const chat of [reference, ...chats]) {
    const texts = api.textsTo(chat);
    const distinct = new Set(texts).size;
    if (distinct < expected) chatsMissingReplies++;
    if (texts.length > distinct) chatsWithDuplicates++;
    duplicatedReplies += texts.length - distinct;
  }
  await api.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  return {
    chats: options.chats,
    updates: updateId - 1,
    redeliveries,
    chatsMissingReplies,
    chatsWithDuplicates,
    duplicatedReplies,
    repliesInAnswers: api.calls.filter((call) => call.inAnswer).length,
    repliesByCall: api.callsOf("sendMessage").filter((call) => !call.inAnswer).length,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
