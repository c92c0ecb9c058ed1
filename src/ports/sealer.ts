/**
 * Encryption at rest, as the store and the document store see it: personal
 * data goes in sealed and comes out opened. Each sealed value names the key
 * that sealed it, so keys can be rotated while old values stay readable.
 */
export interface Sealer {
  /** The id of the key that seals now (stored with every value it seals). */
  readonly currentKeyId: string;
  /** A text column's value, sealed with the current key. */
  sealText(plain: string): string;
  /** The plain text of a sealed value; a value stored before encryption (no seal) is returned as it is. */
  openText(stored: string): string;
  sealBytes(plain: Buffer): Buffer;
  openBytes(stored: Buffer): Buffer;
  /** Keyed hashes of a value, one per key, the current key's first: equal values are found without keeping them. */
  digests(value: string): string[];
  /** Whether a stored value is sealed with the current key (rotation skips those). */
  isCurrent(stored: string | Buffer): boolean;
}
