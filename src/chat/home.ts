import { statusReply } from "../../machines/status-reply.js";
import { EMPTY_DRAFT } from "../domain/application.js";
import type { Choice } from "../domain/choice.js";
import { hasOpenApplication, NEW_USER_RECORD, type UserRecord } from "../domain/user-record.js";
import { type Message, msg } from "../i18n/message.js";

/**
 * What a platform's home page (Slack's App Home) shows a user: their verification status, as `/status`
 * tells it, with its next steps as buttons (Provide information, Resubmit, Withdraw…) — or, when there
 * is none, one that starts or continues a verification in their chat, offered only where it would be
 * accepted (an active account, not verified, nothing in review or held).
 */
export function homeContent(
  record: UserRecord | null,
  settings: { timeZone: string; supportContact: string; waitingSupport?: { reference: string; since: string } },
): { body: Message[]; choices: Choice[] } {
  const current = record ?? NEW_USER_RECORD;
  const status = statusReply(current, EMPTY_DRAFT, settings);
  const mayStart = current.account === "active" && !current.verified && !hasOpenApplication(current);
  const next = status.choices ?? [];
  const choices = next.length > 0 ? next : mayStart ? [{ id: "start", label: msg("home.startOrContinue") }] : [];
  return { body: [msg("home.title"), ...status.body], choices };
}
