import type { IsoDate } from "../domain/business-days.js";
import { isOverdue } from "../domain/user-record.js";
import type { ReviewQueueEntry } from "../ports/application-store.js";
import type { OperatorStore } from "../ports/operator-store.js";

/** Applications waiting for a reviewer, oldest first, each marked overdue when its promised date has passed. */
export async function reviewQueue(
  store: Pick<OperatorStore, "awaitingReview">,
  today: IsoDate,
): Promise<Array<ReviewQueueEntry & { overdue: boolean }>> {
  const entries = await store.awaitingReview();
  return entries.map((entry) => ({ ...entry, overdue: isOverdue(entry, today) }));
}
