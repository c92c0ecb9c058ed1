import type { Kysely, Transaction } from "kysely";
import type { Maintenance } from "../src/ports/maintenance-store.js";
import type { Database } from "./schema.js";

const KEY = "maintenance";

/** The maintenance window, if one is set (it may have ended already: compare `until` with now). */
export async function readMaintenance(db: Kysely<Database> | Transaction<Database>): Promise<Maintenance | null> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as Maintenance) : null;
}

/** Starts (or changes) maintenance, or ends it with null. */
export async function writeMaintenance(db: Kysely<Database>, maintenance: Maintenance | null): Promise<void> {
  if (!maintenance) {
    await db.deleteFrom("settings").where("key", "=", KEY).execute();
    return;
  }
  const value = JSON.stringify(maintenance);
  await db
    .insertInto("settings")
    .values({ key: KEY, value })
    .onConflict((conflict) => conflict.column("key").doUpdateSet({ value }))
    .execute();
}
