import type { IsoDate } from "../domain/business-days.js";
import { isOverdue } from "../domain/user-record.js";
import type { ReviewQueueEntry } from "../ports/application-store.js";

/** Where an application stands against the date promised to the user. */
export type SlaState = "on_time" | "due_today" | "overdue";

export type QueueEntry = ReviewQueueEntry & { overdue: boolean; sla: SlaState };

/** Applications waiting for a reviewer, oldest first, each with its SLA state (overdue: its promised date has passed). */
export async function reviewQueue(store: { awaitingReview(): Promise<ReviewQueueEntry[]> }, today: IsoDate): Promise<QueueEntry[]> {
  const entries = await store.awaitingReview();
  return entries.map((entry) => {
    const overdue = isOverdue(entry, today);
    return { ...entry, overdue, sla: overdue ? "overdue" : entry.expectedBy === today ? "due_today" : "on_time" };
  });
}
