import type { UserKey } from "../domain/sealing.js";

/** Users' own data keys, for what is sealed outside the tables (document photos). */
export interface UserKeyStore {
  /** The user's key, created with their first sealed value. */
  userKey(userId: string): Promise<UserKey>;
}

/** The keys documents name in their header, for opening them. */
export interface DocumentKeys {
  /** Undefined once erasure destroyed it. */
  withId(keyId: string): Promise<UserKey | undefined>;
  /** For a synchronous reader (the console): only a key this process already holds. */
  cachedWithId(keyId: string): UserKey | undefined;
}
