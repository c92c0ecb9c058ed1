/**
 * Locks that several instances on one database take in a transaction and hold
 * until it ends (PostgreSQL: transaction-scoped advisory locks). On SQLite there
 * is one writer at a time already, so they are granted at once. A chat's lock
 * comes with its event's transaction (`Store.transaction(work, { chat })`).
 */
export interface Locks {
  /** A named job's lock (the scheduler's tick, the purge) if free; false: another instance is doing it now. */
  tryLock(name: string): Promise<boolean>;
}
