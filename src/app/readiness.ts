import type { Store } from "../ports/store.js";

/** Ready: the database answers and has every migration this code expects (during a rolling upgrade an old schema says not yet). */
export async function readiness(store: Pick<Store, "readiness">) {
  const { database, pendingMigrations } = await store.readiness();
  return { ready: database === "ok" && pendingMigrations.length === 0, detail: { database, pendingMigrations } };
}
