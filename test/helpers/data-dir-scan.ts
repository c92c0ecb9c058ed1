import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Harness } from "./harness.js";
import { RawDecrypter } from "./raw-decrypt.js";

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
 * Where any of `needles` can still be read under a data directory by someone holding the data
 * keys: in clear in any byte (database, WAL, documents), or in any sealed value — in the tables, or
 * left in the raw bytes (old pages, the WAL) — decrypted with every key, the users' keys included
 * wherever a wrapped one can be found (`RawDecrypter`). Empty: nowhere.
 */
export async function whereFound(
  harness: Pick<Harness, "dir" | "db" | "dataKeys" | "rows">,
  needles: readonly string[],
): Promise<string[]> {
  const all = needles.flatMap(forms);
  const found: string[] = [];
  const check = (text: string, where: string) => {
    for (const needle of all) if (text.includes(needle)) found.push(`${needle} in ${where}`);
  };
  const files = filesUnder(harness.dir).map((file) => ({ file, bytes: readOutsideThisProcess(file) }));
  const rows: Array<{ table: string; values: unknown[] }> = [];
  for (const { name } of await harness.db.introspection.getTables())
    for (const row of await harness.rows<Record<string, unknown>>(`select * from "${name}"`))
      rows.push({ table: name, values: Object.values(row) });
  const tokens = [
    ...files.flatMap(({ bytes }) => RawDecrypter.tokensIn(bytes)),
    ...rows.flatMap(({ values }) =>
      values.filter((value): value is string => typeof value === "string").flatMap((value) => RawDecrypter.tokensIn(value)),
    ),
  ];
  const decrypter = new RawDecrypter(harness.dataKeys);
  while (decrypter.learnUserKeys(tokens) > 0);
  for (const { file, bytes } of files) {
    for (const needle of all) if (bytes.includes(Buffer.from(needle, "utf8"))) found.push(`${needle} in clear in ${file}`);
    for (const token of RawDecrypter.tokensIn(bytes))
      for (const opened of decrypter.open(token)) check(opened, `a sealed value in ${file}`);
    for (const opened of decrypter.openBytes(bytes)) check(opened, `the sealed file ${file}`);
  }
  for (const { table, values } of rows) {
    for (const value of values) {
      if (typeof value === "string") {
        check(value, `table ${table}`);
        for (const token of RawDecrypter.tokensIn(value)) for (const opened of decrypter.open(token)) check(opened, `table ${table}`);
      }
      if (Buffer.isBuffer(value)) for (const opened of decrypter.openBytes(value)) check(opened, `table ${table}`);
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
