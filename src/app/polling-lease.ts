import { randomUUID } from "node:crypto";
import type { Leases } from "../ports/leases.js";
import { AssistantError } from "../runtime/errors.js";
import { errorSummary, type Logger } from "../runtime/logger.js";

const NAME = "telegram-long-polling";
/** A dead instance's hold lasts at most this long; a live one renews it three times as often. */
const LEASE_MS = 60_000;
const RENEW_MS = LEASE_MS / 3;

/**
 * Only one instance may long-poll a bot: Telegram answers a second `getUpdates` with 409 and the two
 * fight over the updates. The first instance holds a lease in the shared store while it polls; a
 * second one is refused at start, naming the way to run several (webhooks).
 */
export async function holdPollingLease(leases: Leases, logger: Logger): Promise<{ release(): Promise<void> }> {
  const holder = randomUUID();
  const take = () => leases.take(NAME, holder, new Date(Date.now() + LEASE_MS), new Date());
  if (!(await take())) {
    throw new AssistantError(
      "polling_taken",
      "another instance is already long-polling Telegram with this bot; only one may. To run several instances, use webhook mode (set TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET). If no other instance runs, one that crashed holds it for at most a minute: start again then",
    );
  }
  const timer = setInterval(() => {
    take().then(
      (held) => held || logger.error({ platform: "telegram" }, "the long-polling lease was taken by another instance"),
      (error: unknown) => logger.warn({ platform: "telegram", error: errorSummary(error) }, "the long-polling lease could not be renewed"),
    );
  }, RENEW_MS);
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      await leases.release(NAME, holder).catch(() => undefined);
    },
  };
}
