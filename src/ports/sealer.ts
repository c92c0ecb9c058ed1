import type { OpenOptions, SealedPlace, SealOptions, UserKey } from "../domain/sealing.js";

export type { OpenOptions, SealedPlace, SealOptions, UserKey };

/**
 * Encryption at rest, as the store and the document store see it: personal
 * data goes in sealed and comes out opened, each value bound to its place
 * (table, column, row). A user's data is sealed under that user's own key
 * (`UserKey`, kept wrapped by the data keys); the service's own values under
 * the data keys, which name themselves so they can be rotated.
 */
export interface Sealer {
  /** The id of the data key that seals now. */
  readonly currentKeyId: string;
  sealText(plain: string, place: SealedPlace, userKey?: UserKey, options?: SealOptions): string;
  /** The plain text of a value sealed for `place`; a value without a seal is refused unless `options` accept it. */
  openText(stored: string, place: SealedPlace, userKey?: UserKey, options?: OpenOptions): string;
  sealBytes(plain: Buffer, place: SealedPlace, userKey?: UserKey): Buffer;
  openBytes(stored: Buffer, place: SealedPlace, userKey?: UserKey, options?: OpenOptions): Buffer;
  /** A new user key, and user keys as stored (sealed under the data keys, bound to the user's row). */
  newUserKey(): UserKey;
  wrapUserKey(userId: string, key: UserKey): string;
  unwrapUserKey(userId: string, wrapped: string): UserKey;
  /** The user key sealed bytes name (a document), or null for bytes under the data keys. */
  userKeyIdOf(stored: Buffer): string | null;
  /** Keyed hashes of a value, one per key, the current key's first: equal values are found without keeping them. */
  digests(value: string): string[];
  /** Whether a stored value needs nothing from a rotation (a user's value, or sealed under the current data key). */
  isCurrent(stored: string | Buffer): boolean;
}
