import type { Kysely, Transaction } from "kysely";
import type { MaintenanceStore } from "../src/ports/maintenance-store.js";
import type { StoreTransaction } from "../src/ports/store.js";
import type { UserKeyStore } from "../src/ports/user-keys.js";
import { sqlApplicationStore } from "./application-store.js";
import { sqlAuditStore } from "./audit-store.js";
import { sqlConversationStore } from "./conversation-store.js";
import { sqlEscalationStore } from "./escalation-store.js";
import { sqlFaqMissWriter } from "./faq-learning-store.js";
import type { HotQueries } from "./hot-queries.js";
import { sqlLocks } from "./locks.js";
import { readMaintenance } from "./maintenance-settings.js";
import { sqlOutboxWriter } from "./notification-store.js";
import { sqlOneTimeCodeLedger } from "./one-time-code-ledger.js";
import type { Dialect } from "./open-database.js";
import { sqlPrivacyStore } from "./privacy-store.js";
import { sqlReviewSessionStore } from "./review-session-store.js";
import { sqlReviewerNameStore } from "./reviewer-names.js";
import type { Database } from "./schema.js";
import { sqlSupportStore } from "./support-store.js";
import type { Vault } from "./vault.js";
import { sqlWebhookEventWriter } from "./webhook-outbox.js";

/**
 * Every role of the store over one Kysely transaction. `Object.assign`, not an
 * object spread: V8 builds a spread literal of this many properties ~30× slower,
 * which showed in the engine benchmark.
 */
export function sqlTransaction(
  trx: Transaction<Database> | Kysely<Database>,
  queries: HotQueries,
  vault: Vault,
  dialect: Dialect,
  webhookReceiver: boolean,
): StoreTransaction {
  const maintenance: MaintenanceStore = { maintenanceWindow: () => readMaintenance(trx) };
  const userKeys: UserKeyStore = { userKey: (userId) => vault.userKeys.of(trx, userId) };
  return Object.assign(
    {},
    sqlConversationStore(trx, queries, vault),
    sqlApplicationStore(trx, queries, vault),
    sqlReviewSessionStore(trx),
    sqlReviewerNameStore(trx),
    sqlOutboxWriter(trx, vault, dialect),
    sqlSupportStore(trx, vault),
    sqlFaqMissWriter(trx, vault),
    sqlAuditStore(trx),
    sqlEscalationStore(trx, vault),
    sqlOneTimeCodeLedger(trx),
    sqlPrivacyStore(trx, vault),
    sqlLocks(trx, dialect),
    sqlWebhookEventWriter(trx, webhookReceiver),
    maintenance,
    userKeys,
  );
}
