import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { openSqlite } from "../db/open-database.js";
import { migrateToLatest } from "../db/migrate.js";
import { PLATFORMS, type Platform } from "./chat/chat-event.js";
import { localDate } from "./domain/business-days.js";
import { validateEmail } from "./domain/email.js";
import { validateIdCard } from "./domain/id-card.js";
import { validatePhone } from "./domain/phone.js";
import { validateUscc } from "./domain/uscc.js";
import type { Validation } from "./domain/validation-result.js";
import { SqlReviewStore } from "../db/review-store.js";
import { openStore } from "./assistant.js";
import type { Config } from "./config.js";
import { normalizeReferenceCode } from "./domain/reference-code.js";
import { ACCOUNT_STATUSES, NEW_USER_RECORD, type AccountStatus } from "./domain/user-record.js";
import { createDocumentCheck } from "./documents/document-check.js";
import { faqReply } from "../machines/faq-replies.js";
import { FaqMatcher } from "./faq/faq-matcher.js";
import { LOCALES, type Locale } from "./i18n/locale.js";
import { msg, translate } from "./i18n/message.js";
import { loadConfigOrExit } from "./load-config.js";
import { main } from "./main.js";
import { NotificationCommands } from "./notifications/notification-commands.js";

/**
 * `npm run cli -- <command>`: operator commands. Exit codes: 0 success,
 * 1 a negative answer (invalid value, unknown user), 2 usage or configuration errors.
 */
const USAGE = `usage: npm run cli -- <command>
  start                                         run the assistant (same as npm start)
  migrate                                       apply database migrations
  status <console|telegram|slack> <user> [--json]
                                                account status and current application
  validate <id-card|uscc|phone|email> <value> [--json]
                                                check one value the way the conversation does
  check-document <path> [--json] [--lang zh-CN|en]
                                                check a document photo the way the conversation does
  faq "<question>" [--lang zh-CN|en] [--json]   which FAQ answer a phrasing gets
  review list [--json]                          applications waiting for review, oldest first
  support list [--json]                         requests for a person, newest first
  audit <reference> [--json]                    every change of one application
  account <console|telegram|slack> <user> <active|disabled|cancelled>
                                                set a user's account status
  notifications <console|telegram|slack> <user> [--json]
                                                a user's recent notifications, delivery state per channel
  announce --zh "<text>" --en "<text>" [--since-days N] [--no-wait]
                                                announce to everyone who chatted in the last N days (30)
  maintenance on --until <ISO time> [--zh "<text>"] [--en "<text>"] | maintenance off | maintenance status
                                                hold new submissions until maintenance ends`;

class UsageError extends Error {}

const VALIDATORS: Record<string, (value: string) => Validation<string>> = {
  "id-card": (value) => validateIdCard(value),
  uscc: validateUscc,
  phone: validatePhone,
  email: validateEmail,
};

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: "boolean", default: false },
      lang: { type: "string" },
      zh: { type: "string" },
      en: { type: "string" },
      "since-days": { type: "string" },
      "no-wait": { type: "boolean", default: false },
      until: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  switch (command) {
    case "start":
      expectArgs(rest, 0);
      await main();
      return 0;
    case "migrate":
      expectArgs(rest, 0);
      return migrate();
    case "status":
      expectArgs(rest, 2);
      return status(rest[0]!, rest[1]!, values.json);
    case "validate":
      expectArgs(rest, 2);
      return validate(rest[0]!, rest[1]!, values.json);
    case "faq":
      expectArgs(rest, 1);
      return faq(rest[0]!, values.json, values.lang);
    case "support":
      if (rest[0] !== "list") throw new UsageError('support takes "list"');
      expectArgs(rest, 1);
      return supportList(values.json);
    case "review":
      if (rest[0] !== "list") throw new UsageError('review takes "list"');
      expectArgs(rest, 1);
      return reviewList(values.json);
    case "audit":
      expectArgs(rest, 1);
      return audit(rest[0]!, values.json);
    case "account":
      expectArgs(rest, 3);
      return account(rest[0]!, rest[1]!, rest[2]!);
    case "notifications":
      expectArgs(rest, 2);
      return new NotificationCommands(loadConfigOrExit()).notifications(platformArgument(rest[0]!), rest[1]!, values.json);
    case "announce": {
      expectArgs(rest, 0);
      if (!values.zh?.trim() || !values.en?.trim()) throw new UsageError('announce needs both --zh "<text>" and --en "<text>"');
      const sinceDays = Number(values["since-days"] ?? 30);
      if (!Number.isInteger(sinceDays) || sinceDays < 1) throw new UsageError("--since-days must be a whole number of days ≥ 1");
      return new NotificationCommands(loadConfigOrExit()).announce(
        { zh: values.zh.trim(), en: values.en.trim() },
        sinceDays,
        !values["no-wait"],
      );
    }
    case "maintenance": {
      expectArgs(rest, 1);
      if (!["on", "off", "status"].includes(rest[0]!)) throw new UsageError('maintenance takes "on", "off" or "status"');
      const note = { ...(values.zh ? { zh: values.zh } : {}), ...(values.en ? { en: values.en } : {}) };
      const code = await new NotificationCommands(loadConfigOrExit()).maintenance(rest[0]!, values.until, note);
      if (code === 2) throw new UsageError("maintenance on needs --until with a future ISO time");
      return code;
    }
    case "check-document":
      expectArgs(rest, 1);
      return checkDocumentFile(rest[0]!, values.json, values.lang);
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}

function expectArgs(args: string[], count: number): void {
  if (args.length !== count) throw new UsageError(`expected ${count} argument(s), got ${args.length}`);
}

async function migrate(): Promise<number> {
  const config = loadConfigOrExit();
  const { db } = openSqlite(config.sqlitePath);
  try {
    const applied = await migrateToLatest(db);
    process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "database is up to date\n");
  } finally {
    await db.destroy();
  }
  return 0;
}

function platformArgument(platform: string): Platform {
  if (!(PLATFORMS as readonly string[]).includes(platform)) throw new UsageError(`platform must be one of ${PLATFORMS.join(", ")}`);
  return platform as Platform;
}

/** Opens the store for one command and closes it afterwards. */
async function withReviewStore<T>(work: (reviews: SqlReviewStore, config: Readonly<Config>) => Promise<T>): Promise<T> {
  const config = loadConfigOrExit();
  const { db } = openSqlite(config.sqlitePath);
  try {
    await migrateToLatest(db);
    return await work(new SqlReviewStore(db), config);
  } finally {
    await db.destroy();
  }
}

async function reviewList(json: boolean): Promise<number> {
  return withReviewStore(async (reviews, config) => {
    const now = new Date();
    const queue = await reviews.awaitingReview(localDate(now, config.timeZone));
    const entries = queue.map((entry) => ({
      ...entry,
      waitingHours: Math.floor((now.getTime() - Date.parse(entry.submittedAt)) / 3_600_000),
    }));
    if (json) {
      process.stdout.write(`${JSON.stringify(entries)}\n`);
    } else if (entries.length === 0) {
      process.stdout.write("nothing waits for review\n");
    } else {
      for (const e of entries) {
        const age = e.waitingHours >= 48 ? `${Math.floor(e.waitingHours / 24)} d` : `${e.waitingHours} h`;
        process.stdout.write(
          `${e.reference}  ${e.method.padEnd(10)}  waiting ${age.padStart(5)}  expected by ${e.expectedBy}${e.overdue ? "  OVERDUE" : ""}\n`,
        );
      }
    }
    return 0;
  });
}

async function supportList(json: boolean): Promise<number> {
  return withReviewStore(async (reviews) => {
    const requests = await reviews.supportRequests(100);
    if (json) process.stdout.write(`${JSON.stringify(requests)}\n`);
    else if (requests.length === 0) process.stdout.write("no support requests\n");
    else
      for (const r of requests)
        process.stdout.write(`${r.reference}  ${r.createdAt}  ${r.platform}:${r.user}${r.question ? `  “${r.question}”` : ""}\n`);
    return 0;
  });
}

async function audit(reference: string, json: boolean): Promise<number> {
  const normalized = normalizeReferenceCode(reference);
  if (!normalized) throw new UsageError(`"${reference}" is not a reference code like K7M3-9QXD`);
  return withReviewStore(async (reviews) => {
    const trail = await reviews.auditTrail(normalized);
    if (!trail) {
      process.stderr.write(`no application ${normalized}\n`);
      return 1;
    }
    if (json) {
      process.stdout.write(`${JSON.stringify({ reference: normalized, entries: trail })}\n`);
    } else {
      for (const e of trail) {
        const details = [e.reason && `reasons: ${e.reason}`, e.note && `note: ${e.note}`].filter(Boolean).join("; ");
        process.stdout.write(`${e.at}  ${e.actor}  ${e.from ?? "-"} → ${e.to}${details ? `  (${details})` : ""}\n`);
      }
    }
    return 0;
  });
}

async function account(platform: string, user: string, status: string): Promise<number> {
  const target = platformArgument(platform);
  if (!(ACCOUNT_STATUSES as readonly string[]).includes(status))
    throw new UsageError(`status must be one of ${ACCOUNT_STATUSES.join(", ")}`);
  return withReviewStore(async (reviews) => {
    if (!(await reviews.setAccountStatus(target, user, status as AccountStatus))) {
      process.stderr.write(`no ${platform} user "${user}" has talked to the assistant\n`);
      return 1;
    }
    process.stdout.write(`${platform} user ${user}: account ${status}\n`);
    return 0;
  });
}

async function status(platform: string, user: string, json: boolean): Promise<number> {
  platformArgument(platform);
  const config = loadConfigOrExit();
  const store = await openStore(config);
  try {
    const record = await store.findUserRecord(platform as Platform, user, localDate(new Date(), config.timeZone));
    if (!record) {
      process.stderr.write(`no ${platform} user "${user}" has talked to the assistant\n`);
      return 1;
    }
    const application = record.application && {
      reference: record.application.reference,
      status: record.application.status,
      method: record.application.method,
      submittedAt: record.application.submittedAt,
      expectedBy: record.application.expectedBy,
      reasons: record.application.reasons,
    };
    const result = { platform, user, account: record.account, verified: record.verified, application };
    if (json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      const lines = [`${platform} user ${user}: account ${record.account}, ${record.verified ? "verified" : "not verified"}`];
      if (record.application) {
        const a = record.application;
        lines.push(
          `application ${a.reference}: ${a.status} (${a.method}), submitted ${a.submittedAt}, expected by ${a.expectedBy}${a.overdue ? " — OVERDUE" : ""}`,
        );
        if (a.reasons.length) lines.push(`reasons: ${a.reasons.join(", ")}`);
      } else {
        lines.push("no submitted application");
      }
      process.stdout.write(`${lines.join("\n")}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

function validate(kind: string, value: string, json: boolean): number {
  const validator = VALIDATORS[kind];
  if (!validator) throw new UsageError(`validate takes one of ${Object.keys(VALIDATORS).join(", ")}`);
  const result = validator(value);
  const output = result.valid ? { valid: true, normalized: result.normalized } : { valid: false, error: result.error };
  process.stdout.write(
    json ? `${JSON.stringify(output)}\n` : result.valid ? `valid: ${result.normalized}\n` : `invalid: ${result.error}\n`,
  );
  return result.valid ? 0 : 1;
}

function faq(question: string, json: boolean, lang: string | undefined): number {
  if (lang !== undefined && !(LOCALES as readonly string[]).includes(lang)) throw new UsageError(`--lang takes ${LOCALES.join(" or ")}`);
  const config = loadConfigOrExit();
  const locale = (lang as Locale | undefined) ?? config.defaultLocale;
  const { topic, confidence } = new FaqMatcher().match(question);
  // The general answer: content editors check phrasings, not a user's record.
  const answer = topic
    ? faqReply(topic, NEW_USER_RECORD, config.supportContact)
        .body.map((message) => translate(locale, message))
        .join("\n")
    : translate(locale, msg("faq.noMatch"));
  process.stdout.write(
    json ? `${JSON.stringify({ topic, confidence, answer })}\n` : `${topic ?? "(no topic)"}  ${confidence}\n${answer}\n`,
  );
  return 0;
}

async function checkDocumentFile(path: string, json: boolean, lang: string | undefined): Promise<number> {
  if (lang !== undefined && !(LOCALES as readonly string[]).includes(lang)) throw new UsageError(`--lang takes ${LOCALES.join(" or ")}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const config = loadConfigOrExit();
  const locale = (lang as Locale | undefined) ?? config.defaultLocale;
  const inspection = await createDocumentCheck(config.documentRules)(bytes);
  const problems = inspection.problems.map((problem) => ({
    code: problem.code,
    message: translate(locale, msg(`document.problem.${problem.code}`, problem.params)),
  }));
  const ok = problems.length === 0;
  const { format, width, height } = inspection;
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok, problems, format, width, height, bytes: bytes.length })}\n`);
  } else {
    const size = width && height ? `${width}×${height}, ` : "";
    process.stdout.write(`${ok ? "ok" : "problems"}: ${format ?? "unknown format"}, ${size}${bytes.length} bytes\n`);
    for (const problem of problems) process.stdout.write(`- ${problem.code}: ${problem.message}\n`);
  }
  return ok ? 0 : 1;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    process.stderr.write(isUsage ? `${(error as Error).message}\n${USAGE}\n` : `error: ${(error as Error).message}\n`);
    process.exitCode = isUsage ? 2 : 1;
  },
);
