/**
 * Another process (the CLI beside the bot, a second instance) may commit
 * between our read and our write. SQLite then refuses the write with
 * SQLITE_BUSY or SQLITE_BUSY_SNAPSHOT; PostgreSQL may end one of two
 * transactions with a serialization failure (40001) or a deadlock (40P01).
 * The transaction is re-run from the start, where a compare-and-set sees the
 * other change.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isConflict(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}

function isConflict(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code.startsWith("SQLITE_BUSY") || code === "40001" || code === "40P01";
}
