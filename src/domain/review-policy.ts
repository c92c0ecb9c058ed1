import type { Method } from "./application.js";

/** `FOUR_EYES`: which approvals need a second, different reviewer. */
export type FourEyes = "enterprise" | "all" | "none";
export const FOUR_EYES_SETTINGS: readonly FourEyes[] = ["enterprise", "all", "none"];

/** How reviewers work together: four eyes on approvals, and how long a claim holds. */
export interface ReviewPolicy {
  fourEyes: FourEyes;
  /** `REVIEW_CLAIM_MINUTES`: a claim holds others' decisions off this long, unless released. */
  claimMinutes: number;
  /**
   * `REQUIRE_OPEN_BEFORE_APPROVAL`: with private room details, Approve and Confirm approval are refused to a
   * reviewer who has not opened the application privately since its content last changed.
   */
  requireOpenBeforeApproval: boolean;
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { fourEyes: "enterprise", claimMinutes: 30, requireOpenBeforeApproval: true };

/**
 * How four-eyes steps are written in the audit log (as the reason of an entry that keeps the status):
 * operators search for them, and `review stats` pairs a first approval with what followed it.
 */
export const FIRST_APPROVAL = "first_approval";
export const FIRST_APPROVAL_CANCELLED = "first_approval_cancelled";

/** Whether approving an application of this method takes two different reviewers. */
export function needsSecondApproval(fourEyes: FourEyes, method: Method | undefined): boolean {
  return fourEyes === "all" || (fourEyes === "enterprise" && method === "enterprise");
}
