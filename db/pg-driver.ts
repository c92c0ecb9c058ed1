import { createRequire } from "node:module";
import type pg from "pg";

let loaded: typeof pg | undefined;

/**
 * `pg`, loaded the first time PostgreSQL is used. Imported with the store, it cost every process on SQLite (the
 * default, and every CLI command) 60–130 ms at start: loading it builds a fetch `Response` to detect Cloudflare.
 */
export function pgDriver(): typeof pg {
  loaded ??= createRequire(import.meta.url)("pg") as typeof pg;
  return loaded;
}
