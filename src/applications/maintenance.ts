import type { Maintenance, MaintenanceStore } from "../ports/maintenance-store.js";

/** The maintenance window in force at `now`, if any: one set by an operator that has not ended yet. */
export async function maintenanceInForce(store: MaintenanceStore, now: Date): Promise<Maintenance | null> {
  const maintenance = await store.maintenanceWindow();
  return maintenance && new Date(maintenance.until) > now ? maintenance : null;
}
