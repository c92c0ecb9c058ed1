import type { IncomingMessage, ServerResponse } from "node:http";
import type { VerificationStatusView } from "../../src/applications/status-views.js";
import { PLATFORMS, type Platform } from "../../src/domain/platform.js";
import type { ApplicationStatusView } from "../../src/ports/operator-store.js";
import { bearerCheck } from "./bearer-token.js";

/** What the status API reads; both answer null for what is unknown. */
export interface StatusLookups {
  verification(platform: Platform, user: string): Promise<VerificationStatusView | null>;
  application(reference: string): Promise<ApplicationStatusView | null>;
}

export const STATUS_API_PREFIX = "/api/v1/";

/**
 * `GET /api/v1/verifications/<platform>/<user>` (the JSON of `cli status --json`) and
 * `GET /api/v1/applications/<reference>`, for the platform to learn results. Every request needs
 * `Authorization: Bearer <token>` with one of `tokens`, compared in constant time (401 otherwise);
 * 400 for a platform name that isn't one, 404 for what is unknown. No personal data is returned.
 */
export function statusApi(tokens: readonly string[], lookups: StatusLookups) {
  const authorised = bearerCheck(tokens);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const answer = (status: number, body: object, headers: Record<string, string> = {}) =>
      void response
        .writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers })
        .end(JSON.stringify(body));
    if (request.method !== "GET") return answer(405, { error: "method_not_allowed" }, { allow: "GET" });
    if (!authorised(request)) return answer(401, { error: "unauthorized" }, { "www-authenticate": 'Bearer realm="verification"' });
    const path = new URL(request.url ?? "/", "http://localhost").pathname.slice(STATUS_API_PREFIX.length);
    const parts = path.split("/").map((part) => decodeURIComponent(part));
    if (parts[0] === "verifications" && parts.length === 3 && parts[2]) {
      const platform = parts[1]!;
      if (!(PLATFORMS as readonly string[]).includes(platform))
        return answer(400, { error: "bad_platform", message: `platform must be one of ${PLATFORMS.join(", ")}` });
      const view = await lookups.verification(platform as Platform, parts[2]);
      return view ? answer(200, view) : answer(404, { error: "unknown_user" });
    }
    if (parts[0] === "applications" && parts.length === 2 && parts[1]) {
      const view = await lookups.application(parts[1]);
      return view ? answer(200, view) : answer(404, { error: "unknown_application" });
    }
    return answer(404, { error: "not_found" });
  };
}
