/** Uploads one user may have checked in a window (photo checks cost CPU and memory). */
export const UPLOADS_PER_WINDOW = 10;
export const UPLOAD_WINDOW_MS = 10 * 60_000;
/** Past this many users tracked, expired entries are dropped (the map never grows without bound). */
const PRUNE_ABOVE = 10_000;

/**
 * A sliding window of upload times per user, in this process's memory: a
 * limit against abuse, not a record, so a restart may forget it.
 */
export class UploadRate {
  private readonly uploads = new Map<string, number[]>();

  /** Counts an upload at `now` if allowed; otherwise how long until one is. */
  take(user: string, now: number): { allowed: true } | { allowed: false; waitMs: number } {
    const recent = (this.uploads.get(user) ?? []).filter((time) => time > now - UPLOAD_WINDOW_MS);
    if (recent.length >= UPLOADS_PER_WINDOW) {
      this.uploads.set(user, recent);
      return { allowed: false, waitMs: recent[0]! + UPLOAD_WINDOW_MS - now };
    }
    recent.push(now);
    this.uploads.set(user, recent);
    if (this.uploads.size > PRUNE_ABOVE) this.prune(now);
    return { allowed: true };
  }

  private prune(now: number): void {
    for (const [user, times] of this.uploads) if (times.every((time) => time <= now - UPLOAD_WINDOW_MS)) this.uploads.delete(user);
  }
}
