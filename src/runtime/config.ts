import { availableParallelism } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { CHANNELS, type Channel } from "../domain/delivery.js";
import { DEFAULT_DOCUMENT_RULES, type DocumentRules } from "../domain/document-rules.js";
import type { ChatAddress } from "../domain/platform.js";
import { DEFAULT_REVIEW_POLICY, FOUR_EYES_SETTINGS, type FourEyes } from "../domain/review-policy.js";
import type { ReviewerPerson } from "../domain/reviewer-people.js";
import { LOCALES, type Locale } from "../i18n/locale.js";
import { addresses, allowInsecureUrls, type Env, list, number, oneOf, secureUrl, value } from "./env-values.js";
import { ConfigError } from "./errors.js";
import { type DataKey, parseDataKeys } from "./keyring.js";
import { type SlackConfig, slackConfig, type TelegramConfig, telegramConfig } from "./platform-config.js";
import { reviewEscalateTo, reviewerPeople } from "./review-settings.js";

/** Configuration, read once at start from the environment and frozen. */
export interface Config {
  dataDir: string;
  /** `DATABASE_URL`: the embedded SQLite file (default), or PostgreSQL with a pool of `DATABASE_POOL_SIZE` connections. */
  database: DatabaseTarget;
  logLevel: string;
  defaultLocale: Locale;
  timeZone: string;
  holidays: ReadonlySet<string>;
  supportContact: string;
  /** `REVIEW_LOCALE`: the language of review cards and reminders in shared review rooms (default `DEFAULT_LOCALE`). */
  reviewLocale: Locale;
  /** `REVIEW_ESCALATE_TO`: told of overdue applications nobody holds, once per business day. */
  reviewEscalateTo: ChatAddress | undefined;
  /** `ALLOW_INSECURE_URLS=true`: plain-http webhook and SMS URLs to other machines accepted (warned at start). */
  allowInsecureUrls: boolean;
  /** Business days within which support answers a request made in the chat (`support reply`). */
  supportAnswerDays: number;
  /** `OFFICIAL_CHANNELS` (free text, e.g. "官网 https://… · 微博 @…"): where announcements are published; unset, nothing is said. */
  officialChannels: string | undefined;
  consoleReviewerIds: readonly string[];
  /** `REVIEWERS`: people and their accounts (a person's accounts are one pair of eyes); empty when unset. */
  reviewerPeople: readonly ReviewerPerson[];
  /**
   * `REVIEW_ROOM_DETAILS`: `private` (default) — room cards carry no personal data and
   * **Open** sends it to the reviewer privately; `room` — cards show it, for a room of reviewers only.
   */
  reviewRoomDetails: "private" | "room";
  /** `RETENTION_DAYS` (90): after a final decision, an application's personal data and documents are erased. */
  retentionDays: number;
  /** `CONVERSATION_RETENTION_DAYS` (30): idle conversations (and their drafts' documents) are erased. */
  conversationRetentionDays: number;
  documentRules: Readonly<DocumentRules>;
  /** `DOC_CHECK_CONCURRENCY`: photo checks at once (default: the number of CPUs); more wait their turn. */
  docCheckConcurrency: number;
  /** `OCR` (`on` by default): document photos are read (ID number, side, credit code) and compared with the typed answers. */
  ocr: boolean;
  /** `OCR_CONCURRENCY` (1): photos read at once, each by three worker threads (~250 MB). */
  ocrConcurrency: number;
  /** Set when `TELEGRAM_BOT_TOKEN` is: the Telegram adapter runs. */
  telegram: TelegramConfig | undefined;
  /** Set when `SLACK_BOT_TOKEN` is: the Slack adapter runs. */
  slack: SlackConfig | undefined;
  /** Where the web server listens (platform webhooks, the status API, health). */
  port: number;
  /** `API_TOKENS`: bearer tokens the status API accepts; none: no API. */
  apiTokens: readonly string[];
  /** `WEBHOOK_URL` + `WEBHOOK_SECRET`: where every status change is posted, signed; unset: no webhooks. */
  webhook: { url: string; secret: string } | undefined;
  /** `METRICS_TOKEN`: when set, `GET /metrics` asks for it as a bearer token. */
  metricsToken: string | undefined;
  /** `TRUSTED_PROXIES`: addresses exempt from the per-address limits (a proxy that limits per client itself). */
  trustedProxies: readonly string[];
  /** `REVIEW_CLAIM_MINUTES` (30): how long a reviewer's claim on an application holds others' decisions off. */
  reviewClaimMinutes: number;
  /** `FOUR_EYES`: which approvals need a second, different reviewer — enterprise ones (default), all, or none. */
  fourEyes: FourEyes;
  /** `REQUIRE_OPEN_BEFORE_APPROVAL` (default true): approving needs the application opened since its last change. */
  requireOpenBeforeApproval: boolean;
  /** Channels notifications take: chat always, email when SMTP is configured, SMS (the development sender without a webhook). */
  notifyChannels: readonly Channel[];
  smtp: { url: string; from: string } | undefined;
  smsWebhook: { url: string; token: string } | undefined;
  /** `SMS_DEVELOPMENT=log`: with no webhook, SMS (one-time codes included) go to the log — for staging only. */
  smsDevelopmentLog: boolean;
  /**
   * Whether SMS can be sent at all: a webhook, the console's development sender, or
   * `SMS_DEVELOPMENT=log`. Without it the phone method is not offered and SMS notifications are off.
   */
  smsAvailable: boolean;
  /**
   * `DATA_ENCRYPTION_KEYS`, the first sealing: personal data at rest is encrypted with them.
   * Null only for the console, which keeps a generated key file in `DATA_DIR` instead.
   */
  dataKeys: readonly DataKey[] | null;
}

/** Where the store lives: one SQLite file, or a PostgreSQL database several instances share. */
export type DatabaseTarget = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string; poolSize: number };

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function readConfig(env: Env = process.env): Readonly<Config> {
  const dataDir = resolve(value(env, "DATA_DIR") ?? "./data");
  const platforms = { telegram: telegramConfig(env), slack: slackConfig(env) };
  const defaultLocale = oneOf(env, "DEFAULT_LOCALE", LOCALES, "zh-CN");
  return Object.freeze({
    dataDir,
    database: databaseFrom(env, dataDir),
    logLevel: oneOf(env, "LOG_LEVEL", LOG_LEVELS, "info"),
    defaultLocale,
    reviewLocale: oneOf(env, "REVIEW_LOCALE", LOCALES, defaultLocale),
    reviewEscalateTo: reviewEscalateTo(env),
    allowInsecureUrls: allowInsecureUrls(env),
    timeZone: timeZone(env),
    holidays: holidays(env),
    supportContact: value(env, "SUPPORT_CONTACT") ?? "support@example.com",
    supportAnswerDays: number(env, "SUPPORT_ANSWER_DAYS", 1, { min: 1, max: 30, integer: true }),
    officialChannels: value(env, "OFFICIAL_CHANNELS"),
    consoleReviewerIds: list(env, "CONSOLE_REVIEWER_IDS") ?? ["reviewer"],
    reviewerPeople: reviewerPeople(env),
    reviewRoomDetails: oneOf(env, "REVIEW_ROOM_DETAILS", ["private", "room"] as const, "private"),
    retentionDays: number(env, "RETENTION_DAYS", 90, { min: 1, max: 36_500, integer: true }),
    conversationRetentionDays: number(env, "CONVERSATION_RETENTION_DAYS", 30, { min: 1, max: 36_500, integer: true }),
    documentRules: documentRules(env),
    docCheckConcurrency: number(env, "DOC_CHECK_CONCURRENCY", availableParallelism(), { min: 1, max: 64, integer: true }),
    ocr: oneOf(env, "OCR", ["on", "off"] as const, "on") === "on",
    ocrConcurrency: number(env, "OCR_CONCURRENCY", 1, { min: 1, max: 8, integer: true }),
    ...platforms,
    dataKeys: dataKeys(env, platforms.telegram !== undefined || platforms.slack !== undefined),
    port: number(env, "PORT", 3000, { min: 1, max: 65535, integer: true }),
    apiTokens: apiTokens(env),
    webhook: webhook(env),
    metricsToken: secret(env, "METRICS_TOKEN"),
    trustedProxies: addresses(env, "TRUSTED_PROXIES"),
    reviewClaimMinutes: number(env, "REVIEW_CLAIM_MINUTES", DEFAULT_REVIEW_POLICY.claimMinutes, { min: 1, max: 24 * 60, integer: true }),
    fourEyes: oneOf(env, "FOUR_EYES", FOUR_EYES_SETTINGS, DEFAULT_REVIEW_POLICY.fourEyes),
    requireOpenBeforeApproval: oneOf(env, "REQUIRE_OPEN_BEFORE_APPROVAL", ["true", "false"] as const, "true") === "true",
    ...notifications(env, platforms.telegram !== undefined || platforms.slack !== undefined),
  });
}

const SECRET_RULE = "at least 24 characters without spaces (e.g. openssl rand -hex 24)";

/** `API_TOKENS`: comma-separated; each long enough not to be guessed. */
function apiTokens(env: Env): string[] {
  const tokens = list(env, "API_TOKENS") ?? [];
  if (tokens.some((token) => !isStrongSecret(token))) throw new ConfigError("API_TOKENS", `each token must be ${SECRET_RULE}`);
  return tokens;
}

/** A token or signing secret: long enough not to be guessed. */
function secret(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw !== undefined && !isStrongSecret(raw)) throw new ConfigError(name, `must be ${SECRET_RULE}`);
  return raw;
}

function isStrongSecret(text: string): boolean {
  return text.length >= 24 && !/\s/.test(text);
}

function webhook(env: Env): Config["webhook"] {
  const target = secureUrl(env, "WEBHOOK_URL");
  const signingSecret = secret(env, "WEBHOOK_SECRET");
  if (target && !signingSecret)
    throw new ConfigError("WEBHOOK_SECRET", "is required with WEBHOOK_URL: receivers check every event's signature with it");
  if (signingSecret && !target) throw new ConfigError("WEBHOOK_URL", "is required with WEBHOOK_SECRET");
  return target && signingSecret ? { url: target, secret: signingSecret } : undefined;
}

/** `DATA_ENCRYPTION_KEYS`: required where the assistant talks to real users (Telegram, Slack). */
function dataKeys(env: Env, onPlatforms: boolean): DataKey[] | null {
  const text = value(env, "DATA_ENCRYPTION_KEYS");
  if (!text) {
    if (onPlatforms)
      throw new ConfigError("DATA_ENCRYPTION_KEYS", "is required with Telegram or Slack; `npm run cli -- keys generate` prints a new key");
    return null;
  }
  try {
    const keys = parseDataKeys(text);
    if (keys.length === 0) throw new ConfigError("DATA_ENCRYPTION_KEYS", "lists no key");
    return keys;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError("DATA_ENCRYPTION_KEYS", (error as Error).message);
  }
}

function notifications(
  env: Env,
  onPlatforms: boolean,
): Pick<Config, "notifyChannels" | "smtp" | "smsWebhook" | "smsDevelopmentLog" | "smsAvailable"> {
  const listed = list(env, "NOTIFY_CHANNELS") ?? ["chat", "email", "sms"];
  const unknown = listed.find((channel) => !(CHANNELS as readonly string[]).includes(channel));
  if (unknown) throw new ConfigError("NOTIFY_CHANNELS", `must list channels among ${CHANNELS.join(", ")}, got "${unknown}"`);
  const smtpUrl = value(env, "SMTP_URL");
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError("SMTP_URL", "must be an smtp:// or smtps:// URL");
  const from = value(env, "MAIL_FROM");
  if (smtpUrl && !from) throw new ConfigError("MAIL_FROM", "is required with SMTP_URL, e.g. Verification <verify@example.com>");
  const smsUrl = secureUrl(env, "SMS_WEBHOOK_URL");
  const smsToken = value(env, "SMS_WEBHOOK_TOKEN");
  if (smsUrl && !smsToken) throw new ConfigError("SMS_WEBHOOK_TOKEN", "is required with SMS_WEBHOOK_URL");
  const development = value(env, "SMS_DEVELOPMENT");
  if (development !== undefined && development !== "log")
    throw new ConfigError("SMS_DEVELOPMENT", 'takes only "log" (SMS texts, codes included, go to the log)');
  const smsDevelopmentLog = development === "log";
  // The console prints SMS for its one user at the keyboard; on a platform, real users need a real provider.
  const smsAvailable = smsUrl !== undefined || !onPlatforms || smsDevelopmentLog;
  const email = listed.includes("email") && smtpUrl !== undefined;
  const sms = listed.includes("sms") && smsAvailable;
  return {
    notifyChannels: ["chat", ...(email ? (["email"] as const) : []), ...(sms ? (["sms"] as const) : [])],
    smtp: smtpUrl && from ? { url: smtpUrl, from } : undefined,
    smsWebhook: smsUrl && smsToken ? { url: smsUrl, token: smsToken } : undefined,
    smsDevelopmentLog,
    smsAvailable,
  };
}

/** `DATABASE_URL`: unset → `<DATA_DIR>/assistant.db`; `sqlite:<path>`, `file:<path>` or a bare path → that file. */
function databaseFrom(env: Env, dataDir: string): DatabaseTarget {
  const url = value(env, "DATABASE_URL");
  if (url !== undefined && /^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError("DATABASE_URL", "is not a valid postgres://user:password@host:port/database URL");
    }
    return { kind: "postgres", url, poolSize: number(env, "DATABASE_POOL_SIZE", 10, { min: 1, max: 200, integer: true }) };
  }
  if (url === undefined) return { kind: "sqlite", path: join(dataDir, "assistant.db") };
  // A scheme other than sqlite: or file: is a mistake (postgresx://…), not a file name — and never echoed whole,
  // since it may carry a password. A bare path (./data/x.db, C:\data\x.db) is a SQLite file.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme && scheme !== "sqlite" && scheme !== "file")
    throw new ConfigError(
      "DATABASE_URL",
      `has an unknown scheme "${scheme}:" — use postgres://user:password@host/database or sqlite:<path>`,
    );
  const path = url.replace(/^(sqlite|file):(\/\/)?/, "");
  if (!path) throw new ConfigError("DATABASE_URL", "names no database file");
  return { kind: "sqlite", path: path === ":memory:" || isAbsolute(path) ? path : resolve(path) };
}

function timeZone(env: Env): string {
  const zone = value(env, "TIMEZONE") ?? "Asia/Shanghai";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    throw new ConfigError("TIMEZONE", `"${zone}" is not an IANA time zone such as Asia/Shanghai`);
  }
  return zone;
}

function holidays(env: Env): ReadonlySet<string> {
  const dates = list(env, "HOLIDAYS") ?? [];
  for (const date of dates) {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
      throw new ConfigError("HOLIDAYS", `"${date}" is not a date like 2026-10-01`);
    }
  }
  return new Set(dates);
}

function documentRules(env: Env): Readonly<DocumentRules> {
  const d = DEFAULT_DOCUMENT_RULES;
  return Object.freeze({
    maxBytes: number(env, "DOC_MAX_BYTES", d.maxBytes, { min: 1, integer: true }),
    maxPixels: number(env, "DOC_MAX_PIXELS", d.maxPixels, { min: 1, integer: true }),
    minShortSide: number(env, "DOC_MIN_SHORT_SIDE", d.minShortSide, { min: 1, integer: true }),
    minSharpness: number(env, "DOC_MIN_SHARPNESS", d.minSharpness, { min: 0 }),
    minColourfulness: number(env, "DOC_MIN_COLOURFULNESS", d.minColourfulness, { min: 0 }),
    minBrightness: number(env, "DOC_MIN_BRIGHTNESS", d.minBrightness, { min: 0, max: 255 }),
    maxClipped: number(env, "DOC_MAX_CLIPPED", d.maxClipped, { min: 0, max: 1 }),
  });
}
