import type { Kysely } from "kysely";
import type { Leases } from "../src/ports/leases.js";
import { sqlLocks } from "./locks.js";
import type { Dialect } from "./open-database.js";
import { retryOnConflict } from "./retry-on-conflict.js";
import type { Database } from "./schema.js";

interface Held {
  holder: string;
  until: string;
}

/** Leases in the `settings` table (`lease:<name>` → holder and until), read and written under the lease's lock. */
export function sqlLeases(db: Kysely<Database>, dialect: Dialect): Leases {
  const key = (name: string) => `lease:${name}`;
  return {
    take(name, holder, until, now) {
      return retryOnConflict(() =>
        db.transaction().execute(async (trx) => {
          if (!(await sqlLocks(trx, dialect).tryLock(key(name)))) return false;
          const row = await trx.selectFrom("settings").select("value").where("key", "=", key(name)).executeTakeFirst();
          const held = row ? (JSON.parse(row.value) as Held) : null;
          if (held && held.holder !== holder && new Date(held.until) > now) return false;
          const value = JSON.stringify({ holder, until: until.toISOString() } satisfies Held);
          await trx
            .insertInto("settings")
            .values({ key: key(name), value })
            .onConflict((conflict) => conflict.column("key").doUpdateSet({ value }))
            .execute();
          return true;
        }),
      );
    },
    async release(name, holder) {
      const row = await db.selectFrom("settings").select("value").where("key", "=", key(name)).executeTakeFirst();
      if (row && (JSON.parse(row.value) as Held).holder === holder) await db.deleteFrom("settings").where("key", "=", key(name)).execute();
    },
  };
}
