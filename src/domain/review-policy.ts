import type { Method } from "./application.js";

/** `FOUR_EYES`: which approvals need a second, different reviewer. */
export type FourEyes = "enterprise" | "all" | "none";
export const FOUR_EYES_SETTINGS: readonly FourEyes[] = ["enterprise", "all", "none"];

/** How reviewers work together: four eyes on approvals, and how long a claim holds. */
export interface ReviewPolicy {
  fourEyes: FourEyes;
  /** `REVIEW_CLAIM_MINUTES`: a claim holds others' decisions off this long, unless released. */
  claimMinutes: number;
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { fourEyes: "enterprise", claimMinutes: 30 };

/** Whether approving an application of this method takes two different reviewers. */
export function needsSecondApproval(fourEyes: FourEyes, method: Method | undefined): boolean {
  return fourEyes === "all" || (fourEyes === "enterprise" && method === "enterprise");
}
