import type { Kysely } from "kysely";
import type { Sealer } from "../src/ports/sealer.js";
import type { Database } from "./schema.js";
import { place } from "./vault.js";

/**
 * The key stored for `purpose`, created from `initial` the first time any instance asks (instances starting
 * together agree: the first insert wins, everyone reads it back). Sealed under the data keys, so a rotation
 * re-seals it without changing it.
 */
export async function serviceKey(db: Kysely<Database>, sealer: Sealer, purpose: string, initial: () => Buffer): Promise<Buffer> {
  await db
    .insertInto("service_keys")
    .values({ purpose, sealed: sealer.sealText(initial().toString("base64"), place("service_keys", "sealed", purpose)) })
    .onConflict((conflict) => conflict.column("purpose").doNothing())
    .execute();
  const row = await db.selectFrom("service_keys").select("sealed").where("purpose", "=", purpose).executeTakeFirstOrThrow();
  return Buffer.from(sealer.openText(row.sealed, place("service_keys", "sealed", purpose)), "base64");
}
