import type { ChatAddress, Platform } from "../domain/platform.js";
import { type Account, accountsOfPerson, personLabel, type ReviewerPerson } from "../domain/reviewer-people.js";

/**
 * Whether review cards carry personal data: `private` — no name, contact, ID
 * number, credit code or image on the card; a reviewer's **Open** sends them
 * privately (audited); `room` — on the card, for a room that holds reviewers only.
 */
export type RoomDetails = "private" | "room";

/** Who may decide applications, and where review cards go. */
export interface Reviewers {
  readonly roomDetails: RoomDetails;
  isReviewer(platform: Platform, userId: string): boolean;
  readonly destinations: readonly ChatAddress[];
  /** A shared chat kept for reviewing (a Telegram group, a Slack channel): nothing but review actions happens there. */
  isReviewRoom(platform: Platform, chatId: string): boolean;
  /** Every account of the person behind this reviewer account (`REVIEWERS`), itself included: one pair of eyes. */
  accountsOf(platform: Platform, userId: string): Account[];
  /** How stats and metrics name the reviewer behind an actor string: their person, else the actor. */
  personLabel(actor: string): string;
  /** Every account that reviews (the per-platform lists and `REVIEWERS`). */
  readonly accounts: readonly Account[];
}

/** Each account its own person: what the per-platform reviewer lists mean without `REVIEWERS`. */
const accountAlone = (platform: Platform, userId: string): Account[] => [{ platform, userId }];

export const NO_REVIEWERS: Reviewers = {
  roomDetails: "private",
  isReviewer: () => false,
  destinations: [],
  isReviewRoom: () => false,
  accountsOf: accountAlone,
  personLabel: (actor) => actor,
  accounts: [],
};

/** Console reviewers are console users; each gets the cards in their own chat, where they may also chat as users. */
export function consoleReviewers(ids: readonly string[], roomDetails: RoomDetails = "private"): Reviewers {
  const names = new Set(ids);
  return {
    roomDetails,
    isReviewer: (platform, userId) => platform === "console" && names.has(userId),
    destinations: ids.map((chatId) => ({ platform: "console" as const, chatId })),
    isReviewRoom: () => false,
    accountsOf: accountAlone,
    personLabel: (actor) => actor,
    accounts: [...names].map((userId) => ({ platform: "console" as const, userId })),
  };
}

/** Reviewers who decide together in one shared chat of a platform; anyone else there may watch but not decide. */
export function roomReviewers(
  platform: Platform,
  roomId: string | undefined,
  reviewerIds: readonly string[],
  roomDetails: RoomDetails = "private",
): Reviewers {
  const ids = new Set(reviewerIds);
  return {
    roomDetails,
    isReviewer: (from, userId) => from === platform && ids.has(userId),
    destinations: roomId ? [{ platform, chatId: roomId }] : [],
    isReviewRoom: (from, chatId) => from === platform && chatId === roomId,
    accountsOf: accountAlone,
    personLabel: (actor) => actor,
    accounts: [...ids].map((userId) => ({ platform, userId })),
  };
}

/** Reviewers of several platforms at once (Telegram and Slack in one process): a decision may be taken from any of them. */
export function combineReviewers(parts: readonly Reviewers[], roomDetails: RoomDetails = "private"): Reviewers {
  return {
    roomDetails,
    isReviewer: (platform, userId) => parts.some((part) => part.isReviewer(platform, userId)),
    destinations: parts.flatMap((part) => part.destinations),
    isReviewRoom: (platform, chatId) => parts.some((part) => part.isReviewRoom(platform, chatId)),
    accountsOf: accountAlone,
    personLabel: (actor) => actor,
    accounts: parts.flatMap((part) => part.accounts),
  };
}

/**
 * `REVIEWERS` over the per-platform lists: every listed account reviews, and a person's accounts are one
 * reviewer — four eyes, self-review, claims and "opened" count the person.
 */
export function withPeople(reviewers: Reviewers, people: readonly ReviewerPerson[]): Reviewers {
  if (people.length === 0) return reviewers;
  const listed = new Set(people.flatMap((person) => person.accounts.map((a) => `${a.platform}:${a.userId}`)));
  return {
    ...reviewers,
    isReviewer: (platform, userId) => listed.has(`${platform}:${userId}`) || reviewers.isReviewer(platform, userId),
    accountsOf: (platform, userId) => accountsOfPerson(people, { platform, userId }),
    personLabel: (actor) => personLabel(people, actor),
    accounts: [...reviewers.accounts, ...people.flatMap((person) => person.accounts)],
  };
}

/** How many different people review: one person's accounts (`REVIEWERS`) count once — as four eyes counts them. */
export function reviewerPeopleCount(reviewers: Reviewers): number {
  const key = (account: Account) => `${account.platform}:${account.userId}`;
  const people = reviewers.accounts.map((account) => reviewers.accountsOf(account.platform, account.userId).map(key).sort().join(" "));
  return new Set(people).size;
}
