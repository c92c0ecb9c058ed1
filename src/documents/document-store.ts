import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Sealer } from "../ports/sealer.js";
import { AssistantError } from "../runtime/errors.js";

/**
 * Document bytes on disk, content-addressed by SHA-256 under
 * `<DATA_DIR>/documents/ab/abcdef…` and sealed (AES-256-GCM): an ID card
 * photo is never on disk in clear. Writing the same photo twice is a no-op;
 * a write is durable (fsync, then atomic rename) before the database commit
 * that refers to it, so a committed application never points at a missing file.
 */
export class DocumentStore {
  constructor(
    private readonly root: string,
    private readonly sealer: Sealer,
  ) {}

  static idOf(bytes: Buffer): string {
    return createHash("sha256").update(bytes).digest("hex");
  }

  pathOf(id: string): string {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new AssistantError("document_id_invalid", "invalid document id");
    return join(this.root, id.slice(0, 2), id);
  }

  async put(bytes: Buffer): Promise<string> {
    const id = DocumentStore.idOf(bytes);
    const path = this.pathOf(id);
    // Already stored: marked fresh, so a sweep that has not seen the commit about to refer to it spares it.
    if (await exists(path)) {
      const now = new Date();
      await utimes(path, now, now);
      return id;
    }
    await mkdir(join(this.root, id.slice(0, 2)), { recursive: true, mode: 0o700 });
    await writeDurably(path, this.sealer.sealBytes(bytes));
    return id;
  }

  /**
   * Re-seals every stored file not sealed with the current key (`cli keys rotate`);
   * each file is replaced atomically, so a stopped rotation resumes. Returns how many.
   */
  async resealAll(onProgress: (done: number, total: number) => void = () => undefined): Promise<number> {
    const files = await listFiles(this.root);
    let done = 0;
    for (const path of files) {
      const stored = await readFile(path);
      if (!this.sealer.isCurrent(stored)) await writeDurably(path, this.sealer.sealBytes(this.sealer.openBytes(stored)));
      onProgress(++done, files.length);
    }
    return files.length;
  }

  /**
   * Deletes the files of `candidates` that nothing refers to any more (documents of erased
   * applications and conversations; content addresses may be shared, so `referenced` decides).
   */
  async deleteUnreferenced(candidates: Iterable<string>, referenced: ReadonlySet<string>): Promise<number> {
    let deleted = 0;
    for (const id of new Set(candidates)) {
      if (referenced.has(id)) continue;
      if (await removed(this.pathOf(id))) deleted++;
    }
    return deleted;
  }

  /**
   * Deletes every file nothing refers to that was written before `writtenBefore`: uploads replaced
   * in a draft, or left by a crash. Newer ones are spared: an upload is written before the
   * commit that refers to it, so a fresh unreferenced file may be one about to be committed.
   * `dryRun`: counts what would go.
   */
  async sweep(referenced: ReadonlySet<string>, writtenBefore: Date, { dryRun = false } = {}): Promise<number> {
    let deleted = 0;
    for (const path of await listFiles(this.root)) {
      const id = basename(path);
      if (referenced.has(id)) continue;
      const written = await stat(path).then(
        (info) => info.mtime,
        () => null,
      );
      if (written && written < writtenBefore && (dryRun || (await removed(path)))) deleted++;
    }
    return deleted;
  }

  /** The photo's bytes, opened, for a synchronous caller (the console's renderer). */
  getSync(id: string): Buffer {
    return this.sealer.openBytes(readFileSync(this.pathOf(id)));
  }

  /** The photo's bytes, opened. */
  async get(id: string): Promise<Buffer> {
    return this.sealer.openBytes(await readFile(this.pathOf(id)));
  }
}

/** Written to a temporary file, fsynced, then renamed over `path`: a reader sees the old bytes or the new, never half. */
async function writeDurably(path: string, bytes: Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, "w", 0o600);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name)) : Promise.resolve(entry.name.endsWith(".tmp") ? [] : [join(dir, entry.name)]),
    ),
  );
  return nested.flat();
}

/** Deletes a file; false when there was none (already deleted by another pass). */
async function removed(path: string): Promise<boolean> {
  return rm(path).then(
    () => true,
    () => false,
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
