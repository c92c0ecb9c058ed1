/**
 * `npm run bench` (Telegram mode; alone: `npm run bench:telegram`): 1,000
 * chats' registration flows as Telegram updates through `bot.handleUpdate` →
 * the Telegram adapter → engine → SQLite, against in the same run a bare
 * grammY bot that answers each of the same updates with one SQLite upsert
 * and a reply. Both bots' outgoing API calls are answered by the same
 * in-process transformer: the figure is our work, not the network's.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import SQLite from "better-sqlite3";
import { Bot, type Transformer } from "grammy";
import type { Update } from "grammy/types";
import pino from "pino";
import { createTelegramBot } from "../adapters/telegram/telegram-bot.js";
import { migrateToLatest } from "../db/migrate.js";
import { applyPragmas, openSqlite } from "../db/open-database.js";
import { SqlStore } from "../db/sql-store.js";
import { Outbound } from "../src/chat/outbound.js";
import { createDocumentCheck } from "../src/documents/document-check.js";
import { DocumentStore } from "../src/documents/document-store.js";
import { FileDocumentBytes } from "../src/documents/file-document-bytes.js";
import { DEFAULT_DOCUMENT_RULES } from "../src/domain/document-rules.js";
import { Engine } from "../src/engine/engine.js";
import { NO_REVIEWERS } from "../src/review/reviewers.js";
import { Keyring } from "../src/runtime/keyring.js";
import { BOT_INFO } from "../test/helpers/fake-telegram-api.js";

const USERS = Number(process.env.BENCH_USERS ?? 1000);
const logger = pino({ level: "silent" });

type UpdateStep = (user: number, updateId: number) => Update;
const chat = (user: number) => ({ id: 10_000 + user, type: "private" as const, first_name: "U" });
const from = (user: number) => ({ id: 10_000 + user, is_bot: false, first_name: "U", language_code: "zh-hans" });
const text =
  (value: (user: number) => string): UpdateStep =>
  (user, update_id) => ({
    update_id,
    message: { message_id: update_id, date: 1, chat: chat(user), from: from(user), text: value(user) },
  });
const press =
  (data: string): UpdateStep =>
  (user, update_id) => ({
    update_id,
    callback_query: {
      id: `q${update_id}`,
      from: from(user),
      chat_instance: "c",
      data,
      message: { message_id: 1, date: 1, chat: chat(user), text: "…" } as never,
    },
  });
const FLOW: UpdateStep[] = [
  press("start"),
  text(() => "张三"),
  text((u) => `user${u}@example.com`),
  text((u) => `+86138${String(u).padStart(8, "0")}`),
  press("method.id_card"),
];

/** Answers every Bot API call at once, as Telegram would (a message for sends, true otherwise). */
const answerLocally: Transformer = async (_prev, method, payload) => {
  const chatId = (payload as { chat_id?: number | string }).chat_id;
  const result = method.startsWith("send") ? { message_id: 1, date: 1, chat: { id: Number(chatId), type: "private" } } : true;
  return { ok: true, result } as never;
};

/**
 * Feeds every chat's flow, step by step across chats as real traffic
 * interleaves, with at most `inFlight` updates being handled at once (the
 * runner handles chats concurrently; 1 = strictly one after another).
 */
async function drive(handle: (update: Update) => Promise<void>, inFlight: number): Promise<{ latencies: number[]; seconds: number }> {
  const updates: Update[] = [];
  for (const step of FLOW) for (let user = 0; user < USERS; user++) updates.push(step(user, updates.length + 1));
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < updates.length) {
      const update = updates[next++]!;
      const t0 = performance.now();
      await handle(update);
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/**
 * Webhook mode: each update handled as grammY's `webhookCallback` hands it over, with an answer to carry
 * one call (both bots may put their `sendMessage` there: ours its update's last message).
 */
const webhookAnswer = { send: async () => undefined };
const handleWith = (bot: Bot, webhook: boolean) => (update: Update) => bot.handleUpdate(update, webhook ? webhookAnswer : undefined);

async function benchAssistant(dir: string, inFlight: number, webhook: boolean) {
  const { db, sqlite } = openSqlite(join(dir, `assistant-${inFlight}-${webhook}-${performance.now()}.db`));
  await migrateToLatest(db);
  const keyring = new Keyring([{ id: "bench", key: randomBytes(32) }]);
  const store = new SqlStore(db, keyring);
  const documents = new DocumentStore(new FileDocumentBytes(join(dir, "documents")), keyring, randomBytes(32), store.documentKeys());
  const engine = new Engine({
    store,
    documents,
    checkDocument: createDocumentCheck(DEFAULT_DOCUMENT_RULES),
    codeKey: keyring.deriveKey("one-time-codes"),
    sms: { send: async () => undefined },
    logger,
    settings: { defaultLocale: "zh-CN", timeZone: "Asia/Shanghai", holidays: new Set(), supportContact: "support@example.com" },
  });
  const bot = createTelegramBot({
    token: "1:bench",
    apiRoot: "http://127.0.0.1:9",
    botInfo: BOT_INFO,
    engine,
    reviewers: NO_REVIEWERS,
    outbound: new Outbound(logger),
    cards: store.cardMessages(),
    readDocument: (id) => documents.get(id),
    maxFileBytes: DEFAULT_DOCUMENT_RULES.maxBytes,
    defaultLocale: "zh-CN",
    logger,
    webhookAnswers: webhook,
  });
  bot.api.config.use(answerLocally);
  const result = await drive(handleWith(bot, webhook), inFlight);
  const { drafts } = sqlite.prepare("select count(*) as drafts from applications where status = 'draft' and method = 'id_card'").get() as {
    drafts: number;
  };
  // A benchmark of a broken flow measures nothing: every chat must have reached the ID card step.
  if (drafts !== USERS) throw new Error(`expected ${USERS} drafts with the ID card method, found ${drafts}`);
  await store.close();
  return result;
}

async function benchBareBot(dir: string, inFlight: number, webhook: boolean) {
  const sqlite = new SQLite(join(dir, `bare-${inFlight}-${webhook}-${performance.now()}.db`));
  applyPragmas(sqlite);
  sqlite.exec("create table chats (chat_id text primary key, last_text text not null, updated_at text not null)");
  const upsert = sqlite.prepare(
    "insert into chats values (?, ?, ?) on conflict (chat_id) do update set last_text = excluded.last_text, updated_at = excluded.updated_at",
  );
  const bot = new Bot("1:bench", { botInfo: BOT_INFO, client: { canUseWebhookReply: (method) => webhook && method === "sendMessage" } });
  bot.api.config.use(answerLocally);
  bot.on("callback_query:data", async (ctx) => {
    await ctx.answerCallbackQuery();
    upsert.run(String(ctx.chat!.id), ctx.callbackQuery.data, new Date().toISOString());
    await ctx.reply("ok");
  });
  bot.on("message:text", async (ctx) => {
    upsert.run(String(ctx.chat.id), ctx.message.text, new Date().toISOString());
    await ctx.reply("ok");
  });
  const result = await drive(handleWith(bot, webhook), inFlight);
  sqlite.close();
  return result;
}

function report(name: string, { latencies, seconds }: { latencies: number[]; seconds: number }): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  const rate = latencies.length / seconds;
  console.log(
    `${name.padEnd(9)} ${String(latencies.length).padStart(6)} updates  ${rate.toFixed(0).padStart(6)} updates/s  p50 ${at(50).toFixed(3)} ms  p99 ${at(99).toFixed(3)} ms`,
  );
  return rate;
}

const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), "assistant-bench-telegram-"));
try {
  console.log(
    `\nTelegram mode: ${USERS} chats' registration flows through bot.handleUpdate, SQLite WAL + synchronous=FULL in ${dir} — target ratio ≥ 0.6 with 32 in flight`,
  );
  const drivings = (process.env.BENCH_IN_FLIGHT ?? "1,32").split(",").map(Number);
  // A warm-up of both bots first, discarded: the first run would otherwise pay for the JIT and for
  // building the FAQ matcher, which a started assistant has built before its first update.
  await benchAssistant(dir, 32, false);
  await benchBareBot(dir, 32, false);
  for (const [inFlight, webhook] of [...drivings.map((n) => [n, false] as const), [drivings.at(-1)!, true] as const]) {
    console.log(
      webhook
        ? `${inFlight} in flight, webhook mode (each update's last message in the answer, both bots):`
        : inFlight === 1
          ? "one update at a time:"
          : `${inFlight} updates in flight across chats (as the runner delivers them):`,
    );
    const assistant = report("assistant", await benchAssistant(dir, inFlight, webhook));
    const bare = report("bare bot", await benchBareBot(dir, inFlight, webhook));
    console.log(`ratio assistant/bare ${(assistant / bare).toFixed(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
