import type { Kysely, Transaction } from "kysely";
import type { MaintenanceStore } from "../src/ports/maintenance-store.js";
import type { Sealer } from "../src/ports/sealer.js";
import type { StoreTransaction } from "../src/ports/store.js";
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
import { sqlWebhookEventWriter } from "./webhook-outbox.js";

/**
 * Every role of the store over one Kysely transaction. `Object.assign`, not an
 * object spread: V8 builds a spread literal of this many properties ~30× slower,
 * which showed in the engine benchmark.
 */
export function sqlTransaction(
  trx: Transaction<Database> | Kysely<Database>,
  queries: HotQueries,
  sealer: Sealer,
  dialect: Dialect,
  webhookReceiver: boolean,
): StoreTransaction {
  const maintenance: MaintenanceStore = { maintenanceWindow: () => readMaintenance(trx) };
  return Object.assign(
    {},
    sqlConversationStore(trx, queries, sealer),
    sqlApplicationStore(trx, queries, sealer),
    sqlReviewSessionStore(trx),
    sqlReviewerNameStore(trx),
    sqlOutboxWriter(trx, sealer, dialect),
    sqlSupportStore(trx, sealer),
    sqlFaqMissWriter(trx, sealer),
    sqlAuditStore(trx),
    sqlEscalationStore(trx, sealer),
    sqlOneTimeCodeLedger(trx),
    sqlPrivacyStore(trx, sealer),
    sqlLocks(trx, dialect),
    sqlWebhookEventWriter(trx, webhookReceiver),
    maintenance,
  );
}
