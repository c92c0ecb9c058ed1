import type { Platform } from "../domain/platform.js";
import type { AccountStatus } from "../domain/user-record.js";
import type { ReviewQueueEntry } from "./application-store.js";
import type { AuditEntry } from "./audit-store.js";
import type { Maintenance } from "./maintenance-store.js";
import type { SupportRequestEntry } from "./support-store.js";

/** What operators' commands read and set outside the chat path. */
export interface OperatorStore {
  /** Applications waiting for a reviewer, oldest first. */
  awaitingReview(): Promise<ReviewQueueEntry[]>;
  /** The audit trail of one application, oldest first; null for an unknown reference. */
  auditTrail(reference: string): Promise<AuditEntry[] | null>;
  /** Requests for a person, newest first. */
  supportRequests(limit: number): Promise<SupportRequestEntry[]>;
  /** False when that platform user never wrote to the assistant. */
  setAccountStatus(platform: Platform, platformUserId: string, status: AccountStatus): Promise<boolean>;
  /** Starts (or changes) maintenance, or ends it with null. */
  setMaintenance(maintenance: Maintenance | null): Promise<void>;
}
