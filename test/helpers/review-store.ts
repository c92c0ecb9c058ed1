import { changeApplication, type LifecycleChange } from "../../src/applications/change-application.js";
import type { IsoDate } from "../../src/domain/business-days.js";
import type { Platform } from "../../src/domain/platform.js";
import type { AccountStatus } from "../../src/domain/user-record.js";
import type { Store } from "../../src/ports/store.js";
import { reviewQueue } from "../../src/review/review-queue.js";

/** What operators and other processes do to applications outside the chat, through the store's public ports. */
export function reviewStore(store: Store) {
  const operator = store.operator();
  return {
    changeApplication: (change: LifecycleChange) => store.exclusiveTransaction((tx) => changeApplication(tx, change)),
    awaitingReview: (today: IsoDate) => reviewQueue(operator, today),
    auditTrail: (reference: string) => operator.auditTrail(reference),
    supportRequests: (limit: number) => operator.supportRequests(limit),
    setAccountStatus: (platform: Platform, user: string, status: AccountStatus) => operator.setAccountStatus(platform, user, status),
  };
}
