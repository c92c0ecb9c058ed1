import { webApi } from "@slack/bolt";
import type { Logger } from "../../src/runtime/logger.js";
import { boltLogger } from "./bolt-logger.js";

/** How long the start-up `auth.test` may take before it counts as failed. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * One `auth.test` with no retries and a short timeout: the app's own client retries for half an
 * hour without a word, so start-up asks with this one and says each failure itself.
 */
export async function checkSlackApi(token: string, apiUrl: string | undefined, logger: Logger): Promise<void> {
  const client = new webApi.WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: PROBE_TIMEOUT_MS,
    logger: boltLogger(logger),
  });
  await client.auth.test();
}

/** Slack answered and refused (a revoked or wrong token): waiting would not fix it. */
export function isSlackRefusal(error: unknown): boolean {
  return (error as { code?: string }).code === webApi.ErrorCode.PlatformError;
}
