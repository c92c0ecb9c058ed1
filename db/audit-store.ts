import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from "kysely";
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

    async openedSinceLastChange(reference, actors) {
      const latest = (where: (eb: ExpressionBuilder<Database, "audit_log" | "applications">) => Expression<SqlBool>) =>
        trx
          .selectFrom("audit_log")
          .innerJoin("applications", "applications.id", "audit_log.application_id")
          .select("audit_log.id")
          .where("applications.reference", "=", reference)
          .where(where)
          .orderBy("audit_log.id", "desc")
          .limit(1)
          .executeTakeFirst();
      const opened = await latest((eb) => eb.and([eb("audit_log.reason", "=", "opened"), eb("audit_log.actor", "in", [...actors])]));
      if (!opened) return false;
      const changed = await latest((eb) =>
        eb.or([
          eb.and([eb("audit_log.to_status", "=", "submitted"), eb("audit_log.from_status", "in", ["draft", "needs_more_info"])]),
          eb("audit_log.reason", "like", "revised:%"),
        ]),
      );
      return !changed || Number(opened.id) > Number(changed.id);
    },

    async firstTouch(reference, actors) {
      const first = await trx
        .selectFrom("audit_log")
        .innerJoin("applications", "applications.id", "audit_log.application_id")
        .select("audit_log.at")
        .where("applications.reference", "=", reference)
        .where("audit_log.actor", "in", [...actors])
        .where((eb) =>
          eb.or([
            eb("audit_log.reason", "in", ["opened", "show_details", "claimed", "claim_renewed"]),
            eb("audit_log.reason", "like", "claim_taken_over:%"),
          ]),
        )
        .orderBy("audit_log.id", "asc")
        .limit(1)
        .executeTakeFirst();
      return first?.at ?? null;
    },

    async auditedSince(actor, reason, since) {
      const row = await trx
        .selectFrom("audit_log")
        .select("id")
        .where("actor", "=", actor)
        .where("at", ">=", since.toISOString())
        .where("reason", "=", reason)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
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
