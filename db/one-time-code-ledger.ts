import type { Kysely, Transaction } from "kysely";
import type { OneTimeCodeLedger } from "../src/ports/one-time-code-ledger.js";
import type { Database } from "./schema.js";

export function sqlOneTimeCodeLedger(trx: Transaction<Database> | Kysely<Database>): OneTimeCodeLedger {
  return {
    async recordCodeEvent({ phoneHash, userId, kind, at }) {
      await trx.insertInto("one_time_code_events").values({ phone_hash: phoneHash, user_id: userId, kind, at: at.toISOString() }).execute();
    },

    async codeHistory(phoneHash, userId, since) {
      const rows = await trx
        .selectFrom("one_time_code_events")
        .select(["phone_hash", "user_id", "kind", "at"])
        .where("at", ">=", since.toISOString())
        .where((eb) => eb.or([eb("phone_hash", "=", phoneHash), eb("user_id", "=", userId)]))
        .orderBy("at")
        .execute();
      const times = (keep: (row: (typeof rows)[number]) => boolean) => rows.filter(keep).map((row) => new Date(row.at));
      return {
        sentToPhone: times((row) => row.kind === "sent" && row.phone_hash === phoneHash),
        sentByUser: times((row) => row.kind === "sent" && row.user_id === userId),
        wrongForPhone: times((row) => row.kind === "wrong" && row.phone_hash === phoneHash),
      };
    },
  };
}
