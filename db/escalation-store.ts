import type { Kysely, Transaction } from "kysely";
import type { EscalationStore } from "../src/ports/escalation-store.js";
import type { Database } from "./schema.js";
import { takeDue } from "./take-due.js";
import type { Vault } from "./vault.js";

export function sqlEscalationStore(trx: Transaction<Database> | Kysely<Database>, vault: Vault): EscalationStore {
  return {
    async takeDueEscalations(today, now) {
      const due = await trx
        .selectFrom("applications")
        .select("reference")
        .where("status", "=", "submitted")
        .where("expected_by", "<", today)
        .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", now.toISOString())]))
        .where((eb) => eb.or([eb("escalated_on", "is", null), eb("escalated_on", "<", today)]))
        .orderBy("submitted_at", "asc")
        .execute();
      return takeDue(trx, vault, due, { escalated_on: today });
    },
  };
}
