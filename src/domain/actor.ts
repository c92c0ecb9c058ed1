import type { Platform } from "./platform.js";

/**
 * Who did something, as the audit log records it: `user:telegram:42`,
 * `reviewer:slack:U123`, `system:maintenance_ended`. Operators search the
 * audit trail by these strings, so they are built here and nowhere else.
 */
export const actorId = {
  user: (who: { platform: Platform; userId: string }): string => `user:${who.platform}:${who.userId}`,
  reviewer: (who: { platform: Platform; userId: string }): string => `reviewer:${who.platform}:${who.userId}`,
  system: (what: "maintenance_ended" | "retention" | "escalation"): string => `system:${what}`,
  /** Someone running `npm run cli` on the server. */
  operator: (): string => "operator:cli",
};

/** The platform account behind a reviewer's or user's actor string; null for system and operator actors. */
export function actorAccount(actor: string): { platform: Platform; userId: string } | null {
  const match = /^(?:reviewer|user):(console|telegram|slack):(.+)$/.exec(actor);
  return match ? { platform: match[1] as Platform, userId: match[2]! } : null;
}
