import { Keyring, parseDataKeys } from "../../src/runtime/keyring.js";

/** A data-encryption key for tests only (a fixed pattern, never used anywhere real). */
export const TEST_DATA_KEYS = `test:${Buffer.alloc(32, 7).toString("base64")}`;
/** A second key, for rotation tests. */
export const NEXT_TEST_KEY = `next:${Buffer.alloc(32, 9).toString("base64")}`;

/** The keyring of `TEST_DATA_KEYS`, as the assistant builds it from the variable. */
export function testKeyring(): Keyring {
  return new Keyring(parseDataKeys(TEST_DATA_KEYS));
}
