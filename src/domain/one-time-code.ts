import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/**
 * Rules for the SMS one-time code that proves a phone number. Only a keyed
 * hash with a per-code salt is kept (in the conversation snapshot); the code
 * itself exists in the SMS alone, and without the key the hash cannot be
 * tried against the million possible codes.
 */
export const ONE_TIME_CODE_TTL_MS = 10 * 60_000;
export const ONE_TIME_CODE_MAX_WRONG_TRIES = 5;
export const ONE_TIME_CODE_RESEND_INTERVAL_MS = 60_000;

/** The 24-hour limits: codes sent to one number, codes asked for by one user, wrong codes for one number. */
export const CODE_LIMIT_WINDOW_MS = 24 * 3_600_000;
export const CODES_PER_PHONE = 5;
export const CODES_PER_USER = 10;
export const WRONG_CODES_PER_PHONE = 10;

export interface IssuedCode {
  /** The phone the code was sent to: a code proves only that number. */
  phone: string;
  salt: string;
  hash: string;
  sentAt: number;
  wrongTries: number;
}

export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function newCodeSalt(): string {
  return randomBytes(16).toString("hex");
}

/** What a code (sent or typed) is kept as: HMAC-SHA256 under the code key, salted per code, bound to the number. */
export function codeDigest(key: Buffer, salt: string, phone: string, code: string): string {
  return createHmac("sha256", key)
    .update(`code:${salt}:${phone}:${normalizeCode(code)}`)
    .digest("hex");
}

/** A phone number as the code ledger keeps it: a keyed hash, so the ledger can count without holding numbers. */
export function phoneIndex(key: Buffer, phone: string): string {
  return createHmac("sha256", key).update(`phone:${phone}`).digest("hex");
}

/** A user as the code ledger keeps them: a keyed hash of the user's id, so its rows hold nothing personal and outlive erasure. */
export function userIndex(key: Buffer, userId: string): string {
  return createHmac("sha256", key).update(`user:${userId}`).digest("hex");
}

export function normalizeCode(typed: string): string {
  return typed.normalize("NFKC").replace(/\s/g, "");
}

export type CodeCheck = "match" | "wrong" | "expired" | "exhausted" | "format";

/** `typedDigest` is `codeDigest` of the typed text under this code's salt (the engine computes it: the key is not the machine's). */
export function checkOneTimeCode(issued: IssuedCode, typed: string, now: number, typedDigest?: string): CodeCheck {
  if (issued.wrongTries >= ONE_TIME_CODE_MAX_WRONG_TRIES) return "exhausted";
  if (now - issued.sentAt > ONE_TIME_CODE_TTL_MS) return "expired";
  if (!/^\d{6}$/.test(normalizeCode(typed))) return "format";
  return typedDigest !== undefined && sameDigest(typedDigest, issued.hash) ? "match" : "wrong";
}

function sameDigest(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Milliseconds until another code may be sent; 0 when it may be sent now. */
export function resendWaitMs(issued: IssuedCode | undefined, now: number): number {
  if (!issued) return 0;
  return Math.max(0, issued.sentAt + ONE_TIME_CODE_RESEND_INTERVAL_MS - now);
}

export type CodeRefusal = { reason: "phone_limit" | "user_limit" | "locked"; until: number };

/** Whether a new code may be sent, given the last 24 hours; if not, why and until when (epoch ms). */
export function sendingRefusal(
  history: { sentToPhone: Date[]; sentByUser: Date[]; wrongForPhone: Date[] },
  now: number,
): CodeRefusal | null {
  return (
    lock(history.wrongForPhone, WRONG_CODES_PER_PHONE, "locked", now) ??
    lock(history.sentToPhone, CODES_PER_PHONE, "phone_limit", now) ??
    lock(history.sentByUser, CODES_PER_USER, "user_limit", now)
  );
}

/** After a wrong code: whether the number is now locked, and until when. */
export function lockAfterWrongCode(wrongForPhone: Date[], now: number): CodeRefusal | null {
  return lock(wrongForPhone, WRONG_CODES_PER_PHONE, "locked", now);
}

/** `limit` events within the window: refused until the oldest of the last `limit` leaves the window. */
function lock(times: Date[], limit: number, reason: CodeRefusal["reason"], now: number): CodeRefusal | null {
  const recent = times.map((time) => time.getTime()).filter((time) => time > now - CODE_LIMIT_WINDOW_MS);
  if (recent.length < limit) return null;
  return { reason, until: recent.sort((a, b) => a - b)[recent.length - limit]! + CODE_LIMIT_WINDOW_MS };
}
