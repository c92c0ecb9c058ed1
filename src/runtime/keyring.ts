import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import type { OpenOptions, SealedPlace, SealOptions, UserKey } from "../domain/sealing.js";
import { AssistantError } from "./errors.js";

export type { OpenOptions, SealedPlace, SealOptions, UserKey };

/** One data-encryption key: an id stored with every value it seals, and 32 random bytes. */
export interface DataKey {
  id: string;
  key: Buffer;
}

/** Sealed under a data key and bound to its place: `enc2:<key id>:<base64>`. */
const DATA_PREFIX = "enc2:";
/** Sealed under the row's user key and bound to its place: `encu:<user key id>:<base64>`. */
const USER_PREFIX = "encu:";
/** Before values were bound to their place (read until `cli keys rotate` re-seals them). */
const LEGACY_PREFIX = "enc1:";
const DATA_MAGIC = Buffer.from("VAENC2\n");
const USER_MAGIC = Buffer.from("VAENCU\n");
const LEGACY_MAGIC = Buffer.from("VAENC1\n");
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * AES-256-GCM with a random 96-bit IV per value (Node's `crypto`), the value's place (table,
 * column, row) as associated data. The data keys' first seals; every one opens, so values sealed
 * before a rotation stay readable until `cli keys rotate` has re-sealed them. A user's personal
 * data is sealed under that user's own key (`UserKey`), which is kept wrapped by the data keys:
 * rotation re-wraps it without touching the data, and erasure destroys it.
 */
export class Keyring {
  private readonly byId: ReadonlyMap<string, Buffer>;
  private readonly current: DataKey;
  private readonly ivs = new RandomPool(IV_BYTES);
  /**
   * Values sealed to be opened again soon (`reopenedSoon`), by place and sealed value: a
   * conversation's snapshot is opened by the chat's next event, and decrypting it costs as much as
   * sealing. Only values this process already held in clear; the latest 2,048–4,096 of them.
   */
  private readonly recentlySealed = new RecentValues(2048);

  constructor(keys: readonly DataKey[]) {
    if (keys.length === 0) throw new AssistantError("keys_missing", "at least one data-encryption key is needed");
    for (const { id, key } of keys) {
      if (!KEY_ID_PATTERN.test(id)) throw new AssistantError("key_invalid", `key id "${id}" must be 1–32 of A-Z a-z 0-9 _ -`);
      if (key.length !== 32) throw new AssistantError("key_invalid", `key "${id}" must be 32 bytes`);
    }
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
    if (this.byId.size !== keys.length) throw new AssistantError("key_invalid", "key ids must be unique");
    this.current = keys[0]!;
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  /** A key for another purpose (one-time codes), derived from the current key with HKDF-SHA256. */
  deriveKey(purpose: string): Buffer {
    return derive(this.current.key, purpose);
  }

  /**
   * `<key id>:<hex HMAC-SHA256>` of a value under each key, the current key's first: equal values
   * (an ID number in two applications) are found by comparing digests, without keeping the value.
   * One per key, so digests stored before a rotation still match while their key is listed.
   */
  digests(value: string): string[] {
    return [...this.digestKeys].map(([id, key]) => `${id}:${createHmac("sha256", key).update(value, "utf8").digest("hex")}`);
  }

  private get digestKeys(): ReadonlyMap<string, Buffer> {
    this.derivedDigestKeys ??= new Map([...this.byId].map(([id, key]) => [id, derive(key, "identity-digests")]));
    return this.derivedDigestKeys;
  }
  private derivedDigestKeys: Map<string, Buffer> | undefined;

  /** A new user key (`user_keys`): random, never derived, so nothing can recreate it once destroyed. */
  newUserKey(): UserKey {
    // One call to the CSPRNG for both: each call costs more than the bytes.
    const bytes = randomBytes(8 + 32);
    return { id: bytes.subarray(0, 8).toString("hex"), key: Buffer.from(bytes.subarray(8)) };
  }

  /** A user key as stored: `<key id>.<key>` sealed under the data keys, bound to its user's row. */
  wrapUserKey(userId: string, { id, key }: UserKey): string {
    return this.sealText(`${id}.${key.toString("base64")}`, userKeyPlace(userId));
  }

  unwrapUserKey(userId: string, wrapped: string): UserKey {
    const [id, key] = this.openText(wrapped, userKeyPlace(userId)).split(".");
    return { id: id!, key: Buffer.from(key!, "base64") };
  }

  /** A text value sealed for its place: under `userKey` when it is that user's data, else under the current data key. */
  sealText(plain: string, place: SealedPlace, userKey?: UserKey, options: SealOptions = {}): string {
    const [prefix, id, key] = userKey ? [USER_PREFIX, userKey.id, userKey.key] : [DATA_PREFIX, this.current.id, this.current.key];
    const sealed = `${prefix}${id}:${this.encrypt(Buffer.from(plain, "utf8"), key, boundTo(place)).toString("base64")}`;
    if (options.reopenedSoon) this.recentlySealed.remember(recentKey(sealed, place, userKey), plain);
    return sealed;
  }

  /** The plain text of a value sealed for `place` (under `userKey` if it is a user's); anything else is refused. */
  openText(stored: string, place: SealedPlace, userKey?: UserKey, options: OpenOptions = {}): string {
    // Remembered by key too: a user's value is never opened from memory for a caller without their key.
    const recent = this.recentlySealed.get(recentKey(stored, place, userKey));
    if (recent !== undefined) return recent;
    const prefix = stored.slice(0, DATA_PREFIX.length);
    if (prefix !== DATA_PREFIX && prefix !== USER_PREFIX && prefix !== LEGACY_PREFIX) {
      if (options.acceptUnsealed) return stored;
      throw unsealed(place);
    }
    const separator = stored.indexOf(":", prefix.length);
    const id = stored.slice(prefix.length, separator);
    const body = Buffer.from(stored.slice(separator + 1), "base64");
    if (prefix === USER_PREFIX) return this.decrypt(body, userKeyFor(id, userKey, place), place, boundTo(place)).toString("utf8");
    return this.decrypt(body, this.dataKey(id), place, prefix === DATA_PREFIX ? boundTo(place) : undefined).toString("utf8");
  }

  /** Bytes sealed for their place; a document is always its owner's (`userKey`). */
  sealBytes(plain: Buffer, place: SealedPlace, userKey?: UserKey): Buffer {
    const [magic, id, key] = userKey ? [USER_MAGIC, userKey.id, userKey.key] : [DATA_MAGIC, this.current.id, this.current.key];
    const idBytes = Buffer.from(id, "ascii");
    return Buffer.concat([magic, Buffer.from([idBytes.length]), idBytes, this.encrypt(plain, key, boundTo(place))]);
  }

  openBytes(stored: Buffer, place: SealedPlace, userKey?: UserKey, options: OpenOptions = {}): Buffer {
    const sealed = sealedBytes(stored);
    if (!sealed) {
      if (options.acceptUnsealed) return stored;
      throw unsealed(place);
    }
    if (sealed.magic === USER_MAGIC) return this.decrypt(sealed.body, userKeyFor(sealed.id, userKey, place), place, boundTo(place));
    return this.decrypt(sealed.body, this.dataKey(sealed.id), place, sealed.magic === DATA_MAGIC ? boundTo(place) : undefined);
  }

  /** The user key sealed bytes name (a document), or null for bytes under the data keys. */
  userKeyIdOf(stored: Buffer): string | null {
    const sealed = sealedBytes(stored);
    return sealed?.magic === USER_MAGIC ? sealed.id : null;
  }

  /** Whether a stored value needs nothing from `cli keys rotate`: a user's value, or one sealed today under the current key. */
  isCurrent(stored: string | Buffer): boolean {
    if (typeof stored === "string") return stored.startsWith(USER_PREFIX) || stored.startsWith(`${DATA_PREFIX}${this.current.id}:`);
    const sealed = sealedBytes(stored);
    return sealed?.magic === USER_MAGIC || (sealed?.magic === DATA_MAGIC && sealed.id === this.current.id);
  }

  private dataKey(id: string): Buffer {
    const key = this.byId.get(id);
    // The key id only, never the value: a missing key is an operator's configuration problem.
    if (!key)
      throw new AssistantError("key_unknown", `a stored value is sealed with key "${id}", which DATA_ENCRYPTION_KEYS does not list`);
    return key;
  }

  private encrypt(plain: Buffer, key: Buffer, aad: Buffer): Buffer {
    const iv = this.ivs.next();
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private decrypt(sealed: Buffer, key: Buffer, place: SealedPlace, aad: Buffer | undefined): Buffer {
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, IV_BYTES));
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      // Where, never what: a value copied from another row fails here too.
      throw new AssistantError("value_tampered", `a value in ${place.table}.${place.column} failed authentication for its row`);
    }
  }
}

function userKeyPlace(userId: string): SealedPlace {
  return { table: "user_keys", column: "wrapped", row: userId };
}

function recentKey(sealed: string, place: SealedPlace, userKey: UserKey | undefined): string {
  return `${userKey?.id ?? ""}\0${placeText(place)}\0${sealed}`;
}

function placeText({ table, column, row }: SealedPlace): string {
  return `${table}\0${column}\0${row}`;
}

function boundTo(place: SealedPlace): Buffer {
  return Buffer.from(`verification-assistant\0${placeText(place)}`, "utf8");
}

function userKeyFor(id: string, userKey: UserKey | undefined, place: SealedPlace): Buffer {
  if (userKey?.id === id) return userKey.key;
  // Erasure destroyed it (or a value was moved to another user's row): unreadable, as intended.
  throw new AssistantError(
    "user_key_destroyed",
    `a value in ${place.table}.${place.column} is sealed under a user key that no longer exists`,
  );
}

function unsealed(place: SealedPlace): AssistantError {
  return new AssistantError(
    "value_unsealed",
    `a value in ${place.table}.${place.column} is not sealed; run "npm run cli -- keys rotate" to seal it`,
  );
}

/**
 * Random IVs drawn from a pooled buffer filled by the CSPRNG 4,096 IVs at a time: a small
 * `randomBytes` call per value costs more than the encryption itself. The bytes are as random;
 * an IV need not be secret, only never repeat under one key.
 */
class RandomPool {
  private pool = Buffer.alloc(0);
  private offset = 0;

  constructor(private readonly size: number) {}

  next(): Buffer {
    if (this.offset + this.size > this.pool.length) {
      this.pool = randomBytes(this.size * 4096);
      this.offset = 0;
    }
    const bytes = this.pool.subarray(this.offset, this.offset + this.size);
    this.offset += this.size;
    return bytes;
  }
}

/**
 * The latest `capacity` to 2 × `capacity` values, in two generations: when the newer is full it
 * becomes the older, and the older is dropped whole. Evicting one entry at a time from a `Map`
 * made every insertion scan past the entries deleted before it.
 */
class RecentValues {
  private newer = new Map<string, string>();
  private older = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  get(key: string): string | undefined {
    return this.newer.get(key) ?? this.older.get(key);
  }

  remember(key: string, value: string): void {
    if (this.newer.size >= this.capacity) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(key, value);
  }
}

function derive(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), `verification-assistant:${purpose}`, 32));
}

/** The format, key id and sealed body of stored bytes; null for bytes stored before encryption. */
function sealedBytes(stored: Buffer): { magic: Buffer; id: string; body: Buffer } | null {
  const magic = [USER_MAGIC, DATA_MAGIC, LEGACY_MAGIC].find((candidate) => stored.subarray(0, candidate.length).equals(candidate));
  if (!magic) return null;
  const idLength = stored[magic.length]!;
  const idStart = magic.length + 1;
  return { magic, id: stored.subarray(idStart, idStart + idLength).toString("ascii"), body: stored.subarray(idStart + idLength) };
}

/** `<id>:<base64 of 32 bytes>,…` as in `DATA_ENCRYPTION_KEYS`; throws naming what is wrong (never the key). */
export function parseDataKeys(text: string): DataKey[] {
  const keys = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const separator = entry.indexOf(":");
      const id = separator > 0 ? entry.slice(0, separator) : "";
      const encoded = entry.slice(separator + 1);
      if (!KEY_ID_PATTERN.test(id))
        throw new AssistantError("key_invalid", "each key is <id>:<base64 of 32 bytes>, the id 1–32 of A-Z a-z 0-9 _ -");
      const key = Buffer.from(encoded, "base64");
      if (key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded))
        throw new AssistantError("key_invalid", `key "${id}" is not the base64 of 32 bytes`);
      return { id, key };
    });
  if (new Set(keys.map((key) => key.id)).size !== keys.length) throw new AssistantError("key_invalid", "key ids must be unique");
  return keys;
}

/** A new key in the `DATA_ENCRYPTION_KEYS` format. */
export function generateDataKey(id: string): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}
