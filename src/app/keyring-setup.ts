import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../runtime/config.js";
import { AssistantError, ConfigError } from "../runtime/errors.js";
import { generateDataKey, Keyring, parseDataKeys } from "../runtime/keyring.js";

/** Where the console keeps its generated key when `DATA_ENCRYPTION_KEYS` is not set. */
export const KEY_FILE = "encryption.key";

/**
 * The keys that seal personal data at rest: `DATA_ENCRYPTION_KEYS`, or — for
 * the console only, so `npm start` needs no set-up — a key generated once into
 * `DATA_DIR/encryption.key` (mode 0600; said on stderr when it is created).
 * With Telegram or Slack configured the configuration already requires the
 * variable (exit 2 naming it). `create: false` (the CLI): a missing key file is an error, not a new key —
 * data sealed under a key made by mistake could never be read by the assistant.
 */
export function keyringFor(config: Readonly<Config>, { create = true }: { create?: boolean } = {}): Keyring {
  if (config.dataKeys) return new Keyring(config.dataKeys);
  const path = join(config.dataDir, KEY_FILE);
  if (!existsSync(path)) {
    if (!create) throw new MissingKeyError(path);
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    try {
      // "wx": of two processes starting at once (the console and the CLI), one makes the key and the other reads it.
      writeFileSync(path, `${generateDataKey("local")}\n`, { mode: 0o600, flag: "wx" });
      process.stderr.write(
        `DATA_ENCRYPTION_KEYS is not set: personal data is encrypted with a new key in ${path} (mode 0600). Set DATA_ENCRYPTION_KEYS for anything beyond a local trial.\n`,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  chmodSync(path, 0o600);
  try {
    return new Keyring(parseDataKeys(readFileSync(path, "utf8")));
  } catch (error) {
    throw new ConfigError("DATA_ENCRYPTION_KEYS", `unset, and ${path} holds no valid key: ${(error as Error).message}`);
  }
}

/** The CLI found no key to open the data with, and does not make one. */
export class MissingKeyError extends AssistantError {
  constructor(path: string) {
    super(
      "no_encryption_key",
      `DATA_ENCRYPTION_KEYS is not set and there is no key at ${path}: start the assistant once (npm start) in this DATA_DIR, or set DATA_ENCRYPTION_KEYS`,
    );
  }
}

/**
 * The key of the one-time-code ledger and of the codes' hashes: kept in the store so that a data-key rotation
 * does not change it (the 24-hour limits count by a keyed hash of the number and must outlive a rotation). It
 * starts as the key earlier versions derived from the data key, so counts made before it was stored still count.
 */
export function oneTimeCodeKey(
  store: { serviceKey(purpose: string, initial: () => Buffer): Promise<Buffer> },
  keyring: Keyring,
): Promise<Buffer> {
  return store.serviceKey("one-time-codes", () => keyring.deriveKey("one-time-codes"));
}

/**
 * The key documents are named under (HMAC of their bytes): random, kept in the store so every instance
 * names a photo alike and a data-key rotation does not rename anything.
 */
export function documentNameKey(store: { serviceKey(purpose: string, initial: () => Buffer): Promise<Buffer> }): Promise<Buffer> {
  return store.serviceKey("document-names", () => randomBytes(32));
}
