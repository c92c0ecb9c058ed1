import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * Whether a request carries `Authorization: Bearer <token>` with one of `tokens`. Compared as SHA-256
 * digests (equal lengths for `timingSafeEqual`, whatever was sent) and every token is compared, so
 * the time taken says nothing about which one nearly matched.
 */
export function bearerCheck(tokens: readonly string[]): (request: IncomingMessage) => boolean {
  const digests = tokens.map(digest);
  return (request) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
    if (!match) return false;
    const offered = digest(match[1]!);
    return digests.reduce((found, known) => timingSafeEqual(known, offered) || found, false);
  };
}

function digest(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}
