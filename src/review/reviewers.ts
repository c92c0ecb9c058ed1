import type { Platform } from "../chat/chat-event.js";
import type { ChatAddress } from "../chat/reply.js";

/** Who may decide applications, and where review cards go. */
export interface Reviewers {
  isReviewer(platform: Platform, userId: string): boolean;
  readonly destinations: readonly ChatAddress[];
}

export const NO_REVIEWERS: Reviewers = { isReviewer: () => false, destinations: [] };

/** Console reviewers are console users; each gets the cards in their own chat. */
export function consoleReviewers(ids: readonly string[]): Reviewers {
  const names = new Set(ids);
  return {
    isReviewer: (platform, userId) => platform === "console" && names.has(userId),
    destinations: ids.map((chatId) => ({ platform: "console" as const, chatId })),
  };
}
