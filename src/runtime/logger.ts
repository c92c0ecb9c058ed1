import pino from "pino";

export type Logger = pino.Logger;

/**
 * Field names that may carry personal data. We never log them on purpose;
 * redaction is the safety net for the day someone does. pino's paths go one
 * level deep per wildcard, so both top-level and nested spellings are listed.
 */
const PERSONAL_FIELDS = ["name", "email", "phone", "idNumber", "legalRepName", "legalRepIdNumber", "text", "draft", "details"];
const REDACT_PATHS = [...PERSONAL_FIELDS.filter((field) => field !== "text"), ...PERSONAL_FIELDS.map((field) => `*.${field}`)];

/** Logs go to stderr: stdout belongs to the console chat. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, destination);
}

/**
 * An error as a log field without the data attached to it: SDK errors carry
 * the failed request along (a message's text, a user's name), which must not
 * reach the log. The message names the call and the platform's reason.
 */
export function errorSummary(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * An error and its causes in one line ("Network request for 'getMe' failed! ← fetch failed ← connect
 * ECONNREFUSED 127.0.0.1:9"): SDKs wrap the reason an operator needs. A Bot API token in a URL is cut out.
 */
export function failureReason(error: unknown): string {
  const reasons: string[] = [];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    reasons.push(errorSummary(current));
    const { cause, error: wrapped } = current as { cause?: unknown; error?: unknown };
    current = cause ?? wrapped;
  }
  return reasons.join(" ← ").replace(/bot\d+:[\w-]+/g, "bot<token>");
}
