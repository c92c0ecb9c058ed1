import { readFileSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import sharp from "sharp";
import { AssistantProcess, telegramWebhookSettings, testEnv } from "../test/helpers/child-process.js";
import { startFakeTelegramApi } from "../test/helpers/fake-telegram-api.js";
import { freePort } from "../test/helpers/free-port.js";
import { fixturePhoto } from "../test/helpers/photo-corpus.js";
import { messageUpdate, pressUpdate, textUpdate } from "../test/helpers/telegram-updates.js";

/**
 * `npm run bench:load [-- <chats> <parallel>]` (default 10,000 and 40, Telegram's default number of
 * webhook connections): one `npm start` process in Telegram webhook mode on SQLite, against the
 * fake Bot API over HTTP. Each chat registers (five updates: /start, Start, name, email, phone),
 * leaving its conversation stored at the choice of method. Prints throughput and latency (an
 * update's POST until its 200, which comes once its replies are sent), the process's RSS at 1k, 10k
 * and ~100k stored conversations (90k added straight into the database, then 1k more chats
 * driven), and the event loop's delay p99 while 12-megapixel ID-card photos are checked.
 */
const [chats = 10_000, parallel = 40] = process.argv.slice(2).map(Number);
const SECRET = "load-secret-0123456789abcdef0123";
const DOCUMENT_CHATS = 100;
const SEEDED = 90_000;

const api = await startFakeTelegramApi();
const dir = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), "assistant-load-"));
const port = await freePort();
const assistant = new AssistantProcess(
  testEnv(dir, {
    ...telegramWebhookSettings(api.apiRoot, port, SECRET),
    LOG_LEVEL: "warn",
  }),
);
await waitUntilReady();

let updateId = 1;

/** Posts one update and waits for its 200; returns the milliseconds it took. */
async function post(update: object): Promise<number> {
  const started = performance.now();
  const status = await api.deliver(`http://127.0.0.1:${port}/telegram`, SECRET, { update_id: updateId++, ...update });
  if (status !== 200) throw new Error(`update answered ${status}`);
  return performance.now() - started;
}
const text = (user: number, words: string) => post(textUpdate(user, words));
const press = (user: number, data: string) => post(pressUpdate(user, data));
const photo = (user: number, fileId: string) =>
  post(messageUpdate(user, { photo: [{ file_id: fileId, file_unique_id: fileId, width: 4032, height: 3024 }] }));

async function register(user: number): Promise<number[]> {
  const phone = `139${String(10_000_000 + (user % 90_000_000)).slice(-8)}`;
  return [
    await text(user, "/start"),
    await press(user, "start"),
    await text(user, "Lin Wei"),
    await text(user, `load${user}@example.test`),
    await text(user, phone),
  ];
}

/** Drives `work` over `users` with `parallel` chats at once; returns every update's latency and the seconds taken. */
async function drive(users: number[], work: (user: number) => Promise<number[]>) {
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let index = next++; index < users.length; index = next++) latencies.push(...(await work(users[index]!)));
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, i) => start + i);
const rssMb = () => {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${assistant.pid}/status`, "utf8"))?.[1];
  return Math.round(Number(kb) / 1024);
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

const firstUser = 1_000_000;
await scrapeEventLoopP99(); // resets the process's delay histogram
const warm = await drive(range(firstUser, Math.min(1_000, chats)), register);
await settle();
const rssAt1k = rssMb();
const rest = await drive(range(firstUser + 1_000, Math.max(0, chats - 1_000)), register);
const loopP99WhileRegistering = await scrapeEventLoopP99();
await settle();
const rssAt10k = rssMb();
const all = [...warm.latencies, ...rest.latencies];
const seconds = warm.seconds + rest.seconds;

// ~100k stored conversations: 90k copies of a stored one, added beside the running process (SQLite
// lets one writer in at a time; its busy timeout covers the wait), then 1k more chats driven.
const seeded = seedConversations(join(dir, "assistant.db"), String(firstUser), SEEDED);
const after = await drive(range(firstUser + chats, 1_000), register);
await settle();
const rssAt100k = rssMb();

// Document checks: 12-megapixel photos of the ID card's front while other chats keep registering.
const big = await sharp(fixturePhoto("coffee")).resize(4032, 3024).jpeg({ quality: 90 }).toBuffer();
for (let i = 0; i < DOCUMENT_CHATS; i++) api.addFile(`front-${i}`, big);
const documentUsers = range(firstUser, DOCUMENT_CHATS);
await scrapeEventLoopP99(); // resets the process's delay histogram
const [documents, healthy] = await Promise.all([
  drive(documentUsers, async (user) => [
    await press(user, "method.id_card"),
    await text(user, "11010519491231002X"),
    await photo(user, `front-${user - firstUser}`),
  ]),
  drive(range(firstUser + chats + 1_000, 500), register),
]);
const loopP99WhileChecking = await scrapeEventLoopP99();
// Taken: the front was accepted and the back is asked for.
const photosAccepted = documentUsers.filter((user) => /back/i.test(api.textsTo(user).at(-1) ?? "")).length;
const report = {
  chats,
  parallel,
  updates: all.length,
  updatesPerSecond: Math.round(all.length / seconds),
  latencyMs: { p50: percentile(all, 50), p99: percentile(all, 99), max: Math.round(Math.max(...all)) },
  eventLoopDelayP99Ms: loopP99WhileRegistering,
  rssMb: { at1k: rssAt1k, at10k: rssAt10k, at100k: rssAt100k, ratio100kTo10k: round2(rssAt100k / rssAt10k) },
  storedConversations: { before: chats, seeded, after: chats + seeded + 1_000 + 500 },
  at100k: { updatesPerSecond: Math.round(after.latencies.length / after.seconds), p99Ms: percentile(after.latencies, 99) },
  documents: {
    photos: DOCUMENT_CHATS,
    photoUpdateP50Ms: percentile(
      documents.latencies.filter((_, i) => i % 3 === 2),
      50,
    ),
    photoUpdateP99Ms: percentile(
      documents.latencies.filter((_, i) => i % 3 === 2),
      99,
    ),
    healthyChatP99Ms: percentile(healthy.latencies, 99),
    eventLoopDelayP99Ms: loopP99WhileChecking,
    photosAccepted,
  },
};
console.log(JSON.stringify(report, null, 2));
await assistant.kill("SIGTERM");
await api.close();
rmSync(dir, { recursive: true, force: true });

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round2(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The process's own event-loop delay p99 since the last scrape (prom-client resets it per scrape), in ms. */
async function scrapeEventLoopP99(): Promise<number> {
  const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const seconds = /^nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(body)?.[1];
  return round2(Number(seconds) * 1000);
}

async function waitUntilReady(): Promise<void> {
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Adds `count` users, identities and conversations copied from `template`'s, in one transaction. */
function seedConversations(path: string, template: string, count: number): number {
  const sqlite = new SQLite(path);
  sqlite.pragma("busy_timeout = 10000");
  const now = new Date().toISOString();
  const copy = sqlite.transaction(() => {
    const seed = sqlite
      .prepare("select user_id, machine_version, snapshot from conversations where platform = 'telegram' and chat_id = ?")
      .get(template) as {
      machine_version: number;
      snapshot: string;
    };
    const user = sqlite.prepare("insert into users (id, account_status, locale, created_at) values (?, 'active', 'en', ?)");
    const identity = sqlite.prepare(
      "insert into identities (platform, platform_user_id, user_id, created_at) values ('telegram', ?, ?, ?)",
    );
    const conversation = sqlite.prepare(
      "insert into conversations (platform, chat_id, user_id, machine_version, snapshot, updated_at) values ('telegram', ?, ?, ?, ?, ?)",
    );
    for (let i = 0; i < count; i++) {
      const id = `seed-${i}`;
      const chatId = String(9_000_000 + i);
      user.run(id, now);
      identity.run(chatId, id, now);
      conversation.run(chatId, id, seed.machine_version, seed.snapshot, now);
    }
  });
  copy();
  sqlite.close();
  return count;
}
