import type { IsoDate } from "../domain/business-days.js";
import type { ApplicationForReview } from "./application-store.js";

/** Overdue applications nobody holds, announced to `REVIEW_ESCALATE_TO` once per business day they stay so. */
export interface EscalationStore {
  /**
   * Submitted applications past their promised date (`expectedBy` before `today`) that no claim holds at `now`
   * and that were not escalated `today`; marks them escalated today.
   */
  takeDueEscalations(today: IsoDate, now: Date): Promise<ApplicationForReview[]>;
}
