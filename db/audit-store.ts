import type { Kysely, Transaction } from "kysely";
import type { AuditStore } from "../src/ports/audit-store.js";
import type { Database } from "./schema.js";

export function sqlAuditStore(trx: Transaction<Database> | Kysely<Database>): AuditStore {
  const store: AuditStore = {
    async auditWithoutChange(reference, actor, platform, reason, at) {
      const application = await trx
        .selectFrom("applications")
        .select(["id", "status"])
        .where("reference", "=", reference)
        .executeTakeFirst();
      if (!application) return;
      await trx
        .insertInto("audit_log")
        .values({
          application_id: application.id,
          actor,
          platform,
          at: at.toISOString(),
          from_status: application.status,
          to_status: application.status,
          reason,
          note: null,
        })
        .execute();
    },

    async disableAccount(userId, reference, actor, platform, at) {
      await trx.updateTable("users").set({ account_status: "disabled" }).where("id", "=", userId).execute();
      await store.auditWithoutChange(reference, actor, platform, "account_disabled", at);
    },

    async lastChange(reference) {
      const last = await trx
        .selectFrom("audit_log")
        .innerJoin("applications", "applications.id", "audit_log.application_id")
        .select(["audit_log.actor", "audit_log.at"])
        .where("applications.reference", "=", reference)
        .orderBy("audit_log.id", "desc")
        .limit(1)
        .executeTakeFirst();
      return last ?? null;
    },
  };
  return store;
}
