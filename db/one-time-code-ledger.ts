import type { Kysely, Transaction } from "kysely";
import type { OneTimeCodeLedger } from "../src/ports/one-time-code-ledger.js";
import type { Database } from "./schema.js";

export function sqlOneTimeCodeLedger(trx: Transaction<Database> | Kysely<Database>): OneTimeCodeLedger {
  return {
    async recordCodeEvent({ phoneHash, userHash, kind, at }) {
      await trx
        .insertInto("one_time_code_events")
        .values({ phone_hash: phoneHash, user_hash: userHash, kind, at: at.toISOString() })
        .execute();
    },

    async codeHistory(phoneHash, userHash, since) {
      const rows = await trx
        .selectFrom("one_time_code_events")
        .select(["phone_hash", "user_hash", "kind", "at"])
        .where("at", ">=", since.toISOString())
        .where((eb) => eb.or([eb("phone_hash", "=", phoneHash), eb("user_hash", "=", userHash)]))
        .orderBy("at")
        .execute();
      const times = (keep: (row: (typeof rows)[number]) => boolean) => rows.filter(keep).map((row) => new Date(row.at));
      return {
        sentToPhone: times((row) => row.kind === "sent" && row.phone_hash === phoneHash),
        sentByUser: times((row) => row.kind === "sent" && row.user_hash === userHash),
        wrongForPhone: times((row) => row.kind === "wrong" && row.phone_hash === phoneHash),
      };
    },

    async forgetCodeEventsBefore(before) {
      await trx.deleteFrom("one_time_code_events").where("at", "<", before.toISOString()).execute();
    },
  };
}
