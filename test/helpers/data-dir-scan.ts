import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Keyring } from "../../src/runtime/keyring.js";
import type { Harness } from "./harness.js";

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A phone number as typed and as stored (E.164). */
export function forms(needle: string): string[] {
  return /^1\d{10}$/.test(needle) ? [needle, `+86${needle}`] : [needle];
}

/**
 * Where any of `needles` can still be read under a data directory, even by
 * someone holding the keys: in clear in any byte (database, WAL, documents),
 * in any sealed value the database holds (opened with `keyring`), or in a
 * sealed value left in the raw bytes (old pages, the WAL). Empty: nowhere.
 */
export async function whereFound(harness: Pick<Harness, "dir" | "db" | "keyring" | "rows">, needles: readonly string[]): Promise<string[]> {
  const { keyring } = harness;
  const all = needles.flatMap(forms);
  const found: string[] = [];
  const check = (text: string, where: string) => {
    for (const needle of all) if (text.includes(needle)) found.push(`${needle} in ${where}`);
  };
  // The files under DATA_DIR: the SQLite database and its WAL, document files (PostgreSQL keeps its own files elsewhere).
  for (const file of filesUnder(harness.dir)) {
    const bytes = readOutsideThisProcess(file);
    for (const needle of all) if (bytes.includes(Buffer.from(needle, "utf8"))) found.push(`${needle} in clear in ${file}`);
    for (const [token] of bytes.toString("latin1").matchAll(/enc1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]+=*/g)) {
      // A value split across pages does not open (authentication fails); the database's own view below covers live ones.
      const opened = tryOpen(keyring, token);
      if (opened !== null) check(opened, `a sealed value in ${file}`);
    }
  }
  // Every value of every table, sealed ones opened with the keys.
  for (const { name } of await harness.db.introspection.getTables()) {
    for (const row of await harness.rows<Record<string, unknown>>(`select * from "${name}"`)) {
      for (const value of Object.values(row)) {
        if (typeof value === "string") check(tryOpen(keyring, value) ?? value, `table ${name}`);
        if (Buffer.isBuffer(value)) check(keyring.openBytes(value).toString("latin1"), `table ${name}`);
      }
    }
  }
  return found;
}

/**
 * A file's bytes, read by `cat`: this process holds the database open, and closing any descriptor
 * of a file drops every POSIX lock the process holds on it — SQLite's included — which let another
 * process (the CLI) read past this connection's later commits.
 */
export function readOutsideThisProcess(file: string): Buffer {
  return execFileSync("cat", [file], { maxBuffer: 1 << 30 });
}

function tryOpen(keyring: Keyring, value: string): string | null {
  try {
    return keyring.openText(value);
  } catch {
    return null;
  }
}
