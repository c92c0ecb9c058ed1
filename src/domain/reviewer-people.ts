import { actorAccount } from "./actor.js";
import { PLATFORMS, type Platform } from "./platform.js";

/** One platform account (a Telegram user id, a Slack member id, a console name). */
export interface Account {
  platform: Platform;
  userId: string;
}

/** A reviewer as a person: their name and every account they review from. */
export interface ReviewerPerson {
  name: string;
  accounts: Account[];
}

/**
 * `REVIEWERS`: `rita=telegram:123456,slack:U0RITA;rob=slack:U0ROB` — people and their accounts, so
 * four eyes, self-review and claims count people, not accounts. Throws a message naming what is wrong.
 */
export function parseReviewerPeople(text: string): ReviewerPerson[] {
  const people: ReviewerPerson[] = [];
  const owners = new Map<string, string>();
  for (const entry of text
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name, accounts, ...extra] = entry.split("=").map((part) => part.trim());
    if (!name || !accounts || extra.length > 0) throw new Error(`"${entry}" is not name=platform:id,platform:id`);
    if (people.some((person) => person.name === name)) throw new Error(`"${name}" is named twice`);
    const parsed = accounts.split(",").map((account) => {
      const [platform, userId] = account.trim().split(/:(.*)/s) as [string, string | undefined];
      if (!(PLATFORMS as readonly string[]).includes(platform) || !userId)
        throw new Error(`"${account.trim()}" is not <${PLATFORMS.join("|")}>:<id>`);
      const key = `${platform}:${userId}`;
      const owner = owners.get(key);
      if (owner && owner !== name) throw new Error(`${key} belongs to both ${owner} and ${name}`);
      owners.set(key, name);
      return { platform: platform as Platform, userId };
    });
    people.push({ name, accounts: parsed });
  }
  return people;
}

/** Every account of the person behind `account` (itself included; alone when it belongs to no listed person). */
export function accountsOfPerson(people: readonly ReviewerPerson[], account: Account): Account[] {
  const person = personOf(people, account);
  return person ? person.accounts : [account];
}

/** The listed person behind an account, if any. */
export function personOf(people: readonly ReviewerPerson[], account: Account): ReviewerPerson | undefined {
  return people.find((person) => person.accounts.some((a) => a.platform === account.platform && a.userId === account.userId));
}

/** How stats and metrics name a reviewer: their `REVIEWERS` name, or the actor string of an unlisted account. */
export function personLabel(people: readonly ReviewerPerson[], actor: string): string {
  const account = actorAccount(actor);
  return (account && personOf(people, account)?.name) ?? actor;
}
