import { type Kysely, sql, type Transaction } from "kysely";
import type { Platform } from "../src/domain/platform.js";
import type { AccountStatus } from "../src/domain/user-record.js";
import type { AnnouncementStore } from "../src/ports/announcement-store.js";
import type { CardMessages } from "../src/ports/card-messages.js";
import type { ReplyConfirmation } from "../src/ports/conversation-store.js";
import type { DocumentBytes } from "../src/ports/document-bytes.js";
import type { FaqLearningStore } from "../src/ports/faq-learning-store.js";
import type { SealedColumns } from "../src/ports/key-rotation.js";
import type { Leases } from "../src/ports/leases.js";
import type { MaintenanceStore } from "../src/ports/maintenance-store.js";
import type { OperatorStore } from "../src/ports/operator-store.js";
import type { Sealer, UserKey } from "../src/ports/sealer.js";
import type { Store, StoreReadiness, StoreTransaction } from "../src/ports/store.js";
import type { DocumentKeys } from "../src/ports/user-keys.js";
import type { WebhookOutbox } from "../src/ports/webhook-outbox.js";
import { sqlAnnouncementStore } from "./announcement-store.js";
import { SqlCardMessages } from "./card-message-store.js";
import { confirm } from "./conversation-store.js";
import { DocumentTable } from "./document-table.js";
import { sqlFaqLearningStore } from "./faq-learning-store.js";
import { GroupCommit } from "./group-commit.js";
import { type HotQueries, hotQueries } from "./hot-queries.js";
import { findUserId } from "./identity-lookup.js";
import { sqlLeases } from "./leases.js";
import { beginLockingChat } from "./locks.js";
import { readMaintenance } from "./maintenance-settings.js";
import { pendingMigrations } from "./migrate.js";
import { SqlNotificationStore } from "./notification-store.js";
import type { Dialect } from "./open-database.js";
import { sqlOperatorStore } from "./operator-store.js";
import { retryOnConflict } from "./retry-on-conflict.js";
import { historyFromRows } from "./rows.js";
import type { Database } from "./schema.js";
import { sqlSealedColumns } from "./sealed-columns.js";
import { serviceKey } from "./service-keys.js";
import { sqlTransaction } from "./sql-transaction.js";
import { UserKeys } from "./user-keys.js";
import { place, Vault } from "./vault.js";
import { SqlWebhookOutbox } from "./webhook-outbox.js";

export interface SqlStoreOptions {
  /** `WEBHOOK_URL` is set: status changes queue webhook events (see `db/webhook-outbox.ts`). */
  webhookReceiver?: boolean;
  /**
   * PostgreSQL: a connection of its own for reply confirmations, so that one never queues behind the pool's event
   * transactions (each a crash window in which a redelivery repeats replies the platform already showed).
   */
  confirmations?: Kysely<Database>;
}

/**
 * The store over Kysely. Queries stick to what SQLite and PostgreSQL both
 * accept; the dialect decides only how transactions are run (below) and the
 * SQLite-only housekeeping of `forgetErased`.
 */
export class SqlStore implements Store {
  private readonly queries: HotQueries;
  private readonly groupCommit: GroupCommit | undefined;
  private readonly vault: Vault;

  constructor(
    private readonly db: Kysely<Database>,
    /** Seals personal data at rest (see `src/runtime/keyring.ts`). */
    private readonly sealer: Sealer,
    private readonly onClose: () => Promise<void> = () => db.destroy(),
    private readonly dialect: Dialect = "sqlite",
    private readonly options: SqlStoreOptions = {},
  ) {
    this.queries = hotQueries(db);
    this.vault = new Vault(sealer, new UserKeys(sealer));
    // SQLite has one connection and one writer: concurrent chats share commits. PostgreSQL's pool runs them side by side.
    this.groupCommit = dialect === "sqlite" ? new GroupCommit(db) : undefined;
  }

  /**
   * A chat event's transaction: on SQLite concurrent chats share commits (see `GroupCommit`); each is still all-or-nothing.
   * On PostgreSQL the chat's lock is taken with BEGIN, in one round trip: a dozen make up an event.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, { chat }: { chat?: { platform: Platform; chatId: string } } = {}): Promise<T> {
    if (this.groupCommit) return this.groupCommit.run((trx) => work(this.over(trx)));
    if (!chat) return retryOnConflict(() => this.db.transaction().execute((trx) => work(this.over(trx))));
    return retryOnConflict(() =>
      this.db.connection().execute(async (connection) => {
        await beginLockingChat(chat.platform, chat.chatId).execute(connection);
        try {
          const value = await work(this.over(connection));
          await sql`commit`.execute(connection);
          return value;
        } catch (error) {
          await sql`rollback`.execute(connection).catch(() => undefined);
          throw error;
        }
      }),
    );
  }

  exclusiveTransaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return retryOnConflict(() => this.db.transaction().execute((trx) => work(this.over(trx))));
  }

  /**
   * The platform accepted these events' replies. On PostgreSQL one statement (no BEGIN, no COMMIT round trip) on its own connection;
   * on SQLite, whose one connection is held by the transaction being committed, it joins the next shared commit. Neither waits
   * for the disk: a confirmation lost to a power failure only repeats a reply.
   */
  confirmReplies(confirmations: readonly ReplyConfirmation[]): Promise<void> {
    return this.groupCommit
      ? this.groupCommit.run((trx) => confirm(trx, confirmations), { durable: false })
      : confirm(this.options.confirmations ?? this.db, confirmations);
  }

  private over(trx: Transaction<Database> | Kysely<Database>): StoreTransaction {
    return sqlTransaction(trx, this.queries, this.vault, this.dialect, this.options.webhookReceiver ?? false);
  }

  async conversationState(platform: Platform, chatId: string): Promise<{ state: string; userId: string } | null> {
    const row = await this.db
      .selectFrom("conversations")
      .select(["snapshot", "user_id"])
      .where("platform", "=", platform)
      .where("chat_id", "=", chatId)
      .executeTakeFirst();
    const seal = row && (await this.vault.user(this.db, row.user_id));
    const value =
      row &&
      seal &&
      (JSON.parse(seal.open(row.snapshot, place("conversations", "snapshot", platform, chatId))) as { value?: unknown }).value;
    return row && typeof value === "string" ? { state: value, userId: row.user_id } : null;
  }

  async findUser(platform: Platform, platformUserId: string) {
    const userId = await findUserId(this.db, platform, platformUserId);
    if (!userId) return null;
    const user = await this.db.selectFrom("users").select("account_status").where("id", "=", userId).executeTakeFirstOrThrow();
    const { rows } = await this.db.executeQuery(this.queries.applicationsOfUser(userId, "draft"));
    return { account: user.account_status as AccountStatus, history: historyFromRows(rows, await this.vault.user(this.db, userId)) };
  }

  outbox(): SqlNotificationStore {
    return new SqlNotificationStore(this.db, this.vault, this.dialect);
  }

  webhooks(): WebhookOutbox {
    return new SqlWebhookOutbox(this.db, this.dialect);
  }

  cardMessages(): CardMessages {
    return new SqlCardMessages(this.db);
  }

  operator(): OperatorStore & MaintenanceStore {
    return { ...sqlOperatorStore(this.db, this.vault), maintenanceWindow: () => readMaintenance(this.db) };
  }

  faqLearning(): FaqLearningStore {
    return sqlFaqLearningStore(this.db, this.vault);
  }

  /** Document bytes kept in the database, for instances sharing PostgreSQL (SQLite keeps files instead). */
  documentTable(): DocumentBytes {
    return new DocumentTable(this.db);
  }

  leases(): Leases {
    return sqlLeases(this.db, this.dialect);
  }

  async readiness(): Promise<StoreReadiness> {
    try {
      await sql`select 1`.execute(this.db);
    } catch {
      return { database: "unreachable", pendingMigrations: [] };
    }
    return { database: "ok", pendingMigrations: await pendingMigrations(this.db) };
  }

  async forgetErased(): Promise<void> {
    // SQLite zeroes deleted content (secure_delete); its WAL keeps old pages until checkpointed.
    if (this.dialect === "sqlite") await sql`pragma wal_checkpoint(TRUNCATE)`.execute(this.db);
    // PostgreSQL keeps a deleted row's bytes until its page is rewritten. Every other erased value is sealed under the
    // erased user's key, so only the wrapped key must go: the small key table is rewritten into a new file, the old one
    // truncated. (Its old versions in the write-ahead log and in backups last as long as those are kept: docs/operations.md.)
    else {
      await this.snapshotsBeforeNowClosed();
      await sql`vacuum full user_keys`.execute(this.db);
    }
  }

  /**
   * VACUUM FULL keeps a deleted row that a transaction still open may see: it waits (up to 10 s) until the
   * transactions that began before the erasure have ended — this database's holding a snapshot (a busy
   * instance always has some), and the server's that hold a transaction id, whatever their database (a
   * row deleted after such a transaction began stays "recently dead" to VACUUM; seen in CI, where another
   * test file's database had one). The second is read from a snapshot's lowest running transaction id,
   * which needs no privilege to see other roles' sessions.
   */
  private async snapshotsBeforeNowClosed(): Promise<void> {
    const deadline = Date.now() + 10_000;
    const { rows } = await sql<{ at: Date; mark: string }>`select clock_timestamp() as at, txid_current()::text as mark`.execute(this.db);
    const { at: erasedBy, mark } = rows[0]!;
    for (;;) {
      const { rows } = await sql<{ open: string; oldest: string }>`select
        (select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
          and backend_xmin is not null and xact_start < ${erasedBy}) as open,
        txid_snapshot_xmin(txid_current_snapshot())::text as oldest`.execute(this.db);
      const { open, oldest } = rows[0]!;
      if ((Number(open) === 0 && BigInt(oldest) > BigInt(mark)) || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A key that stays the same across data-key rotations (see `db/service-keys.ts`). */
  serviceKey(purpose: string, initial: () => Buffer): Promise<Buffer> {
    return serviceKey(this.db, this.sealer, purpose, initial);
  }

  userKey(userId: string): Promise<UserKey> {
    // In a transaction of its own: a key it creates is cached from the next call on, once committed.
    return this.db.transaction().execute((trx) => this.vault.userKeys.of(trx, userId));
  }

  documentKeys(): DocumentKeys {
    const { userKeys } = this.vault;
    return { withId: (keyId) => userKeys.withId(this.db, keyId), cachedWithId: (keyId) => userKeys.cachedWithId(keyId) };
  }

  sealedColumns(): SealedColumns {
    return sqlSealedColumns(this.db, this.vault);
  }

  announcements(): AnnouncementStore {
    return sqlAnnouncementStore(this.db);
  }

  close(): Promise<void> {
    return this.onClose();
  }
}
