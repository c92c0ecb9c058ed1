import type { Kysely, Transaction } from "kysely";
import type { Sealer, UserKey } from "../src/ports/sealer.js";
import type { Database } from "./schema.js";

type Db = Transaction<Database> | Kysely<Database>;

/** How long a process seals with a user key it unwrapped: after an erasure on another instance, at most this long. */
const SEALING_MS = 30_000;
const CACHE_SIZE = 4096;

/**
 * Users' own data keys (crypto-shredding), unwrapped on first use and kept: unwrapping is a
 * decryption and a query, and an event seals or opens several of its user's values. Created with
 * the user's first sealed value; destroyed by erasure, which makes every copy anywhere — old row
 * versions, the write-ahead log, backups — unreadable once the wrapped row itself is gone.
 */
export class UserKeys {
  private readonly byUser = new Bounded<{ key: UserKey; until: number }>();
  /** For opening documents, which name their key: what this process unwrapped, until destroyed here. */
  private readonly byKeyId = new Bounded<UserKey>();
  /**
   * Keys created by a transaction, for that transaction only (by user id): never cached, since a
   * rollback leaves no row holding them, and a value sealed under a cached key no row holds could
   * never be opened again. The transaction's own later values use them without a query.
   */
  private readonly createdIn = new WeakMap<Db, Map<string, UserKey>>();

  constructor(
    private readonly sealer: Sealer,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user's key, created if they have none yet (sealing). */
  async of(db: Db, userId: string): Promise<UserKey> {
    const created = this.createdIn.get(db)?.get(userId);
    if (created) return created;
    const found = await this.find(db, userId);
    if (found) return found;
    const key = this.sealer.newUserKey();
    const created_at = new Date(this.now()).toISOString();
    // Two instances creating it at once: the first row wins and both use it.
    const inserted = await db
      .insertInto("user_keys")
      .values({ user_id: userId, key_id: key.id, wrapped: this.sealer.wrapUserKey(userId, key), created_at })
      .onConflict((conflict) => conflict.column("user_id").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return (await this.find(db, userId, { cache: false }))!;
    const createdHere = this.createdIn.get(db) ?? new Map<string, UserKey>();
    this.createdIn.set(db, createdHere.set(userId, key));
    return key;
  }

  /** The user's key if they have one. */
  async find(db: Db, userId: string, { cache = true } = {}): Promise<UserKey | undefined> {
    const cached = this.byUser.get(userId);
    if (cache && cached && cached.until > this.now()) return cached.key;
    const row = await db.selectFrom("user_keys").select("wrapped").where("user_id", "=", userId).executeTakeFirst();
    return row ? this.unwrapped(userId, row.wrapped, cache) : undefined;
  }

  /** The key a document names; undefined once erasure destroyed it. */
  async withId(db: Db, keyId: string): Promise<UserKey | undefined> {
    const cached = this.byKeyId.get(keyId) ?? [...(this.createdIn.get(db)?.values() ?? [])].find((key) => key.id === keyId);
    if (cached) return cached;
    const row = await db.selectFrom("user_keys").select(["user_id", "wrapped"]).where("key_id", "=", keyId).executeTakeFirst();
    return row ? this.unwrapped(row.user_id, row.wrapped, true) : undefined;
  }

  /** For a synchronous reader (the console): only a key this process already unwrapped. */
  cachedWithId(keyId: string): UserKey | undefined {
    return this.byKeyId.get(keyId);
  }

  /** Erasure: the key is gone, and with it every value sealed under it. */
  async destroy(db: Db, userId: string): Promise<void> {
    const key = this.byUser.get(userId)?.key;
    this.byUser.delete(userId);
    this.createdIn.get(db)?.delete(userId);
    if (key) this.byKeyId.delete(key.id);
    const row = await db.deleteFrom("user_keys").where("user_id", "=", userId).returning("key_id").executeTakeFirst();
    if (row) this.byKeyId.delete(row.key_id);
  }

  private unwrapped(userId: string, wrapped: string, cache: boolean): UserKey {
    const key = this.sealer.unwrapUserKey(userId, wrapped);
    if (cache) {
      this.byUser.set(userId, { key, until: this.now() + SEALING_MS });
      this.byKeyId.set(key.id, key);
    }
    return key;
  }
}

/** A map that forgets its oldest entries first. */
class Bounded<T> {
  private readonly entries = new Map<string, T>();

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > CACHE_SIZE) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
