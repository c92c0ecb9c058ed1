import { join } from "node:path";
import { migrateToLatest } from "../../db/migrate.js";
import { openDatabase, openPostgres } from "../../db/open-database.js";
import { SqlStore } from "../../db/sql-store.js";
import { DocumentStore } from "../documents/document-store.js";
import { FileDocumentBytes } from "../documents/file-document-bytes.js";
import type { Config } from "../runtime/config.js";
import type { Keyring } from "../runtime/keyring.js";
import { documentNameKey, keyringFor } from "./keyring-setup.js";

// The store and the documents, opened alone: the operator commands need them without the engine, the platforms or the photo reader.

/** The store over the configured database, migrated, sealing personal data with `keyring` (default: `keyringFor(config)`). */
export async function openStore(config: Readonly<Config>, keyring: Keyring = keyringFor(config)): Promise<SqlStore> {
  const { db, dialect } = openDatabase(config.database);
  await migrateToLatest(db).catch(async (error: unknown) => {
    await db.destroy().catch(() => undefined); // a failed try must not leave its connections behind
    throw error;
  });
  // A lost confirmation repeats a reply, it loses nothing: its commit does not wait for the WAL's flush, so it is written sooner.
  const confirmations = config.database.kind === "postgres" ? openPostgres(config.database.url, 1, { waitForWalFlush: false }) : undefined;
  const close = async () => {
    await confirmations?.destroy();
    await db.destroy();
  };
  return new SqlStore(db, keyring, close, dialect, {
    webhookReceiver: config.webhook !== undefined,
    ...(confirmations ? { confirmations } : {}),
  });
}

/**
 * The documents, sealed with `keyring`: files under `DATA_DIR/documents` with SQLite; with
 * PostgreSQL in the database, where every instance sees them.
 */
export async function openDocuments(
  config: Readonly<Config>,
  store: SqlStore,
  keyring: Keyring = keyringFor(config),
): Promise<DocumentStore> {
  const bytes = config.database.kind === "postgres" ? store.documentTable() : new FileDocumentBytes(join(config.dataDir, "documents"));
  return new DocumentStore(bytes, keyring, await documentNameKey(store), store.documentKeys());
}
