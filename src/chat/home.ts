import { statusReply } from "../../machines/status-reply.js";
import { EMPTY_DRAFT } from "../domain/application.js";
import type { Choice } from "../domain/choice.js";
import { NEW_USER_RECORD, type UserRecord } from "../domain/user-record.js";
import { type Message, msg } from "../i18n/message.js";

/**
 * What a platform's home page (Slack's App Home) shows a user: their
 * verification status, as `/status` tells it, and one button that starts or
 * continues the verification in their chat with the assistant.
 */
export function homeContent(
  record: UserRecord | null,
  settings: { timeZone: string; supportContact: string },
): { body: Message[]; choices: Choice[] } {
  const { body } = statusReply(record ?? NEW_USER_RECORD, EMPTY_DRAFT, settings);
  return { body: [msg("home.title"), ...body], choices: [{ id: "start", label: msg("home.startOrContinue") }] };
}
