export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/**
 * When to try again after the `attempts`-th failure: exponential backoff
 * (base, 2×, 4× … capped) with ±20 % jitter, so deliveries that failed
 * together (a provider outage) don't all retry in the same second.
 */
export function nextAttemptAt(now: Date, attempts: number, policy: RetryPolicy, random: () => number = Math.random): Date {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jitter = 1 + (random() * 2 - 1) * 0.2;
  return new Date(now.getTime() + Math.round(exponential * jitter));
}
