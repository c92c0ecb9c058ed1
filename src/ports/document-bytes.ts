/**
 * Where sealed document bytes are kept, by content address: files under
 * `DATA_DIR` (one instance, SQLite) or a database table every instance sees
 * (PostgreSQL). The document store seals and addresses; this only keeps.
 */
export interface DocumentBytes {
  /** Whether bytes are kept under this id; if so, their time is refreshed (see `list`). */
  refresh(id: string): Promise<boolean>;
  /** Keeps the bytes under this id, durably, before returning (the commit that refers to them comes after). */
  write(id: string, sealed: Buffer): Promise<void>;
  /** The bytes kept under this id; throws when there are none. */
  read(id: string): Promise<Buffer>;
  /** For a synchronous reader (the console's renderer); null where the storage can't read synchronously. */
  readSync(id: string): Buffer | null;
  /** Deletes them; false when there were none. */
  remove(id: string): Promise<boolean>;
  /** Every id kept, with when it was last written or refreshed. */
  list(): Promise<Array<{ id: string; writtenAt: Date }>>;
}
