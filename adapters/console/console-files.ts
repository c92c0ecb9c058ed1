import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The stored documents, as far as the console needs them. */
export interface OpenableDocuments {
  /** Opened (decrypted) bytes; null where storage can't be read synchronously; throws once erased. */
  getSync(id: string): Buffer | null;
  /** Whether the document is still kept (no decryption). */
  has(id: string): Promise<boolean>;
}

/**
 * Files the console writes for its readers. Documents are sealed at rest, so a reviewer is shown an
 * opened copy in a private temporary folder; each copy is removed as soon as its document is
 * erased (`sweep`), and all of them on exit or on a signal (`removeAll`). The folder is named after the
 * process: one left by a console that was killed (SIGKILL, a crash) is removed by the next one to start.
 * A data export goes to `<dataDir>/exports/` (owner-only), where the user can take it.
 */
export class ConsoleFiles {
  private readonly previews: string;

  constructor(
    private readonly documents: OpenableDocuments,
    private readonly dataDir: string,
  ) {
    removeLeftovers();
    this.previews = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  }

  /** The opened copy of a document, made on first use; documents out of reach (PostgreSQL) are named instead. */
  documentPath = (id: string): string => {
    const path = join(this.previews, `${id}.jpg`);
    if (existsSync(path)) return path;
    // Documents kept in PostgreSQL can't be read synchronously: the console names them instead.
    const bytes = this.opened(id);
    if (!bytes) return `(document ${id.slice(0, 12)}…, kept in the database)`;
    writeFileSync(path, bytes, { mode: 0o600 });
    return path;
  };

  /** Writes a reader's file (their data export) as `<reader>-<name>`, readable by the owner only; returns its path. */
  saveFile = (reader: string, file: { name: string; content: Buffer }): string => {
    const folder = join(this.dataDir, "exports");
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const path = join(folder, safeName(`${reader}-${file.name}`));
    writeFileSync(path, file.content, { mode: 0o600 });
    chmodSync(path, 0o600); // an older export of the same name keeps its mode otherwise
    return path;
  };

  /** Removes the opened copies whose document is no longer kept (the applicant's data was erased). */
  async sweep(): Promise<void> {
    for (const name of readdirSync(this.previews)) {
      if (!(await this.documents.has(name.replace(/\.jpg$/, "")))) rmSync(join(this.previews, name), { force: true });
    }
  }

  private opened(id: string): Buffer | null {
    try {
      return this.documents.getSync(id);
    } catch {
      return null; // erased (or never kept)
    }
  }

  removeAll(): void {
    rmSync(this.previews, { recursive: true, force: true });
  }
}

const PREFIX = "verification-console-";

/** Removes the opened-copy folders of this user's consoles that are no longer running. */
function removeLeftovers(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || running(pid)) continue;
    const path = join(tmpdir(), name);
    try {
      if (statSync(path).uid === process.getuid?.()) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, someone else's
  }
}

/** A file name that stays inside its folder, whatever a user or file is called. */
function safeName(name: string): string {
  return name.replace(/[^\w.@-]/g, "_").replace(/^\.+/, "_");
}
