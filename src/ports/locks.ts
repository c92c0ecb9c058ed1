import type { Platform } from "../domain/platform.js";

/**
 * Locks that several instances on one database take in a transaction and hold
 * until it ends (PostgreSQL: transaction-scoped advisory locks). On SQLite there
 * is one writer at a time already, so they are granted at once.
 */
export interface Locks {
  /**
   * This chat's lock, taken before its snapshot is read: two instances handling updates of one
   * chat at once take turns, and each reads what the other committed.
   */
  lockChat(platform: Platform, chatId: string): Promise<void>;
  /** A named job's lock (the scheduler's tick, the purge) if free; false: another instance is doing it now. */
  tryLock(name: string): Promise<boolean>;
}
