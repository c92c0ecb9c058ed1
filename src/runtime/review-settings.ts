import type { ChatAddress } from "../domain/platform.js";
import { parseReviewerPeople, type ReviewerPerson } from "../domain/reviewer-people.js";
import { type Env, value } from "./env-values.js";
import { ConfigError } from "./errors.js";

/**
 * `REVIEW_ESCALATE_TO`: where overdue applications nobody holds are announced — a Telegram user or chat
 * id (`123456`, `-1001234567890`), a Slack user or channel id (`U0LEAD`, `C0ESCALATE`), or any of them
 * with its platform spelled out (`telegram:…`, `slack:…`, `console:<name>`). Unset: no escalation.
 */
export function reviewEscalateTo(env: Env): ChatAddress | undefined {
  const target = value(env, "REVIEW_ESCALATE_TO");
  if (!target) return undefined;
  const explicit = /^(telegram|slack|console):(.+)$/.exec(target);
  if (explicit) return { platform: explicit[1] as ChatAddress["platform"], chatId: explicit[2]! };
  if (/^-?\d+$/.test(target)) return { platform: "telegram", chatId: target };
  if (/^[UWCGD][A-Z0-9]{2,}$/.test(target)) return { platform: "slack", chatId: target };
  throw new ConfigError(
    "REVIEW_ESCALATE_TO",
    `must be a Telegram user or chat id, a Slack user or channel id, or <telegram|slack|console>:<id>, got "${target}"`,
  );
}

/** `REVIEWERS`: people and their accounts (see `parseReviewerPeople`); empty when unset. */
export function reviewerPeople(env: Env): ReviewerPerson[] {
  try {
    return parseReviewerPeople(value(env, "REVIEWERS") ?? "");
  } catch (error) {
    throw new ConfigError("REVIEWERS", `${(error as Error).message} (e.g. rita=telegram:123456,slack:U0RITA;rob=slack:U0ROB)`);
  }
}
