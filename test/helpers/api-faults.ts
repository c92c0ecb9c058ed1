import type { IncomingMessage } from "node:http";

/** What a fake platform API answers instead of the call: each platform says it in its own way. */
export type ApiFault = "tooManyRequests" | "serverError";

/**
 * Faults a fake platform API injects, like the platform on a bad day. `rate`: the share of calls
 * answered 429, 500, with a reset connection or — when `stallMs` is set — only after `stallMs` (then
 * normally). `chats`: whose calls met one (a chat, user or button press, as the call names it).
 */
export function apiFaults() {
  const faults = {
    rate: 0,
    stallMs: 0,
    injected: 0,
    byKind: { tooManyRequests: 0, serverError: 0, reset: 0, stall: 0 },
    chats: new Set<string>(),
    /**
     * Draws this call's fault, if any, and counts it: a reset connection is done here, a stall waited
     * out (the call then goes on); the answer to give is returned, null when the call goes on.
     */
    async inject(request: IncomingMessage, whose: unknown): Promise<ApiFault | "reset" | null> {
      if (Math.random() >= faults.rate) return null;
      const kinds = ["tooManyRequests", "serverError", "reset", "stall"] as const;
      const kind = kinds[Math.floor(Math.random() * (faults.stallMs > 0 ? 4 : 3))]!;
      faults.injected++;
      faults.byKind[kind]++;
      if (whose !== undefined) faults.chats.add(String(whose));
      if (kind === "stall") {
        await new Promise((resolve) => setTimeout(resolve, faults.stallMs));
        return null;
      }
      if (kind === "reset") request.socket.destroy();
      return kind;
    },
  };
  return faults;
}
