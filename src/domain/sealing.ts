/** Where a sealed value lives: bound to it as AES-GCM associated data, so a value copied elsewhere does not open. */
export interface SealedPlace {
  table: string;
  column: string;
  /** The row's key (its key columns joined by ":"). */
  row: string;
}

/** One user's own data key (crypto-shredding): destroying it makes every copy of their values unreadable. */
export interface UserKey {
  /** Random, stored with every value it seals: a value sealed under a destroyed key says so. */
  id: string;
  key: Buffer;
}

/** How a value is sealed. */
export interface SealOptions {
  /**
   * The value is opened again soon, by this process (a conversation's snapshot, by the chat's next
   * event): kept in clear, in memory and bounded, so that opening it costs no decryption.
   */
  reopenedSoon?: boolean;
}

/** What opening accepts besides values sealed in today's format. */
export interface OpenOptions {
  /** Values stored before encryption (no prefix) are returned as they are: only `cli keys rotate`, which re-seals them. */
  acceptUnsealed?: boolean;
}
