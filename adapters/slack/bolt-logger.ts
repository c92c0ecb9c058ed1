import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../src/runtime/logger.js";

/**
 * Bolt's log lines into our pino log, warnings and errors only: Bolt's debug
 * and info output can quote incoming payloads (messages, names), which must
 * not reach the log. Each line is cut short for the same reason.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const line = (parts: unknown[]) =>
    parts
      .map((part) => (part instanceof Error ? part.message : String(part)))
      .join(" ")
      .slice(0, 300);
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts) => logger.warn({ platform: "slack" }, line(parts)),
    error: (...parts) => logger.error({ platform: "slack" }, line(parts)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}
