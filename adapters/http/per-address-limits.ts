/** What one client address may take of the server: its share of the connections and a request rate. */
export interface PerAddressLimits {
  /** Connections one address may hold at once; more are closed as they arrive. */
  connectionsPerAddress: number;
  /** Requests per second one address may sustain (a token bucket refilled at this rate)… */
  requestsPerSecond: number;
  /** …and how many it may send at once before the rate applies; over it, 429. */
  requestBurst: number;
  /** Addresses the limits do not apply to: loopback health checks, and a proxy that limits per client itself. */
  exempt: readonly string[];
}

/** The loopback addresses of local health checks and orchestrators: never limited. */
export const LOOPBACK = ["127.0.0.1", "::1"] as const;

/** Buckets kept at most; past it the least recently used go (a full bucket is the same as none). */
const MAX_TRACKED = 10_000;

/**
 * Keeps one client from exhausting the server (issue 28 §4): 256 sockets held by one address used to
 * refuse every webhook and health check. Counts open connections and spends request tokens per remote
 * address; an IPv4 address seen as `::ffff:a.b.c.d` is that IPv4 address.
 */
export class AddressGuard {
  private readonly open = new Map<string, number>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly exempt: ReadonlySet<string>;

  constructor(
    private readonly limits: Readonly<PerAddressLimits>,
    private readonly now: () => number = Date.now,
  ) {
    this.exempt = new Set(limits.exempt.map(canonical));
  }

  /** A new connection from `address`: false when that address already holds its share (close it). */
  connect(address: string | undefined): boolean {
    const key = canonical(address ?? "");
    if (this.exempt.has(key)) return true;
    const held = this.open.get(key) ?? 0;
    if (held >= this.limits.connectionsPerAddress) return false;
    this.open.set(key, held + 1);
    return true;
  }

  /** A connection admitted by `connect` has closed. */
  disconnect(address: string | undefined): void {
    const key = canonical(address ?? "");
    if (this.exempt.has(key)) return;
    const held = (this.open.get(key) ?? 1) - 1;
    if (held > 0) this.open.set(key, held);
    else this.open.delete(key);
  }

  /** A request from `address`: false when it is over its rate (answer 429). */
  request(address: string | undefined): boolean {
    const key = canonical(address ?? "");
    if (this.exempt.has(key)) return true;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limits.requestBurst, at: now };
    bucket.tokens = Math.min(this.limits.requestBurst, bucket.tokens + ((now - bucket.at) / 1000) * this.limits.requestsPerSecond);
    bucket.at = now;
    this.buckets.delete(key); // re-inserted last: the map's order is least recently used first
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_TRACKED) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

function canonical(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address.toLowerCase();
}
