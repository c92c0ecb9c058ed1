import type { Platform } from "../domain/platform.js";

export interface AuditEntry {
  at: string;
  actor: string;
  platform: string | null;
  from: string | null;
  to: string;
  reason: string | null;
  note: string | null;
}

/** The append-only audit log of applications (status changes are audited with the change itself). */
export interface AuditStore {
  /** Audits an action that changes no status: a refused attempt, a reviewer revealing ID numbers. */
  auditWithoutChange(reference: string, actor: string, platform: Platform, reason: string, at: Date): Promise<void>;
  /** Disables an applicant's account (a reviewer's decision after false information), audited on `reference`. */
  disableAccount(userId: string, reference: string, actor: string, platform: Platform, at: Date): Promise<void>;
  /**
   * Whether one of `actors` (one reviewer's accounts) opened the application's details privately after its
   * content last changed (submitted, information provided, answers revised).
   */
  openedSinceLastChange(reference: string, actors: readonly string[]): Promise<boolean>;
  /** When one of `actors` (one reviewer's accounts) first opened or claimed the application; null if never. */
  firstTouch(reference: string, actors: readonly string[]): Promise<string | null>;
  /** Whether `actor` has an audit entry with `reason` (on any application) at or after `since`. */
  auditedSince(actor: string, reason: string, since: Date): Promise<boolean>;
  /** The latest audit entry's actor and time: who got there first when a change is refused. */
  lastChange(reference: string): Promise<{ actor: string; at: string } | null>;
}
