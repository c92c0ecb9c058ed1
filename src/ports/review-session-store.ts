import type { Step } from "../domain/application.js";
import type { ChatAddress } from "../domain/platform.js";
import type { RejectionReason } from "../domain/rejection-reasons.js";

/**
 * A reviewer who chose rejection reasons, or the items to ask for again (`items` not empty), and
 * whose next message is the note to the user.
 */
export interface ReviewSession {
  reference: string;
  reasons: RejectionReason[];
  items: Step[];
}

/** Reviewers' pending notes, per reviewer within a review room. */
export interface ReviewSessionStore {
  loadReviewSession(reviewer: ChatAddress): Promise<ReviewSession | null>;
  saveReviewSession(reviewer: ChatAddress, session: ReviewSession | null, at: Date): Promise<void>;
}
