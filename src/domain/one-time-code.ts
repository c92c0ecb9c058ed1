import { createHash, randomInt } from "node:crypto";

/**
 * Rules for the SMS one-time code that proves a phone number. Only a hash is
 * kept (in the conversation snapshot); the code itself exists in the SMS alone.
 */
export const ONE_TIME_CODE_TTL_MS = 10 * 60_000;
export const ONE_TIME_CODE_MAX_WRONG_TRIES = 5;
export const ONE_TIME_CODE_RESEND_INTERVAL_MS = 60_000;

export interface IssuedCode {
  /** The phone the code was sent to: a code proves only that number. */
  phone: string;
  hash: string;
  sentAt: number;
  wrongTries: number;
}

export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function hashOneTimeCode(code: string, phone: string): string {
  return createHash("sha256").update(`${phone}:${code}`).digest("hex");
}

export type CodeCheck = "match" | "wrong" | "expired" | "exhausted" | "format";

export function checkOneTimeCode(issued: IssuedCode, typed: string, now: number): CodeCheck {
  const code = typed.normalize("NFKC").replace(/\s/g, "");
  if (issued.wrongTries >= ONE_TIME_CODE_MAX_WRONG_TRIES) return "exhausted";
  if (now - issued.sentAt > ONE_TIME_CODE_TTL_MS) return "expired";
  if (!/^\d{6}$/.test(code)) return "format";
  return hashOneTimeCode(code, issued.phone) === issued.hash ? "match" : "wrong";
}

/** Milliseconds until another code may be sent; 0 when it may be sent now. */
export function resendWaitMs(issued: IssuedCode | undefined, now: number): number {
  if (!issued) return 0;
  return Math.max(0, issued.sentAt + ONE_TIME_CODE_RESEND_INTERVAL_MS - now);
}
