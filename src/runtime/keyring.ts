import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { AssistantError } from "./errors.js";

/** One data-encryption key: an id stored with every value it seals, and 32 random bytes. */
export interface DataKey {
  id: string;
  key: Buffer;
}

const TEXT_PREFIX = "enc1:";
const BYTES_MAGIC = Buffer.from("VAENC1\n");
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * AES-256-GCM with a random 96-bit IV per value (Node's `crypto`). The first
 * key seals; every key opens, so values sealed before a rotation stay
 * readable until `cli keys rotate` has re-sealed them. Text values are
 * `enc1:<key id>:<base64 of IV‖tag‖ciphertext>`; byte values start with a
 * magic line, the key id's length and the key id.
 */
export class Keyring {
  private readonly byId: ReadonlyMap<string, Buffer>;
  private readonly current: DataKey;
  private readonly ivs = new RandomPool(IV_BYTES);
  /**
   * What this process sealed last, by sealed value: a conversation's snapshot is opened by the
   * next event right after the previous one sealed it, and decrypting costs more than the rest of
   * the event's crypto. Only values this process already held in clear; bounded.
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

  sealText(plain: string): string {
    const sealed = `${TEXT_PREFIX}${this.current.id}:${this.encrypt(Buffer.from(plain, "utf8"), this.current).toString("base64")}`;
    this.recentlySealed.remember(sealed, plain);
    return sealed;
  }

  openText(stored: string): string {
    if (!stored.startsWith(TEXT_PREFIX)) return stored;
    const recent = this.recentlySealed.get(stored);
    if (recent !== undefined) return recent;
    const separator = stored.indexOf(":", TEXT_PREFIX.length);
    const id = stored.slice(TEXT_PREFIX.length, separator);
    return this.decrypt(Buffer.from(stored.slice(separator + 1), "base64"), id).toString("utf8");
  }

  sealBytes(plain: Buffer): Buffer {
    const id = Buffer.from(this.current.id, "ascii");
    return Buffer.concat([BYTES_MAGIC, Buffer.from([id.length]), id, this.encrypt(plain, this.current)]);
  }

  openBytes(stored: Buffer): Buffer {
    const sealed = sealedBytes(stored);
    return sealed ? this.decrypt(sealed.body, sealed.id) : stored;
  }

  isCurrent(stored: string | Buffer): boolean {
    if (typeof stored === "string") return stored.startsWith(`${TEXT_PREFIX}${this.current.id}:`);
    return sealedBytes(stored)?.id === this.current.id;
  }

  private encrypt(plain: Buffer, { key }: DataKey): Buffer {
    const iv = this.ivs.next();
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private decrypt(sealed: Buffer, id: string): Buffer {
    const key = this.byId.get(id);
    // The key id only, never the value: a missing key is an operator's configuration problem.
    if (!key)
      throw new AssistantError("key_unknown", `a stored value is sealed with key "${id}", which DATA_ENCRYPTION_KEYS does not list`);
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new AssistantError("value_tampered", `a stored value sealed with key "${id}" failed authentication`);
    }
  }
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

/** A bounded map that forgets its oldest entries first. */
class RecentValues {
  private readonly values = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  remember(key: string, value: string): void {
    this.values.set(key, value);
    if (this.values.size > this.capacity) this.values.delete(this.values.keys().next().value!);
  }
}

function derive(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), `verification-assistant:${purpose}`, 32));
}

/** The key id and sealed body of stored bytes; null for bytes stored before encryption. */
function sealedBytes(stored: Buffer): { id: string; body: Buffer } | null {
  if (!stored.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC)) return null;
  const idLength = stored[BYTES_MAGIC.length]!;
  const idStart = BYTES_MAGIC.length + 1;
  return { id: stored.subarray(idStart, idStart + idLength).toString("ascii"), body: stored.subarray(idStart + idLength) };
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
