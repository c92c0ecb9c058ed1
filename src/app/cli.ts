import { parseArgs } from "node:util";
import { type CliCommand, expectArgs, UsageError } from "./cli/cli-command.js";

/**
 * `npm run cli -- <command>`: operator commands, one file each under `cli/`.
 * Exit codes: 0 success, 1 a negative answer (invalid value, unknown user),
 * 2 usage or configuration errors.
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
  faq unmatched [--since <ISO>] [--json]        questions the FAQ missed, grouped, most frequent first
  faq teach "<question>" <topic> [--json]       add a phrasing to a topic (every instance, within a minute)
  faq taught [--json]                           the phrasings taught
  faq forget <id> [--json]                      remove a taught phrasing
  review list [--json]                          applications waiting for review, oldest first
  review stats [--since <ISO date>] [--json]    per reviewer: decisions, time to decision, SLA breaches, reasons (30 days)
  support list [--json]                         requests for a person, newest first
  support reply <reference> "<text>" [--json]   answer a request: sent to the user's chat (and email)
  audit <reference> [--json]                    every change of one application
  account <console|telegram|slack> <user> <active|disabled|cancelled>
                                                set a user's account status
  notifications <console|telegram|slack> <user> [--json]
                                                a user's recent notifications, delivery state per channel
  announce --zh "<text>" --en "<text>" [--since-days N] [--no-wait]
                                                announce to everyone who chatted in the last N days (30)
  maintenance on --until <ISO time> [--zh "<text>"] [--en "<text>"] | maintenance off | maintenance status
                                                hold new submissions until maintenance ends
  keys generate | keys rotate                   print a new data-encryption key | re-seal everything with the first key
  privacy export <console|telegram|slack> <user> [--out <file>]
                                                everything held about a user, as JSON (stdout by default)
  privacy erase <console|telegram|slack> <user> --yes
                                                erase a user's personal data (refused while under review)
  purge [--as-of <ISO date>] [--dry-run] [--json]
                                                erase what is past RETENTION_DAYS / CONVERSATION_RETENTION_DAYS
  webhooks list [--failed] [--json]             webhook events, newest first (--failed: undelivered after a failure)
  webhooks replay <id>                          send one event again (same id and Idempotency-Key)`;

/**
 * Each command's module is loaded only when it runs: an operator's `validate` or `--help` does not wait
 * for the platform SDKs, the database drivers and the photo reader to load.
 */
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  start: async () => {
    const { main } = await import("./main.js");
    return async ({ rest }) => {
      expectArgs(rest, 0);
      await main();
      return 0;
    };
  },
  migrate: async () => (await import("./cli/migrate.js")).migrate,
  status: async () => (await import("./cli/status.js")).status,
  validate: async () => (await import("./cli/validate.js")).validate,
  faq: async () => (await import("./cli/faq.js")).faq,
  "check-document": async () => (await import("./cli/check-document.js")).checkDocument,
  review: async () => (await import("./cli/review-list.js")).reviewList,
  support: async () => (await import("./cli/support.js")).support,
  audit: async () => (await import("./cli/audit.js")).audit,
  account: async () => (await import("./cli/account.js")).account,
  notifications: async () => (await import("./cli/notifications.js")).notifications,
  announce: async () => (await import("./cli/announce.js")).announce,
  maintenance: async () => (await import("./cli/maintenance.js")).maintenance,
  keys: async () => (await import("./cli/keys.js")).keys,
  privacy: async () => (await import("./cli/privacy.js")).privacy,
  purge: async () => (await import("./cli/purge.js")).purge,
  webhooks: async () => (await import("./cli/webhooks.js")).webhooks,
};

async function run(argv: string[]): Promise<number> {
  process.umask(0o077); // as in main: whatever the CLI creates in DATA_DIR is the owner's alone
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
      out: { type: "string" },
      yes: { type: "boolean", default: false },
      "as-of": { type: "string" },
      "dry-run": { type: "boolean", default: false },
      since: { type: "string" },
      failed: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const [name, ...rest] = positionals;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const load = name === undefined || !Object.hasOwn(COMMANDS, name) ? undefined : COMMANDS[name];
  if (!load) throw new UsageError(name ? `unknown command "${name}"` : "no command given");
  const command = await load();
  return command({
    rest,
    json: values.json,
    lang: values.lang,
    zh: values.zh,
    en: values.en,
    sinceDays: values["since-days"],
    noWait: values["no-wait"],
    until: values.until,
    out: values.out,
    yes: values.yes,
    asOf: values["as-of"],
    dryRun: values["dry-run"],
    since: values.since,
    failed: values.failed,
  });
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
