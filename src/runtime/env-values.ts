import { isIP } from "node:net";
import { ConfigError } from "./errors.js";

/**
 * Typed values read from the environment: trimmed, an empty variable counted as unset, and anything
 * that does not parse refused with a `ConfigError` naming the variable and what it takes.
 */
export type Env = Record<string, string | undefined>;

export function url(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  // Never echoed: a URL may carry credentials (user:password@, a token in the query).
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) throw new ConfigError(name, "must be an http(s) URL");
  return raw;
}

/**
 * A URL personal data or secrets travel to (webhooks, the SMS provider): `https://`, or plain `http://` only
 * to a loopback address (a sidecar on this machine) — unless `ALLOW_INSECURE_URLS=true`, said at start.
 */
export function secureUrl(env: Env, name: string): string | undefined {
  const raw = url(env, name);
  if (raw === undefined || allowInsecureUrls(env)) return raw;
  const { protocol, hostname } = new URL(raw);
  if (protocol === "https:" || LOOPBACK.test(hostname)) return raw;
  throw new ConfigError(name, "must use https:// (plain http:// only to a loopback address, or with ALLOW_INSECURE_URLS=true)");
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** `ALLOW_INSECURE_URLS=true`: plain-http webhook and SMS URLs accepted (a test network); warned about at start. */
export function allowInsecureUrls(env: Env): boolean {
  return oneOf(env, "ALLOW_INSECURE_URLS", ["true", "false"] as const, "false") === "true";
}

export function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

export function list(env: Env, name: string): string[] | undefined {
  const raw = value(env, name);
  return raw
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A comma-separated list of IP addresses (names are not resolved: the list must say what it trusts). */
export function addresses(env: Env, name: string): string[] {
  const entries = list(env, name) ?? [];
  if (entries.some((entry) => isIP(entry) === 0)) throw new ConfigError(name, "must list IP addresses, comma-separated");
  return entries;
}

export function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(", ")}, got "${raw}"`);
  }
  return raw as T;
}

export function number(env: Env, name: string, fallback: number, limits: { min?: number; max?: number; integer?: boolean }): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  const valid =
    raw !== "" &&
    Number.isFinite(parsed) &&
    (!limits.integer || Number.isInteger(parsed)) &&
    (limits.min === undefined || parsed >= limits.min) &&
    (limits.max === undefined || parsed <= limits.max);
  if (!valid) {
    const range = [limits.min !== undefined ? `≥ ${limits.min}` : "", limits.max !== undefined ? `≤ ${limits.max}` : ""]
      .filter(Boolean)
      .join(" and ");
    throw new ConfigError(name, `must be ${limits.integer ? "a whole number" : "a number"}${range ? ` ${range}` : ""}, got "${raw}"`);
  }
  return parsed;
}
