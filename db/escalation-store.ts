import type { Kysely, Transaction } from "kysely";
import type { EscalationStore } from "../src/ports/escalation-store.js";
import type { Sealer } from "../src/ports/sealer.js";
import { loadApplicationForReview } from "./application-for-review.js";
import type { Database } from "./schema.js";

export function sqlEscalationStore(trx: Transaction<Database> | Kysely<Database>, sealer: Sealer): EscalationStore {
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
      const applications = [];
      for (const { reference } of due) {
        if (!reference) continue;
        await trx.updateTable("applications").set({ escalated_on: today }).where("reference", "=", reference).execute();
        const application = await loadApplicationForReview(trx, sealer, reference);
        if (application) applications.push(application);
      }
      return applications;
    },
  };
}
