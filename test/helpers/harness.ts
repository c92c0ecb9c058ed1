import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type SQLite from "better-sqlite3";
import { CompiledQuery } from "kysely";
import pino from "pino";
import { migrateToLatest } from "../../db/migrate.js";
import { type DatabaseLocation, type Dialect, openDatabase, openSqlite } from "../../db/open-database.js";
import { SqlStore } from "../../db/sql-store.js";
import { documentNameKey, oneTimeCodeKey } from "../../src/app/keyring-setup.js";
import { prometheusMetrics } from "../../src/app/prometheus-metrics.js";
import { findUserRecord } from "../../src/applications/user-records.js";
import type { ChatEvent } from "../../src/chat/chat-event.js";
import type { Reply } from "../../src/chat/reply.js";
import { createDocumentCheck, type DocumentCheck } from "../../src/documents/document-check.js";
import type { ReadDocument } from "../../src/documents/document-reader.js";
import { DocumentStore } from "../../src/documents/document-store.js";
import { FileDocumentBytes } from "../../src/documents/file-document-bytes.js";
import type { Channel } from "../../src/domain/delivery.js";
import { DEFAULT_DOCUMENT_RULES } from "../../src/domain/document-rules.js";
import type { Platform } from "../../src/domain/platform.js";
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from "../../src/domain/review-policy.js";
import { Engine } from "../../src/engine/engine.js";
import type { Locale } from "../../src/i18n/locale.js";
import { translate } from "../../src/i18n/message.js";
import type { EmailSender } from "../../src/notifications/smtp-email-sender.js";
import type { DocumentBytes } from "../../src/ports/document-bytes.js";
import type { Reviewers } from "../../src/review/reviewers.js";
import { Keyring, parseDataKeys, type SealedPlace } from "../../src/runtime/keyring.js";
import { minimalGoodJpeg } from "./hostile-files.js";
import { leaksIn } from "./leak-scan.js";
import { migratedDatabase } from "./test-databases.js";
import { TEST_DATA_KEYS } from "./test-keys.js";

export interface SentSms {
  phone: string;
  text: string;
}

export interface HarnessOptions {
  /** Reuse a directory (a "restart" over the same data). */
  dir?: string;
  /** `DATA_ENCRYPTION_KEYS` (default: `TEST_DATA_KEYS`). */
  dataKeys?: string;
  now?: Date;
  defaultLocale?: Locale;
  /** As with `REVIEW_LOCALE` set (default: the default locale). */
  reviewLocale?: Locale;
  newReference?: () => string;
  /** One-time codes (default: random). */
  newCode?: () => string;
  /** Told of every SMS as it is sent (the console prints them), besides `sms`. */
  onSms?: (phone: string, text: string) => void;
  checkDocument?: DocumentCheck;
  /** Reads photos (OCR); none by default, as with `OCR=off`. */
  readDocument?: ReadDocument;
  /** How long a photo's reply waits for its read (default: the engine's 2 s). */
  readWaitMs?: number;
  /** How long a chat's next event waits for its reads still running (default: the engine's 5 s). */
  nextEventReadWaitMs?: number;
  reviewers?: Reviewers;
  notifyChannels?: readonly Channel[];
  /** As with no SMS provider on a platform: no phone method, no codes. */
  smsAvailable?: boolean;
  /** As with SMTP configured: proof codes before an export or erasure go by email when SMS cannot. */
  email?: EmailSender;
  /** As with `OFFICIAL_CHANNELS` set. */
  officialChannels?: string;
  /** As with `SUPPORT_ANSWER_DAYS` set. */
  supportAnswerDays?: number;
  /** The database (default SQLite): PostgreSQL gets a new one of its own (a copy of a migrated template), dropped on close. */
  dialect?: Dialect;
  /**
   * Another harness's PostgreSQL database: a second instance beside it (dropped by its owner), or —
   * with `drop` — a restart that takes the database over and drops it on close.
   */
  sharing?: { database: DatabaseLocation; drop?: () => Promise<void> };
  /** With `dir`: this harness cleans up the directory (and database) on close, as if it had made them. */
  ownsData?: boolean;
  /** As with `WEBHOOK_URL` set: status changes queue webhook events. */
  webhookReceiver?: boolean;
  /** `FOUR_EYES` and `REVIEW_CLAIM_MINUTES` (default: the product's defaults). */
  review?: ReviewPolicy;
  /** Wraps where document bytes are kept (fault injection: a full disk, a read-only directory). */
  documentBytes?: (real: DocumentBytes) => DocumentBytes;
}

/**
 * A real engine over a real database — a SQLite file in a temporary directory, or a fresh
 * PostgreSQL database — with a settable clock and captured SMS.
 */
export async function createHarness(options: HarnessOptions = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "assistant-test-"));
  const dialect = options.dialect ?? "sqlite";
  const fresh = options.sharing
    ? { target: options.sharing.database, drop: options.sharing.drop ?? (async () => undefined) }
    : await migratedDatabase(dialect, dir);
  const opened = dialect === "sqlite" ? openSqlite(join(dir, "assistant.db")) : { db: openDatabase(fresh.target).db, sqlite: undefined };
  const { db } = opened;
  await migrateToLatest(db);
  const dataKeys = parseDataKeys(options.dataKeys ?? TEST_DATA_KEYS);
  const keyring = new Keyring(dataKeys);
  const store = new SqlStore(db, keyring, () => db.destroy(), dialect, { webhookReceiver: options.webhookReceiver ?? false });
  // As the assistant does: files with SQLite, the database's table with PostgreSQL.
  const bytes = dialect === "postgres" ? store.documentTable() : new FileDocumentBytes(join(dir, "documents"));
  const documents = new DocumentStore(options.documentBytes?.(bytes) ?? bytes, keyring, await documentNameKey(store), store.documentKeys());
  const sms: SentSms[] = [];
  let now = options.now ?? new Date("2026-11-23T02:00:00Z"); // a Monday, 10:00 in Shanghai
  // As the assistant does: the engine counts into the metrics `/metrics` serves.
  const prometheus = prometheusMetrics(store, "Asia/Shanghai", options.webhookReceiver ?? false);
  const engine = new Engine({
    metrics: prometheus.metrics,
    store,
    documents,
    checkDocument: options.checkDocument ?? createDocumentCheck(DEFAULT_DOCUMENT_RULES),
    ...(options.readDocument ? { readDocument: options.readDocument } : {}),
    codeKey: await oneTimeCodeKey(store, keyring),
    sms: {
      send: async (phone, text) => {
        sms.push({ phone, text });
        options.onSms?.(phone, text);
      },
    },
    ...(options.email ? { email: options.email } : {}),
    logger: pino({ level: "silent" }),
    settings: {
      defaultLocale: options.defaultLocale ?? "en",
      ...(options.reviewLocale ? { reviewLocale: options.reviewLocale } : {}),
      timeZone: "Asia/Shanghai",
      holidays: new Set(),
      supportContact: "support@example.com",
      ...(options.officialChannels ? { officialChannels: options.officialChannels } : {}),
      ...(options.supportAnswerDays ? { supportAnswerDays: options.supportAnswerDays } : {}),
      ...(options.notifyChannels ? { notifyChannels: options.notifyChannels } : {}),
      ...(options.smsAvailable !== undefined ? { smsAvailable: options.smsAvailable } : {}),
      // Tests about other things approve without opening first; the product's default (opening required) is
      // tested in test/review/decide-what-was-seen.test.ts, and by every test that passes DEFAULT_REVIEW_POLICY.
      review: options.review ?? { ...DEFAULT_REVIEW_POLICY, requireOpenBeforeApproval: false },
      ...(options.readWaitMs !== undefined ? { readWaitMs: options.readWaitMs } : {}),
      ...(options.nextEventReadWaitMs !== undefined ? { nextEventReadWaitMs: options.nextEventReadWaitMs } : {}),
    },
    clock: () => now,
    ...(options.reviewers ? { reviewers: options.reviewers } : {}),
    ...(options.newReference ? { newReference: options.newReference } : {}),
    ...(options.newCode ? { newCode: options.newCode } : {}),
  });
  let eventCounter = 0;
  const nextId = () => `evt-${++eventCounter}-${Math.random().toString(36).slice(2)}`;

  return {
    dir,
    dialect,
    database: fresh.target,
    db,
    /** The SQLite connection, for tests that read the file's tables directly (SQLite runs only). */
    get sqlite(): SQLite.Database {
      if (!opened.sqlite) throw new Error("this test reads SQLite directly; it runs on SQLite only");
      return opened.sqlite;
    },
    store,
    documents,
    keyring,
    /** The data keys' bytes, for tests that read the raw files as someone holding them would. */
    dataKeys: dataKeys.map(({ key }) => key),
    engine,
    prometheus,
    sms,
    /**
     * Rows of a query written for both databases (`?` placeholders; PostgreSQL returns counts as
     * strings: read them with `Number`), for tests that look at tables directly.
     */
    async rows<Row>(query: string, ...parameters: unknown[]): Promise<Row[]> {
      let index = 0;
      const text = dialect === "postgres" ? query.replace(/\?/g, () => `$${++index}`) : query;
      return (await db.executeQuery(CompiledQuery.raw(text, parameters))).rows as Row[];
    },
    /** A sealed value opened as the store would: `owner` is whose it is (their key), none for the service's. */
    async openSealed(stored: string, at: SealedPlace, owner?: string): Promise<string> {
      return keyring.openText(stored, at, owner ? await store.userKey(owner) : undefined);
    },
    async seal(plain: string, at: SealedPlace, owner?: string): Promise<string> {
      return keyring.sealText(plain, at, owner ? await store.userKey(owner) : undefined);
    },
    /** An application's audit trail, oldest first. */
    auditOf(reference: string) {
      return store
        .operator()
        .auditTrail(reference)
        .then((trail) => trail ?? []);
    },
    setNow(date: Date) {
      now = date;
    },
    now: () => now,
    /** The one-time code in the last SMS sent. */
    lastCode(): string {
      const text = sms.at(-1)?.text ?? "";
      return /\d{6}/.exec(text)?.[0] ?? "";
    },
    chat(user: string, platform: Platform = "console", locale?: string) {
      // As an adapter does: the replies are handed over, then confirmed delivered.
      const send = async (body: DistributiveOmit<ChatEvent, "id" | "platform" | "chatId" | "userId">, id = nextId()) => {
        // Named as an adapter names people (a Telegram first name, a Slack display name): here by the user's id.
        const event = { displayName: user, ...body, id, platform, chatId: user, userId: user, ...(locale ? { locale } : {}) } as ChatEvent;
        const replies = await engine.handle(event);
        engine.repliesDelivered(event);
        await engine.flushConfirmations();
        const leaks = leaksIn(replies);
        if (leaks.length > 0) throw new Error(`a reader was shown internal text: ${JSON.stringify(leaks)}`);
        return replies;
      };
      return {
        send,
        text: (text: string) => send({ kind: "text", text }),
        press: (choice: string) => send({ kind: "choice", choice }),
        file: (bytes: Buffer, name = "photo.png") => send({ kind: "file", file: { name, bytes } }),
      };
    },
    /** Drops the PostgreSQL database (for a restart that takes it over: see `restartHarness`). */
    dropDatabase: fresh.drop,
    async close(removeDir = !options.dir || options.ownsData === true) {
      await engine.flushConfirmations();
      await store.close();
      if (removeDir) await fresh.drop();
      if (removeDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/**
 * The assistant restarted over a closed harness's data (its directory and database), with these
 * options; the restarted one cleans up on its close. Close the first with `close(false)`.
 */
export function restartHarness(harness: Harness, again: Omit<HarnessOptions, "dir" | "dialect" | "sharing" | "ownsData"> = {}) {
  return createHarness({
    ...again,
    dir: harness.dir,
    dialect: harness.dialect,
    ownsData: true,
    ...(harness.dialect === "postgres" ? { sharing: { database: harness.database, drop: harness.dropDatabase } } : {}),
  });
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Replies as the user would read them (body paragraphs joined; buttons as "[label]"). */
export function readable(replies: Reply[]): string {
  return replies
    .map((reply) => {
      const text = reply.body.map((message) => translate(reply.locale, message)).join("\n");
      const buttons = (reply.choices ?? []).map((choice) => `[${translate(reply.locale, choice.label)}]`).join(" ");
      return buttons ? `${text}\n${buttons}` : text;
    })
    .join("\n---\n");
}

/** The message keys in a batch of replies, for assertions that don't depend on wording. */
export function keys(replies: Reply[]): string[] {
  return replies.flatMap((reply) => reply.body.map((message) => message.key));
}

/** Answers registration and picks the ID card method: the chat then waits for the ID number. */
export async function registerForIdCard(chat: ReturnType<Harness["chat"]>): Promise<Reply[]> {
  await chat.press("start");
  await chat.text("张三");
  await chat.text("zhang.san@example.com");
  await chat.text("13812348000");
  return chat.press("method.id_card");
}

/** An ID-card applicant's answers (made-up values). */
export interface IdCardApplicant {
  name: string;
  email: string;
  phone: string;
  idNumber: string;
}

/**
 * Submits an ID-card application with these answers and two distinct photos; returns its reference
 * and the content addresses of its stored files (documents and previews).
 */
export async function submitIdCardAs(
  harness: Harness,
  user: string,
  applicant: IdCardApplicant,
): Promise<{ reference: string; documentIds: string[] }> {
  const chat = harness.chat(user);
  await chat.press("start");
  for (const answer of [applicant.name, applicant.email, applicant.phone]) await chat.text(answer);
  await chat.press("method.id_card");
  await chat.text(applicant.idNumber);
  await chat.file(await minimalGoodJpeg(7));
  await chat.file(await minimalGoodJpeg(60));
  await chat.press("consent.agree");
  const reference = (await findUserRecord(harness.store, "console", user, "2099-12-31"))!.application!.reference;
  const application = (await harness.store.transaction((tx) => tx.loadApplication(reference)))!;
  const documentIds = Object.values(application.draft.documents).flatMap((document) => [document.id, document.previewId]);
  return { reference, documentIds };
}

/** Applies by the phone method (no photos needed) and presses Submit (I agree): the replies to that press. */
export async function sendPhoneApplication(harness: Harness, user: string): Promise<Reply[]> {
  const chat = harness.chat(user);
  await chat.press("start");
  await chat.text("张三");
  await chat.text(`${user}@example.com`);
  await chat.text("13812348000");
  await chat.press("method.phone");
  await chat.text(harness.lastCode());
  return chat.press("consent.agree");
}

/** Submits an application by the phone method; returns its reference. */
export async function submitWithPhone(harness: Harness, user: string): Promise<string> {
  await sendPhoneApplication(harness, user);
  return (await findUserRecord(harness.store, "console", user, "2099-12-31"))!.application!.reference;
}
