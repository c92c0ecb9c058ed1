import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/**
 * Kysely's SQLite driver prepares every statement on every call; preparing
 * costs more than running our small queries. This keeps prepared statements
 * per SQL text, through the slice of better-sqlite3 that Kysely declares
 * (`SqliteDatabase`). Safe because the driver runs one statement at a time
 * on its single connection and we never stream (a cached statement must not
 * be iterated twice at once). Bounded, since SQL text varies with row counts.
 */
export function withStatementCache(sqlite: SQLite.Database, maxStatements = 256): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= maxStatements) cache.clear();
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
