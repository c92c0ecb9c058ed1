import type { Reply } from "../chat/reply.js";
import { type Channel, DELIVERY_LEASE_MS } from "../domain/delivery.js";
import type { DueDelivery } from "../domain/notification.js";
import type { ChatAddress, Platform } from "../domain/platform.js";
import type { Locale } from "../i18n/locale.js";
import { translate } from "../i18n/message.js";
import type { Outbox } from "../ports/outbox.js";
import { errorSummary, type Logger } from "../runtime/logger.js";
import { type Metrics, NO_METRICS } from "../runtime/metrics.js";
import { DeliveryError } from "./delivery-error.js";
import { emailMessage } from "./email-message.js";
import { chatReply } from "./notify.js";
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from "./retry-policy.js";
import type { SmsSender } from "./sms-sender.js";
import type { EmailSender } from "./smtp-email-sender.js";

export interface DispatcherDependencies {
  outbox: Outbox;
  /** Sends a chat message on the user's platform; throws when it could not. */
  chat: (reply: Reply & { to: ChatAddress }) => Promise<void>;
  email?: EmailSender;
  sms?: SmsSender;
  logger: Logger;
  policy?: RetryPolicy;
  random?: () => number;
  /** Most deliveries per run; the rest wait for the next. */
  batch?: number;
  /** Chat messages per second per platform (Telegram allows about 30 overall; we keep under it). */
  chatPerSecond?: Partial<Record<Platform, number>>;
  metrics?: Metrics;
}

export const DEFAULT_CHAT_PER_SECOND: Partial<Record<Platform, number>> = { telegram: 25, slack: 20 };

/**
 * Delivers what the outbox holds: each due delivery is claimed (committed)
 * before its attempt, then marked sent, retried later with backoff, or
 * failed for good. One channel's failure never affects another's.
 */
export class Dispatcher {
  private readonly policy: RetryPolicy;
  private running: Promise<number> | null = null;
  /** When each platform may take its next chat message (pacing a broadcast). */
  private readonly nextChatSlot = new Map<Platform, number>();

  constructor(private readonly deps: DispatcherDependencies) {
    this.policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  }

  /** The channels this dispatcher can deliver on. */
  get channels(): Channel[] {
    return ["chat", ...(this.deps.email ? (["email"] as const) : []), ...(this.deps.sms ? (["sms"] as const) : [])];
  }

  /** Delivers everything due at `now`; concurrent calls share one run. Returns how many attempts were made. */
  runOnce(now: Date = new Date()): Promise<number> {
    this.running ??= this.run(now).finally(() => (this.running = null));
    return this.running;
  }

  private async run(now: Date): Promise<number> {
    // A dead instance's attempts come back once its lease has run out; this instance's are never touched.
    await this.deps.outbox.recoverInterrupted(now);
    const claimed = await this.deps.outbox.claimDue(
      now,
      this.channels,
      this.deps.batch ?? 200,
      new Date(now.getTime() + DELIVERY_LEASE_MS),
    );
    for (const delivery of claimed) await this.attempt(delivery, now);
    return claimed.length;
  }

  private async attempt(delivery: DueDelivery, now: Date): Promise<void> {
    const { notificationId, channel } = delivery;
    // Only the send decides between sent and retry: a failure to record "sent" must not look like a failed send
    // (that would send it again); it leaves the attempt in progress, which a restart resolves.
    const error = await this.send(delivery).then(
      () => null,
      (failure: unknown) => failure ?? new Error("unknown failure"),
    );
    const metrics = this.deps.metrics ?? NO_METRICS;
    if (error === null) {
      metrics.delivery(channel, "sent");
      await this.deps.outbox.markSent(notificationId, channel);
      return;
    }
    const reason = error instanceof DeliveryError ? error.message : errorSummary(error);
    const permanent = error instanceof DeliveryError && error.permanent;
    const attempts = delivery.attempts + 1;
    this.deps.logger.warn({ notificationId, channel, attempts, permanent, error: reason }, "notification delivery failed");
    const givingUp = permanent || attempts >= this.policy.maxAttempts;
    metrics.delivery(channel, givingUp ? "failed" : "retry");
    if (permanent) await this.deps.outbox.markFailed(notificationId, channel, reason);
    else if (givingUp) await this.deps.outbox.markFailed(notificationId, channel, `gave up after ${attempts} attempts: ${reason}`);
    else await this.deps.outbox.markRetry(notificationId, channel, reason, nextAttemptAt(now, attempts, this.policy, this.deps.random));
  }

  /** Waits for the platform's next slot so a broadcast stays within its rate limit. */
  private async pace(platform: Platform): Promise<void> {
    const rate = (this.deps.chatPerSecond ?? DEFAULT_CHAT_PER_SECOND)[platform];
    if (!rate) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextChatSlot.get(platform) ?? 0);
    this.nextChatSlot.set(platform, slot + 1000 / rate);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  private async send({ notificationId, channel, address, locale, content }: DueDelivery): Promise<void> {
    const language = locale as Locale;
    switch (channel) {
      case "chat": {
        const separator = address.indexOf(":");
        const to = { platform: address.slice(0, separator) as Platform, chatId: address.slice(separator + 1) };
        await this.pace(to.platform);
        return this.deps.chat(chatReply(notificationId, to, language, content));
      }
      case "email":
        return this.deps.email!.send(address, emailMessage(language, content), notificationId);
      case "sms":
        return this.deps.sms!.send(address, translate(language, content.sms), `${notificationId}:sms`);
    }
  }
}
