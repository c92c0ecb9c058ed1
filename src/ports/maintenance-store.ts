/** A maintenance window: new submissions are held until `until` (ISO time); `note` is the operator's message per language. */
export interface Maintenance {
  until: string;
  note: { zh?: string; en?: string };
}

/** The maintenance setting; whether it is in force at a given time is `maintenanceInForce`'s to say. */
export interface MaintenanceStore {
  /** The maintenance window set by an operator, if any (it may have ended already). */
  maintenanceWindow(): Promise<Maintenance | null>;
}
