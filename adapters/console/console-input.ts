/**
 * What one console line means. Console-only commands (`/as`, `/file`) and
 * button numbers are resolved here; everything else is a chat message.
 */
export type ConsoleInput =
  | { kind: "switchUser"; user: string }
  | { kind: "file"; path: string }
  | { kind: "press"; choice: string }
  | { kind: "text"; text: string }
  | { kind: "usage"; message: string };

/** A button printed earlier in this run: who it was shown to and what pressing it sends. */
export interface PrintedButton {
  reader: string;
  choice: string;
  /** The label as printed. */
  label: string;
}

/**
 * Buttons are numbered across the whole run, so a number is at most four digits: longer numbers
 * (phone numbers, one-time codes) are always text.
 */
const BUTTON_NUMBER = /^\d{1,4}$/;

export function parseConsoleLine(line: string, user: string, buttons: readonly PrintedButton[]): ConsoleInput {
  const trimmed = line.trim();
  const as = /^\/as(?:\s+(.*))?$/.exec(trimmed);
  if (as) {
    const user = as[1]?.trim();
    return user && /^[\w.@-]{1,64}$/.test(user)
      ? { kind: "switchUser", user }
      : { kind: "usage", message: "usage: /as <user>  (letters, digits, . _ - @)" };
  }
  const file = /^\/file(?:\s+(.*))?$/.exec(trimmed);
  if (file) {
    const path = file[1]?.trim().replace(/^["']|["']$/g, "");
    return path ? { kind: "file", path } : { kind: "usage", message: "usage: /file <path>" };
  }
  // `[label]` presses the latest button with that label sent to this user: scripts that read the same whatever the numbers.
  const label = /^\[(.+)\]$/.exec(trimmed)?.[1];
  if (label !== undefined) {
    const pressed = buttons.findLast((button) => button.reader === user && button.label === label);
    return pressed ? { kind: "press", choice: pressed.choice } : { kind: "usage", message: `no button [${label}] was sent to ${user}` };
  }
  if (BUTTON_NUMBER.test(trimmed)) {
    const pressed = buttons[Number(trimmed) - 1];
    if (pressed?.reader === user) return { kind: "press", choice: pressed.choice };
    // Pressing another user's button as this one would be refused by the engine: say whose it is instead.
    if (pressed)
      return { kind: "usage", message: `button [${Number(trimmed)}] was sent to ${pressed.reader}: /as ${pressed.reader} to press it` };
  }
  return { kind: "text", text: line };
}
