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

export function parseConsoleLine(line: string, lastChoices: readonly string[]): ConsoleInput {
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
  if (/^\d{1,2}$/.test(trimmed)) {
    const index = Number(trimmed) - 1;
    const choice = lastChoices[index];
    if (choice !== undefined) return { kind: "press", choice };
  }
  return { kind: "text", text: line };
}
