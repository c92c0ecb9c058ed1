import { databaseExists } from "../../../db/open-database.js";
import type { SqlStore } from "../../../db/sql-store.js";
import { PLATFORMS, type Platform } from "../../domain/platform.js";
import { LOCALES, type Locale } from "../../i18n/locale.js";
import type { Config } from "../../runtime/config.js";
import { AssistantError } from "../../runtime/errors.js";
import type { Keyring } from "../../runtime/keyring.js";
import { loadConfigOrExit } from "../../runtime/load-config.js";
import { keyringFor } from "../keyring-setup.js";
import { openStore } from "../open-store.js";

/** A command's words were off: the CLI prints the message and the usage, exit 2. */
export class UsageError extends AssistantError {
  constructor(message: string) {
    super("cli_usage", message);
  }
}

/** What every command is given: the words after its name and the parsed options. */
export interface CliArgs {
  rest: string[];
  json: boolean;
  lang: string | undefined;
  zh: string | undefined;
  en: string | undefined;
  sinceDays: string | undefined;
  noWait: boolean;
  until: string | undefined;
  out: string | undefined;
  yes: boolean;
  asOf: string | undefined;
  dryRun: boolean;
  since: string | undefined;
  failed: boolean;
}

/** A command returns its exit code: 0 success, 1 a negative answer (invalid value, unknown user). */
export type CliCommand = (args: CliArgs) => Promise<number> | number;

export function expectArgs(args: readonly string[], count: number): void {
  if (args.length !== count) throw new UsageError(`expected ${count} argument(s), got ${args.length}`);
}

export function platformArgument(platform: string): Platform {
  if (!(PLATFORMS as readonly string[]).includes(platform)) throw new UsageError(`platform must be one of ${PLATFORMS.join(", ")}`);
  return platform as Platform;
}

export function localeOption(lang: string | undefined, config: Readonly<Config>): Locale {
  if (lang !== undefined && !(LOCALES as readonly string[]).includes(lang)) throw new UsageError(`--lang takes ${LOCALES.join(" or ")}`);
  return (lang as Locale | undefined) ?? config.defaultLocale;
}

/** The CLI found no database where the configuration points, and does not make one (exit 1). */
export class MissingDatabaseError extends AssistantError {
  constructor() {
    super(
      "no_database",
      'no assistant database here (DATA_DIR / DATABASE_URL): start the assistant once (npm start) or run "npm run cli -- migrate" first',
    );
  }
}

/**
 * The store and keyring of a data directory the assistant already made. The CLI never creates a database or
 * an encryption key: a mistyped DATA_DIR must not leave an empty store (and a key no one keeps) behind.
 * Pending migrations of an existing database are applied, as `npm start` would.
 */
export async function openExistingStore(config: Readonly<Config>): Promise<{ store: SqlStore; keyring: Keyring }> {
  if (!(await databaseExists(config.database))) throw new MissingDatabaseError();
  const keyring = keyringFor(config, { create: false });
  return { store: await openStore(config, keyring), keyring };
}

/** Opens the existing store for one command and closes it afterwards. */
export async function withStore<T>(work: (store: SqlStore, config: Readonly<Config>, keyring: Keyring) => Promise<T>): Promise<T> {
  const config = loadConfigOrExit();
  const { store, keyring } = await openExistingStore(config);
  try {
    return await work(store, config, keyring);
  } finally {
    await store.close();
  }
}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}
