import type { SqlStore } from "../../../db/sql-store.js";
import { PLATFORMS, type Platform } from "../../domain/platform.js";
import { LOCALES, type Locale } from "../../i18n/locale.js";
import type { Config } from "../../runtime/config.js";
import { AssistantError } from "../../runtime/errors.js";
import { loadConfigOrExit } from "../../runtime/load-config.js";
import { openStore } from "../assistant.js";

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

/** Opens (and migrates) the store for one command and closes it afterwards. */
export async function withStore<T>(work: (store: SqlStore, config: Readonly<Config>) => Promise<T>): Promise<T> {
  const config = loadConfigOrExit();
  const store = await openStore(config);
  try {
    return await work(store, config);
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
