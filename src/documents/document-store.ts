import { createHmac } from "node:crypto";
import type { DocumentBytes } from "../ports/document-bytes.js";
import type { SealedPlace, Sealer, UserKey } from "../ports/sealer.js";
import type { DocumentKeys } from "../ports/user-keys.js";
import { AssistantError } from "../runtime/errors.js";

/** Whose photo it is: their id names it, their key seals it (erasure destroys the key, and every copy with it). */
export interface DocumentOwner {
  userId: string;
  key: UserKey;
}

/**
 * Document photos, named by a keyed hash (HMAC-SHA256 under `nameKey`) of their owner and bytes and
 * sealed (AES-256-GCM) under their owner's key, which the sealed bytes name: an ID card photo is
 * never kept in clear, holding a photo does not tell whether it is stored (a plain SHA-256 name
 * would), and two users' equal photos are two files. Writing the same
 * photo twice stores it once; a write is durable before the database commit
 * that refers to it, so a committed application never points at missing
 * bytes. Where the sealed bytes live is the `DocumentBytes` port's: files
 * under `DATA_DIR`, or a database table every instance shares.
 */
export class DocumentStore {
  constructor(
    private readonly bytes: DocumentBytes,
    private readonly sealer: Sealer,
    private readonly nameKey: Buffer,
    private readonly keys: DocumentKeys,
  ) {}

  /** The name a user's photo is kept under: their equal photos share it; without the key it cannot be computed. */
  idOf(bytes: Buffer, userId: string): string {
    return createHmac("sha256", this.nameKey).update(`${userId}\0`).update(bytes).digest("hex");
  }

  async put(bytes: Buffer, owner: DocumentOwner): Promise<string> {
    const id = this.idOf(bytes, owner.userId);
    // Already kept: marked fresh, so a sweep that has not seen the commit about to refer to it spares it.
    if (await this.bytes.refresh(id)) return id;
    await this.bytes.write(id, this.sealer.sealBytes(bytes, placeOf(id), owner.key));
    return id;
  }

  /** Whether a document is kept (erasure checks). */
  async has(id: string): Promise<boolean> {
    return this.bytes.read(checked(id)).then(
      () => true,
      () => false,
    );
  }

  /**
   * Re-seals every stored document not sealed with the current key (`cli keys rotate`); each is
   * replaced atomically, so a stopped rotation resumes. Returns how many were checked.
   */
  async resealAll(onProgress: (done: number, total: number) => void = () => undefined): Promise<number> {
    const entries = await this.bytes.list();
    let done = 0;
    for (const { id } of entries) {
      const stored = await this.bytes.read(id);
      // Only photos kept before they were their owners' (named by content alone): bound to their name under the data keys.
      if (!this.sealer.isCurrent(stored)) {
        const plain = this.sealer.openBytes(stored, placeOf(id), undefined, { acceptUnsealed: true });
        await this.bytes.write(id, this.sealer.sealBytes(plain, placeOf(id)));
      }
      onProgress(++done, entries.length);
    }
    return entries.length;
  }

  /**
   * Deletes the documents of `candidates` that nothing refers to any more (documents of erased
   * applications and conversations; content addresses may be shared, so `referenced` decides).
   */
  async deleteUnreferenced(candidates: Iterable<string>, referenced: ReadonlySet<string>): Promise<number> {
    let deleted = 0;
    for (const id of new Set(candidates)) {
      if (!referenced.has(id) && (await this.bytes.remove(checked(id)))) deleted++;
    }
    return deleted;
  }

  /**
   * Deletes every document nothing refers to that was written before `writtenBefore`: uploads
   * replaced in a draft, or left by a crash. Newer ones are spared: an upload is written before the
   * commit that refers to it, so a fresh unreferenced one may be about to be committed.
   * `dryRun`: counts what would go.
   */
  async sweep(referenced: ReadonlySet<string>, writtenBefore: Date, { dryRun = false } = {}): Promise<number> {
    let deleted = 0;
    for (const { id, writtenAt } of await this.bytes.list()) {
      if (referenced.has(id) || writtenAt >= writtenBefore) continue;
      if (dryRun || (await this.bytes.remove(id))) deleted++;
    }
    return deleted;
  }

  /** The photo's bytes, opened, for a synchronous caller (the console's renderer); null where the storage can't. */
  getSync(id: string): Buffer | null {
    const stored = this.bytes.readSync(checked(id));
    if (!stored) return null;
    const keyId = this.sealer.userKeyIdOf(stored);
    return this.sealer.openBytes(stored, placeOf(id), keyId === null ? undefined : this.keys.cachedWithId(keyId));
  }

  /** The photo's bytes, opened. */
  async get(id: string): Promise<Buffer> {
    const stored = await this.bytes.read(checked(id));
    const keyId = this.sealer.userKeyIdOf(stored);
    // A destroyed key (erasure) leaves nothing to open: the sealer says so.
    return this.sealer.openBytes(stored, placeOf(id), keyId === null ? undefined : await this.keys.withId(keyId));
  }
}

function placeOf(id: string): SealedPlace {
  return { table: "document_files", column: "bytes", row: id };
}

/** A document name, or a refusal: an id from a button or a row never becomes a path elsewhere. */
function checked(id: string): string {
  if (!/^[0-9a-f]{64}$/.test(id)) throw new AssistantError("document_id_invalid", "invalid document id");
  return id;
}
