import type { DocumentRead } from "../domain/document-read.js";
import type { ProblemReport } from "../domain/document-rules.js";
import type { Platform, Workspace } from "../domain/platform.js";

/**
 * What an adapter hands the engine: one thing a person did in a chat,
 * platform-neutral. `id` is the platform's own id for it (Telegram
 * update_id, Slack event_id, a console line number) and is the idempotency
 * key: the same id never has a second effect.
 */
export interface IncomingFile {
  name: string;
  /** Absent when the adapter could not or would not get the bytes; `problem` says why. */
  bytes?: Buffer;
  problem?: ProblemReport;
}

interface ChatEventBase {
  id: string;
  platform: Platform;
  chatId: string;
  userId: string;
  /** The platform's language tag for the user, when it tells us. */
  locale?: string;
  /**
   * How the platform names the person (Telegram first name or @username, Slack display name, the
   * console user): reviewers are shown to each other by it, never by account id.
   */
  displayName?: string;
  workspace?: Workspace;
}

export type ChatEvent = ChatEventBase &
  (
    | { kind: "text"; text: string }
    | { kind: "choice"; choice: string }
    /** A submitted form (see `Form` in reply.ts): the indexes of the ticked options and the note. */
    | { kind: "form"; form: string; selected: number[]; note: string }
    | { kind: "command"; command: string; args: string }
    | { kind: "file"; file: IncomingFile }
    /** A phone number shared from the platform; `ownNumber` when the platform vouches it is the sender's. */
    | { kind: "contact"; phone: string; ownNumber: boolean }
    /** Stickers, voice notes, locations…: things we cannot use as an answer. */
    | { kind: "unsupported" }
    /** Not from a person: the engine's own read of a photo, finished after the photo's reply (see `Engine`). */
    | { kind: "document_read"; documentId: string; read: DocumentRead }
  );

/** The commands every user has: the help lists them, Telegram's command menu shows them, Slack takes them after `/verify`. */
export const USER_COMMANDS = ["start", "status", "help", "back", "cancel", "restart", "lang", "privacy"] as const;
/** Reviewers' own: the queue (`src/review/review-desk.ts`). */
export const REVIEWER_COMMANDS = ["queue"] as const;
/** What works in a review room, where the users' commands do nothing: the reviewers' commands and its own /help. */
export const REVIEW_ROOM_COMMANDS = [...REVIEWER_COMMANDS, "help"] as const;

/** The command an event carries — `/queue`, `/queue@bot args` typed, or a platform's slash command — lower-cased; null for none. */
export function commandOf(event: ChatEvent): { name: string; args: string } | null {
  if (event.kind === "command") return { name: event.command.toLowerCase(), args: event.args };
  if (event.kind !== "text") return null;
  const command = /^\/(\w+)(?:@\w+)?(?:\s+(.*))?$/s.exec(event.text.trim());
  return command ? { name: command[1]!.toLowerCase(), args: command[2] ?? "" } : null;
}

/** `/status` typed, or the Check status button. */
export function asksForStatus(event: ChatEvent): boolean {
  return (event.kind === "choice" && event.choice === "status") || commandOf(event)?.name === "status";
}
