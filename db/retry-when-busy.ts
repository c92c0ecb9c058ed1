/**
 * Another process (the CLI beside the bot, a second bot instance) may commit
 * between our read and our write; SQLite then refuses the write with
 * SQLITE_BUSY or SQLITE_BUSY_SNAPSHOT. The transaction is re-run from the
 * start, where a compare-and-set sees the other change.
 */
export async function retryWhenBusy<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (!code.startsWith("SQLITE_BUSY") || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
