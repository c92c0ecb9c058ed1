import { failureReason, type Logger } from "./logger.js";

/** What the assistant talks to beyond its own process, as `/readyz` and the log name them. */
export type DependencyName = "database" | "telegram" | "slack" | "smtp" | "sms";

/** What an operator reads when one cannot be reached: which one, and what to check. */
const UNREACHABLE: Record<DependencyName, string> = {
  database: "PostgreSQL cannot be reached (check DATABASE_URL and that the server is up)",
  telegram: "the Telegram Bot API cannot be reached (check TELEGRAM_API_ROOT and the network)",
  slack: "Slack's Web API cannot be reached (check SLACK_API_URL and the network)",
  smtp: "the SMTP server cannot be reached (check SMTP_URL); emails wait in the outbox and are retried",
  sms: "the SMS webhook cannot be reached (check SMS_WEBHOOK_URL); SMS wait in the outbox and are retried",
};

export interface DependencyState {
  reachable: boolean;
  /** When it became (un)reachable, ISO 8601. */
  since: string;
  /** Why the last attempt failed: an error code or message, never a URL with its credentials. */
  error?: string;
}

/** Waits between start-up attempts: 1 s, doubling to a minute. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/**
 * Whether each dependency answered when last tried, for `/readyz` and the log: a change is said
 * once (unreachable as an error, reachable again as info), a start-up retry at every attempt.
 */
export class Dependencies {
  private readonly states = new Map<DependencyName, DependencyState>();

  constructor(
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  reachable(name: DependencyName): void {
    const before = this.states.get(name);
    if (before?.reachable) return;
    this.states.set(name, { reachable: true, since: this.now().toISOString() });
    if (before) this.logger.info({ dependency: name }, `${name} is reachable again`);
  }

  unreachable(name: DependencyName, error: unknown, retry?: { attempt: number; retryInMs: number }): void {
    const before = this.states.get(name);
    const since = before && !before.reachable ? before.since : this.now().toISOString();
    const reason = failureReason(error);
    this.states.set(name, { reachable: false, since, error: reason });
    if (retry) this.logger.error({ dependency: name, ...retry, error: reason }, `${UNREACHABLE[name]}; retrying`);
    else if (!before || before.reachable) this.logger.error({ dependency: name, error: reason }, UNREACHABLE[name]);
  }

  /** Every dependency tried so far, by name. */
  snapshot(): Partial<Record<DependencyName, DependencyState>> {
    return Object.fromEntries(this.states);
  }

  /** Tries `attempt` until it succeeds, saying each failure; an error `isFinal` calls final (a refused token) ends the wait at once. */
  async retryUntilReachable<T>(name: DependencyName, attempt: () => Promise<T>, isFinal: (error: unknown) => boolean): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        const result = await attempt();
        this.reachable(name);
        return result;
      } catch (error) {
        if (isFinal(error)) throw error;
        const retryInMs = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (tries - 1));
        this.unreachable(name, error, { attempt: tries, retryInMs });
        await new Promise((resolve) => setTimeout(resolve, retryInMs));
      }
    }
  }
}
