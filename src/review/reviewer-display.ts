import { actorAccount } from "../domain/actor.js";
import { type Message, msg } from "../i18n/message.js";

/**
 * Who did something, as reviewers read it on cards and in the queue: a reviewer by the display
 * name their platform last gave (the console user's own name), the applicant as "the applicant",
 * never an actor id.
 */
export function actorName(actor: string, names: ReadonlyMap<string, string>): Message | string {
  if (actor.startsWith("user:")) return msg("review.theApplicant");
  if (actor.startsWith("operator:")) return msg("review.anOperator");
  const account = actorAccount(actor);
  if (!account) return msg("review.theSystem");
  return names.get(actor) ?? (account.platform === "console" ? account.userId : msg("review.aReviewer"));
}

/** Longest display name kept: a name, not a paragraph. */
const DISPLAY_NAME_CHARS = 64;

/**
 * A platform's display name as it may be shown to other reviewers: one line, no control or
 * formatting characters, at most 64 characters; undefined when nothing readable is left.
 */
export function cleanDisplayName(raw: string | undefined): string | undefined {
  const cleaned = [
    ...(raw ?? "")
      .replace(/\s+/g, " ")
      .replace(/[\p{Cc}\p{Cf}]/gu, "")
      .trim(),
  ]
    .slice(0, DISPLAY_NAME_CHARS)
    .join("");
  return cleaned === "" ? undefined : cleaned;
}
