import type { Kysely, Transaction } from "kysely";
import type { StoreTransaction } from "../src/ports/store.js";
import { sqlApplicationStore } from "./application-store.js";
import { sqlAuditStore } from "./audit-store.js";
import { sqlConversationStore } from "./conversation-store.js";
import type { HotQueries } from "./hot-queries.js";
import { readMaintenance } from "./maintenance-settings.js";
import { sqlOutboxWriter } from "./notification-store.js";
import { sqlReviewSessionStore } from "./review-session-store.js";
import type { Database } from "./schema.js";
import { sqlSupportStore } from "./support-store.js";

/** Every role of the store over one Kysely transaction. */
export function sqlTransaction(trx: Transaction<Database> | Kysely<Database>, queries: HotQueries): StoreTransaction {
  return {
    ...sqlConversationStore(trx, queries),
    ...sqlApplicationStore(trx, queries),
    ...sqlReviewSessionStore(trx),
    ...sqlOutboxWriter(trx),
    ...sqlSupportStore(trx),
    ...sqlAuditStore(trx),
    maintenanceWindow: () => readMaintenance(trx),
  };
}
