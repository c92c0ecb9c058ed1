import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CompiledQuery } from "kysely";
import { type DatabaseLocation, openDatabase } from "../../db/open-database.js";
import { KeyedLock } from "../../src/engine/keyed-lock.js";
import { AssistantProcess, telegramWebhookSettings, testEnv } from "../helpers/child-process.js";
import { startFakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { freePort } from "../helpers/free-port.js";
import { goodJpeg, minimalGoodJpeg } from "../helpers/hostile-files.js";
import { messageUpdate, pressUpdate, textUpdate } from "../helpers/telegram-updates.js";

/**
 * The crash scenario (docs/reliability.md): complete verifications — the phone, ID-card and
 * enterprise methods in turn, document photos downloaded from the fake Bot API; every 5th ID-card
 * applicant rejected first and resubmitting — each finally approved by a reviewer, driven through
 * real `npm start` processes in Telegram webhook mode against the fake Bot API over HTTP, the SMS
 * provider a local webhook. A killer SIGKILLs the process at random
 * moments and starts it again; like Telegram, the driver redelivers every update until it is
 * answered 200. Afterwards the store is read and every promise checked.
 */
export interface CrashOptions {
  verifications: number;
  kills: number;
  /** Users going through at once. */
  parallel: number;
  /** The share of Bot API calls that fail (429, 500, reset connection): platform faults on top of the kills. */
  apiFaultRate?: number;
  /** PostgreSQL (a fresh database) instead of the SQLite file. */
  database?: DatabaseLocation & { kind: "postgres" };
  progress?: (line: string) => void;
}

export interface CrashReport {
  verifications: number;
  kills: number;
  redeliveries: number;
  /** Bot API calls answered with a fault. */
  apiFaults: number;
  /** Users who were rejected and submitted again (all the way to "Submitted!" the second time). */
  resubmissions: number;
  /** Users told "Submitted! Your reference is …" whose application is not stored. */
  lostSubmissions: number;
  /** Users who never got as far as "Submitted!" (their chat could not go on). */
  unfinished: number;
  /** Users with more than one application, or applications submitted twice. */
  duplicateEffects: number;
  /** Applications with other than exactly one approval. */
  decisionsNotOne: number;
  /** Users whose /status after the run got no answer, or not "approved". */
  stuckChats: number;
  /** Users never told of the approval, whose chat delivery is not recorded as failed either. */
  decisionsNeitherDeliveredNorFailed: number;
  seconds: number;
}

const REVIEW_CHAT = -100500;
/** Each verification's method, in turn. */
const METHODS = ["phone", "id_card", "enterprise"] as const;
const REVIEWER = 900;
const SECRET = "chaos-secret-0123456789abcdef";

export async function runCrashScenario(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const say = options.progress ?? (() => undefined);
  const api = await startFakeTelegramApi();
  api.faults.rate = options.apiFaultRate ?? 0;
  // Document photos, as the users' phones sent them (a distinct back, so that it is not taken for the front again).
  api.addFile("front", await goodJpeg());
  api.addFile("back", await minimalGoodJpeg(30));
  const codes = new Map<string, string>();
  const sms: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const { to, text } = JSON.parse(body) as { to: string; text: string };
      const code = /\b(\d{6})\b/.exec(text)?.[1];
      if (code) codes.set(to, code);
      response.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => sms.listen(0, "127.0.0.1", resolve));
  const dir = mkdtempSync(join(tmpdir(), "assistant-chaos-"));
  const port = await freePort();
  const env = testEnv(dir, {
    ...telegramWebhookSettings(api.apiRoot, port, SECRET),
    TELEGRAM_REVIEW_CHAT_ID: String(REVIEW_CHAT),
    TELEGRAM_REVIEWER_IDS: String(REVIEWER),
    SMS_WEBHOOK_URL: `http://127.0.0.1:${(sms.address() as AddressInfo).port}/sms`,
    SMS_WEBHOOK_TOKEN: "sms-token",
    FOUR_EYES: "none",
    // The kills are about the conversation and the decision, not about which documents the reviewer opened.
    REQUIRE_OPEN_BEFORE_APPROVAL: "false",
    ...(options.database ? { DATABASE_URL: options.database.url } : {}),
  });

  let process = await startAssistant();
  let kills = 0;
  let redeliveries = 0;
  let updateId = 1;
  let running = true;

  async function startAssistant(): Promise<AssistantProcess> {
    const assistant = new AssistantProcess(env);
    await assistant.waitForStderr(/assistant ready/, 0, 60_000);
    return assistant;
  }

  /** Posts an update until the assistant answers 200, as Telegram redelivers unanswered updates. */
  async function deliver(update: object): Promise<void> {
    const body = JSON.stringify({ update_id: updateId++, ...update });
    for (;;) {
      const answered = await api.deliver(`http://127.0.0.1:${port}/telegram`, SECRET, body, AbortSignal.timeout(15_000)).then(
        (status) => status === 200,
        () => false,
      );
      if (answered) return;
      redeliveries++;
      await sleep(200);
    }
  }

  const text = (user: number, words: string, chatId = user) => deliver(textUpdate(user, words, { chatId }));
  const press = (user: number, data: string, chatId = user) => deliver(pressUpdate(user, data, { chatId }));
  const toldTo = (chatId: number, pattern: RegExp) =>
    api.calls.filter(
      (call) => call.method === "sendMessage" && String(call.payload.chat_id) === String(chatId) && pattern.test(call.payload.text),
    );

  async function waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined || Date.now() > deadline) return found;
      await sleep(50);
    }
  }

  const photo = (user: number, fileId: string) =>
    deliver(messageUpdate(user, { photo: [{ file_id: fileId, file_unique_id: fileId, width: 1200, height: 800 }] }));
  const referenceTold = async (user: number, except?: string) => {
    const submitted = await waitFor(
      () => toldTo(user, /Your reference is [A-Z0-9]{4}-[A-Z0-9]{4}/).find((call) => !except || !call.payload.text.includes(except)),
      20_000,
    );
    return submitted && /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(submitted.payload.text)![0];
  };

  /**
   * The one reviewer does one thing at a time, as a person does: a rejection is a press and then its note,
   * and the note completes the reviewer's latest press. Eight applicants' rejections interleaved (more so
   * when a kill holds a note back for seconds) made one note complete another applicant's rejection.
   */
  const reviewerTurns = new KeyedLock();
  const asReviewer = <T>(work: () => Promise<T>): Promise<T> => reviewerTurns.run("reviewer", work);

  /** Every reference each user was told ("Submitted! Your reference is …"), in order. */
  const told = new Map<number, string[]>();
  /** Users whose first application is rejected, and who then resubmit. */
  const resubmitters = new Set<number>();
  async function verify(index: number): Promise<void> {
    const user = 30_000 + index;
    const phone = `139${String(10_000_000 + index).slice(-8)}`;
    const method = METHODS[index % METHODS.length]!;
    await text(user, "/start");
    await press(user, "start");
    await text(user, "Kai Chen");
    await text(user, `user${index}@example.com`);
    await text(user, phone);
    await press(user, `method.${method}`);
    if (method === "phone") {
      let code = await waitFor(() => codes.get(`+86${phone}`), 10_000);
      // A kill between the commit and the SMS: the user asks for a new code, as they would.
      while (!code) {
        await press(user, "code.resend");
        code = await waitFor(() => codes.get(`+86${phone}`), 10_000);
      }
      codes.delete(`+86${phone}`);
      await text(user, code);
    } else if (method === "id_card") {
      await text(user, "11010519491231002X");
      await photo(user, "front");
      await photo(user, "back");
    } else {
      await text(user, "北京某某科技有限公司");
      await text(user, "91350100M000100Y43");
      await photo(user, "front");
      await text(user, "李四");
      await text(user, "11010519491231002X");
      // The legal representative's ID card, both sides (issue 26 §4).
      await photo(user, "front");
      await photo(user, "back");
    }
    await press(user, "submit");
    await press(user, "consent.agree");
    const reference = await referenceTold(user);
    if (!reference) return;
    told.set(user, [reference]);
    let final = reference;
    // Every 5th ID-card applicant: rejected first (a document photo not clear), then resubmits the photos.
    if (method === "id_card" && index % 5 === 1) {
      resubmitters.add(user);
      await asReviewer(async () => {
        await press(REVIEWER, `rv.nx.${reference}.4`, REVIEW_CHAT);
        await text(REVIEWER, "The back photo is blurry", REVIEW_CHAT);
      });
      if (!(await waitFor(() => toldTo(user, /not clear enough/)[0], 20_000))) return;
      await press(user, "resubmit");
      await photo(user, "front");
      await photo(user, "back");
      await press(user, "submit");
      await press(user, "consent.agree");
      const again = await referenceTold(user, reference);
      if (!again) return;
      told.set(user, [reference, again]);
      final = again;
    }
    await asReviewer(() => press(REVIEWER, `rv.ok.${final}`, REVIEW_CHAT));
    await waitFor(() => toldTo(user, /approved/)[0], 20_000);
  }

  // Kill moments: after random updates of the run (11 per verification on average), a few milliseconds
  // into their handling, so some land mid-transaction, some between the commit and the replies.
  const moments = Array.from({ length: options.kills }, () => 1 + Math.floor(Math.random() * options.verifications * 11)).sort(
    (a, b) => a - b,
  );
  const killer = (async () => {
    for (const moment of moments) {
      while (running && updateId < moment) await sleep(5);
      if (!running) break;
      await sleep(Math.random() * 30);
      await process.kill("SIGKILL");
      kills++;
      say(`kill ${kills}/${options.kills}`);
      process = await startAssistant();
    }
  })();

  let next = 0;
  const workers = Array.from({ length: options.parallel }, async () => {
    for (let index = next++; index < options.verifications; index = next++) {
      await verify(index);
      if ((index + 1) % 50 === 0) say(`${index + 1}/${options.verifications} verifications`);
    }
  });
  await Promise.all(workers);
  running = false;
  await killer;

  // Every chat can go on: /status answers each user, saying approved.
  let stuckChats = 0;
  for (let index = 0; index < options.verifications; index++) {
    const user = 30_000 + index;
    const before = toldTo(user, /./).length;
    await text(user, "/status");
    const answered = await waitFor(() => (toldTo(user, /./).length > before ? true : undefined), 10_000);
    // The answer (status, then the menu) says approved somewhere: the menu after it does not repeat it.
    const answer = toldTo(user, /./).slice(before);
    if (!answered || !answer.some((call) => /approved|verified/i.test(call.payload.text))) stuckChats++;
  }
  await process.kill("SIGTERM");

  const { db } = openDatabase(options.database ?? { kind: "sqlite", path: join(dir, "assistant.db") });
  const rows = async <Row>(query: string) => (await db.executeQuery(CompiledQuery.raw(query))).rows as Row[];
  const applications = await rows<{ reference: string; platform_user_id: string; status: string }>(
    "select a.reference, i.platform_user_id, a.status from applications a join identities i on i.user_id = a.user_id where a.reference is not null",
  );
  const decisions = await rows<{ reference: string; n: number }>(
    "select a.reference, count(*) as n from audit_log l join applications a on a.id = l.application_id where l.to_status in ('approved', 'rejected') and l.from_status = 'submitted' group by a.reference",
  );
  const submissions = await rows<{ reference: string; n: number }>(
    "select a.reference, count(*) as n from audit_log l join applications a on a.id = l.application_id where l.to_status = 'submitted' and (l.from_status is null or l.from_status = 'draft') group by a.reference",
  );
  const failedChats = await rows<{ reference: string }>(
    "select n.reference from notifications n join deliveries d on d.notification_id = n.id where n.kind = 'decision' and d.channel = 'chat' and d.status = 'failed'",
  );
  await db.destroy();

  const stored = new Set(applications.map((a) => a.reference));
  const perUser = new Map<string, number>();
  for (const a of applications) perUser.set(a.platform_user_id, (perUser.get(a.platform_user_id) ?? 0) + 1);
  const decisionsOf = new Map(decisions.map((a) => [a.reference, Number(a.n)]));
  const failed = new Set(failedChats.map((f) => f.reference));
  let undelivered = 0;
  for (const [user, references] of told) if (toldTo(user, /approved/).length === 0 && !failed.has(references.at(-1)!)) undelivered++;
  const expectedApplications = (user: string) => (resubmitters.has(Number(user)) ? 2 : 1);

  const report: CrashReport = {
    verifications: options.verifications,
    kills,
    redeliveries,
    apiFaults: api.faults.injected,
    resubmissions: [...told.values()].filter((references) => references.length === 2).length,
    lostSubmissions: [...told.values()].flat().filter((reference) => !stored.has(reference)).length,
    unfinished: options.verifications - told.size,
    duplicateEffects:
      [...perUser].filter(([user, n]) => n > expectedApplications(user)).length + submissions.filter((s) => Number(s.n) > 1).length,
    decisionsNotOne: applications.filter((a) => decisionsOf.get(a.reference) !== 1).length,
    stuckChats,
    decisionsNeitherDeliveredNorFailed: undelivered,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  await new Promise((resolve) => sms.close(resolve));
  await api.close();
  rmSync(dir, { recursive: true, force: true });
  return report;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
