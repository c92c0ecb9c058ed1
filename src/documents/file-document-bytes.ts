import { readFileSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from "node:fs/promises";
import { basename, join } from "node:path";
import type { DocumentBytes } from "../ports/document-bytes.js";

/**
 * Document bytes as files under `<DATA_DIR>/documents/ab/abcdef…` (0700
 * folders, 0600 files). A write is durable — fsync, then an atomic rename —
 * so a reader sees the old bytes or the new, never half.
 */
export class FileDocumentBytes implements DocumentBytes {
  constructor(private readonly root: string) {}

  private pathOf(id: string): string {
    return join(this.root, id.slice(0, 2), id);
  }

  async refresh(id: string): Promise<boolean> {
    const now = new Date();
    return utimes(this.pathOf(id), now, now).then(
      () => true,
      () => false,
    );
  }

  async write(id: string, sealed: Buffer): Promise<void> {
    await mkdir(join(this.root, id.slice(0, 2)), { recursive: true, mode: 0o700 });
    const path = this.pathOf(id);
    const temporary = `${path}.${process.pid}.tmp`;
    const file = await open(temporary, "w", 0o600);
    try {
      await file.writeFile(sealed);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  }

  read(id: string): Promise<Buffer> {
    return readFile(this.pathOf(id));
  }

  readSync(id: string): Buffer {
    return readFileSync(this.pathOf(id));
  }

  async remove(id: string): Promise<boolean> {
    return rm(this.pathOf(id)).then(
      () => true,
      () => false,
    );
  }

  async list(): Promise<Array<{ id: string; writtenAt: Date }>> {
    const paths = await listFiles(this.root);
    const entries = await Promise.all(
      paths.map(async (path) => {
        const written = await stat(path).then(
          (info) => info.mtime,
          () => null,
        );
        return written ? [{ id: basename(path), writtenAt: written }] : [];
      }),
    );
    return entries.flat();
  }
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
