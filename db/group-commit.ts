import { type ControlledTransaction, type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "./schema.js";

interface Queued {
  work: (trx: Transaction<Database>) => Promise<unknown>;
  durable: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Enough to amortise the commit's fsync; small enough that one batch's latency stays low. */
const MAX_BATCH = 64;

/**
 * Group commit: transactions that arrive while one is committing share the
 * next commit, so concurrent chats pay for one fsync instead of one each.
 * Each unit of work runs alone in its own savepoint, one after another (the
 * connection is single), so a failing one is rolled back without touching
 * the others; none is reported done before the commit that makes it
 * durable. With nothing else waiting, a batch is a single transaction and
 * nobody waits for company.
 */
export class GroupCommit {
  private readonly queue: Queued[] = [];
  private draining = false;

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * `durable: false` is for work whose loss to a power failure costs nothing but a repeat (a reply's
   * confirmation): a batch of only such work commits without waiting for the disk (`synchronous=NORMAL`,
   * consistent in WAL mode, and on disk once the next durable commit's fsync runs). It survives the
   * process's crash like any other commit: the write is in the operating system's hands.
   */
  run<T>(work: (trx: Transaction<Database>) => Promise<T>, { durable = true }: { durable?: boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, durable, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.draining = false;
    }
  }

  private async commit(batch: Queued[]): Promise<void> {
    // Nobody hears of their work's outcome before the batch is over (the setting restored, too).
    const settle = batch.some((item) => item.durable)
      ? await this.commitOn(this.db, batch)
      : await this.commitLazily(batch).catch((error: unknown) => batch.map((item) => () => item.reject(error)));
    for (const outcome of settle) outcome();
  }

  private commitLazily(batch: Queued[]): Promise<Array<() => void>> {
    // The connection is held throughout, so nothing else commits while the setting is relaxed.
    return this.db.connection().execute(async (connection) => {
      const [setting] = (await sql<{ synchronous: number }>`pragma synchronous`.execute(connection)).rows;
      await sql`pragma synchronous = normal`.execute(connection);
      try {
        return await this.commitOn(connection, batch);
      } finally {
        await sql.raw(`pragma synchronous = ${Number(setting?.synchronous ?? 2)}`).execute(connection);
      }
    });
  }

  /** Runs the batch in one transaction; returns how to tell each unit's outcome once it is committed (or not). */
  private async commitOn(db: Kysely<Database>, batch: Queued[]): Promise<Array<() => void>> {
    let trx: ControlledTransaction<Database> | undefined;
    const outcomes: Array<() => void> = [];
    try {
      trx = await db.startTransaction().execute();
      if (batch.length === 1) {
        // Alone: the transaction is the unit of work, and a failure rolls it back (below).
        const [item] = batch as [Queued];
        const value = await item.work(trx);
        outcomes.push(() => item.resolve(value));
      }
      for (const [index, item] of (batch.length > 1 ? batch : []).entries()) {
        const name = `work${index}`;
        const savepoint = await trx.savepoint(name).execute();
        try {
          const value = await item.work(savepoint);
          await savepoint.releaseSavepoint(name).execute();
          outcomes.push(() => item.resolve(value));
        } catch (error) {
          await savepoint.rollbackToSavepoint(name).execute();
          outcomes.push(() => item.reject(error));
        }
      }
      await trx.commit().execute();
      return outcomes;
    } catch (error) {
      // The batch as a whole failed (begin, a savepoint or the commit): nothing of it is durable.
      await trx
        ?.rollback()
        .execute()
        .catch(() => undefined);
      return batch.map((item) => () => item.reject(error));
    }
  }
}
