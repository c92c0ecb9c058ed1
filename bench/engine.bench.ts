/**
 * `npm run bench`: 1,000 users' complete registration flows (start, name,
 * email, phone, method) through the engine and the SQLite store, against a
 * floor of the same number of events doing only what any durable chat bot
 * must do per event (a dedupe insert and a snapshot upsert, in one
 * transaction) on a database file with the same settings. Then the same for
 * whole verifications up to submission, photos included, for information:
 * each photo adds a durable file write the floor has no counterpart for.
 */

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import SQLite from "better-sqlite3";
import pino from "pino";
import { migrateToLatest } from "../db/migrate.js";
import { applyPragmas, openSqlite } from "../db/open-database.js";
import { SqlStore } from "../db/sql-store.js";
import type { ChatEvent } from "../src/chat/chat-event.js";
import { createDocumentCheck } from "../src/documents/document-check.js";
import { DocumentStore } from "../src/documents/document-store.js";
import { FileDocumentBytes } from "../src/documents/file-document-bytes.js";
import { DEFAULT_DOCUMENT_RULES } from "../src/domain/document-rules.js";
import { Engine } from "../src/engine/engine.js";
import type { Sealer } from "../src/ports/sealer.js";
import { Keyring } from "../src/runtime/keyring.js";
import { minimalGoodJpeg } from "../test/helpers/hostile-files.js";

const USERS = Number(process.env.BENCH_USERS ?? 1000);
type Step = (user: number) => Omit<ChatEvent, "id" | "platform" | "chatId" | "userId">;

const codes = new Map<string, string>();
const text =
  (value: string | ((user: number) => string)): Step =>
  (user) => ({ kind: "text", text: typeof value === "string" ? value : value(user) });
const press =
  (choice: string): Step =>
  () => ({ kind: "choice", choice });
// Distinct real photos (a handful, reused: content addressing stores each once).
const PHOTOS = await Promise.all(Array.from({ length: 12 }, (_, i) => minimalGoodJpeg(i * 20)));
const photo =
  (shade: number): Step =>
  (user) => ({ kind: "file", file: { name: "photo.jpg", bytes: PHOTOS[(user + shade) % PHOTOS.length]! } });
const phoneOf = (user: number) => `+86138${String(user).padStart(8, "0")}`;

const REGISTRATION: Step[] = [press("start"), text("张三"), text((u) => `user${u}@example.com`), text(phoneOf)];
const REGISTRATION_FLOWS: Step[][] = [[...REGISTRATION, press("method.id_card")]];
const VERIFICATION_FLOWS: Step[][] = [
  [...REGISTRATION, press("method.id_card"), text("11010519491231002X"), photo(1), photo(2), press("submit"), press("consent.agree")],
  [...REGISTRATION, press("method.phone"), text((u) => codes.get(phoneOf(u)) ?? ""), press("submit"), press("consent.agree")],
  [
    ...REGISTRATION,
    press("method.enterprise"),
    text("北京某某科技有限公司"),
    text("91350100M000100Y43"),
    photo(3),
    text("李四"),
    text("11010519491231002X"),
    photo(4),
    photo(5),
    press("submit"),
    press("consent.agree"),
  ],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** No encryption at rest: the same run without it, to show what sealing personal data costs. */
const PLAIN: Sealer = {
  currentKeyId: "plain",
  sealText: (t) => t,
  openText: (t) => t,
  sealBytes: (b) => b,
  openBytes: (b) => b,
  newUserKey: () => ({ id: randomBytes(8).toString("hex"), key: Buffer.alloc(32) }),
  wrapUserKey: (_, key) => key.id,
  unwrapUserKey: () => ({ id: "plain", key: Buffer.alloc(32) }),
  userKeyIdOf: () => null,
  isCurrent: () => true,
  digests: (value) => [`plain:${value}`],
};
const KEYRING = new Keyring([{ id: "bench", key: randomBytes(32) }]);

async function benchEngine(
  dir: string,
  flows: Step[][],
  sealer: Sealer,
  name: string,
): Promise<{ latencies: number[]; seconds: number; snapshotSample: string }> {
  const { db, sqlite } = openSqlite(join(dir, `engine-${name}.db`));
  await migrateToLatest(db);
  const store = new SqlStore(db, sealer);
  const engine = new Engine({
    store,
    documents: new DocumentStore(new FileDocumentBytes(join(dir, `documents-${name}`)), sealer, randomBytes(32), store.documentKeys()),
    checkDocument: createDocumentCheck(DEFAULT_DOCUMENT_RULES),
    codeKey: KEYRING.deriveKey("one-time-codes"),
    sms: { send: async (phone, body) => void codes.set(phone, /\d{6}/.exec(body)![0]) },
    logger: pino({ level: "silent" }),
    settings: { defaultLocale: "zh-CN", timeZone: "Asia/Shanghai", holidays: new Set(), supportContact: "support@example.com" },
  });
  const latencies: number[] = [];
  const longest = Math.max(...flows.map((flow) => flow.length));
  let id = 0;
  const started = performance.now();
  // Round-robin across users, as many chats interleave in production.
  for (let step = 0; step < longest; step++) {
    for (let user = 0; user < USERS; user++) {
      const flow = flows[user % flows.length]!;
      if (step >= flow.length) continue;
      const event = { ...flow[step]!(user), id: `e${++id}`, platform: "telegram", chatId: `${user}`, userId: `${user}` } as ChatEvent;
      const t0 = performance.now();
      await engine.handle(event);
      latencies.push(performance.now() - t0);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const { drafts, submitted } = sqlite
    .prepare("select sum(status = 'draft') as drafts, sum(status = 'submitted') as submitted from applications")
    .get() as { drafts: number; submitted: number };
  // A benchmark of a broken flow measures nothing: every user must have got where the flow leads.
  if (drafts + submitted !== USERS) throw new Error(`expected ${USERS} applications, found ${drafts} drafts and ${submitted} submitted`);
  const { snapshot } = sqlite.prepare("select snapshot from conversations order by length(snapshot) desc limit 1").get() as {
    snapshot: string;
  };
  await store.close();
  return { latencies, seconds, snapshotSample: snapshot };
}

function benchFloor(dir: string, events: number, snapshot: string): { latencies: number[]; seconds: number } {
  const sqlite = new SQLite(join(dir, "floor.db"));
  applyPragmas(sqlite);
  sqlite.exec(`create table processed_events (platform text not null, event_id text not null, processed_at text not null, primary key (platform, event_id));
    create table conversations (platform text not null, chat_id text not null, snapshot text not null, updated_at text not null, primary key (platform, chat_id));`);
  const dedupe = sqlite.prepare("insert into processed_events values ('telegram', ?, ?) on conflict do nothing");
  const upsert = sqlite.prepare(
    "insert into conversations values ('telegram', ?, ?, ?) on conflict (platform, chat_id) do update set snapshot = excluded.snapshot, updated_at = excluded.updated_at",
  );
  const handle = sqlite.transaction((eventId: string, chatId: string) => {
    const now = new Date().toISOString();
    dedupe.run(eventId, now);
    upsert.run(chatId, snapshot, now);
  });
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < events; i++) {
    const t0 = performance.now();
    handle(`e${i}`, String(i % USERS));
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return { latencies, seconds };
}

type Measured = { latencies: number[]; seconds: number; snapshotSample: string };

/** Several runs of one kind as one: all their latencies, their time added up. */
function together(runs: Measured[]): { latencies: number[]; seconds: number } {
  return { latencies: runs.flatMap((run) => run.latencies), seconds: runs.reduce((sum, run) => sum + run.seconds, 0) };
}

function report(name: string, { latencies, seconds }: { latencies: number[]; seconds: number }): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  const rate = latencies.length / seconds;
  console.log(
    `${name.padEnd(8)} ${String(latencies.length).padStart(6)} events  ${rate.toFixed(0).padStart(6)} events/s  p50 ${percentile(sorted, 50).toFixed(3)} ms  p99 ${percentile(sorted, 99).toFixed(3)} ms`,
  );
  return rate;
}

async function compare(title: string, flows: Step[][]): Promise<void> {
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), "assistant-bench-"));
  try {
    console.log(`\n${title}: ${USERS} users, SQLite WAL + synchronous=FULL in ${dir}`);
    // A warm-up run first, discarded: whichever run came first would otherwise pay for the JIT.
    await benchEngine(dir, flows, PLAIN, "warm-up");
    // Sealed and plain alternate, twice each: an fsync's cost drifts during a run, and whichever
    // went second would carry the drift. Each side's figures are its two runs together.
    const runs = { sealed: [] as Measured[], plain: [] as Measured[] };
    for (const round of [1, 2]) {
      const order = round === 1 ? (["sealed", "plain"] as const) : (["plain", "sealed"] as const);
      for (const kind of order) runs[kind].push(await benchEngine(dir, flows, kind === "sealed" ? KEYRING : PLAIN, `${kind}-${round}`));
    }
    const engine = together(runs.sealed);
    const plain = together(runs.plain);
    const floor = benchFloor(dir, runs.sealed[0]!.latencies.length, runs.plain[0]!.snapshotSample);
    const sealed = report("engine", engine);
    const unsealed = report("plain", plain);
    const ratio = sealed / report("floor", floor);
    console.log(`ratio engine/floor ${ratio.toFixed(2)}`);
    console.log(`encryption at rest: engine/plain ${(sealed / unsealed).toFixed(2)} (target ≥ 0.90: within 10 %)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await compare("Registration flows (start, name, email, phone, method) — target engine/floor ≥ 0.4", REGISTRATION_FLOWS);
await compare("Whole verifications up to submission, photos included (for information)", VERIFICATION_FLOWS);
