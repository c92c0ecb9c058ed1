import { REVIEWER_COMMANDS, USER_COMMANDS } from "../../src/chat/chat-event.js";

/**
 * Slack takes every message that starts with "/" for a slash command — its own `/status` sets the
 * user's status, and one it does not know is refused before the app sees it — so on Slack the
 * assistant's commands are words after the app's one command: `/verify status`, `/verify lang en`.
 */
export const VERIFY_COMMAND = "/verify";

/** The assistant's commands, as the texts name them; `/start` is `/verify` alone. */
const COMMANDS: readonly string[] = [...USER_COMMANDS, ...REVIEWER_COMMANDS];
const MENTION = new RegExp(`(^|[^\\w/])/(${COMMANDS.join("|")})\\b`, "g");

/** A text as a Slack user reads it: "send /status" becomes "send /verify status", "/start" "/verify". */
export function inSlackCommands(text: string): string {
  return text.replace(MENTION, (_, before: string, command: string) =>
    command === "start" ? `${before}${VERIFY_COMMAND}` : `${before}${VERIFY_COMMAND} ${command}`,
  );
}

export type VerifyContent =
  | { kind: "command"; command: string; args: string }
  | { kind: "choice"; choice: string }
  | { kind: "text"; text: string };

/**
 * What `/verify <text>` asks: nothing, the menu; a command the texts name (`lang en`; a slash typed out
 * of habit, `/verify /status`, is the same); `faq` the topics, `faq <question>` the question; anything
 * else, the words as if typed in the DM.
 */
export function verifyContent(text: string): VerifyContent {
  const [word = "", ...rest] = text.trim().split(/\s+/);
  const name = word.replace(/^\//, "").toLowerCase();
  const args = rest.join(" ");
  if (name === "") return { kind: "command", command: "start", args: "" };
  if (COMMANDS.includes(name)) return { kind: "command", command: name, args };
  if (name === "faq") return args === "" ? { kind: "choice", choice: "faq" } : { kind: "text", text: args };
  return { kind: "text", text: text.trim() };
}
