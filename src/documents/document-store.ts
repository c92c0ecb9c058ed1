import { createHash } from "node:crypto";
import { mkdir, open, rename, stat } from "node:fs/promises";
import { join } from "node:path";
import { AssistantError } from "../runtime/errors.js";

/**
 * Document bytes on disk, content-addressed by SHA-256 under
 * `<DATA_DIR>/documents/ab/abcdef…`. Writing the same photo twice is a no-op;
 * a write is durable (fsync, then atomic rename) before the database commit
 * that refers to it, so a committed application never points at a missing file.
 */
export class DocumentStore {
  constructor(private readonly root: string) {}

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
    if (await exists(path)) return id;
    await mkdir(join(this.root, id.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    const file = await open(temporary, "w", 0o600);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
    return id;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
