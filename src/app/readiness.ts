import { receiverFailing, type WebhookBacklog } from "../domain/webhook-event.js";
import type { Store } from "../ports/store.js";
import type { Dependencies } from "../runtime/dependencies.js";

/**
 * Ready: started (its database and chat platforms reached), the database answers and has every
 * migration this code expects (during a rolling upgrade an old schema says not yet). Detail: each
 * dependency as last tried — an email or SMS provider out of reach is said but does not take the
 * instance out of service (its messages wait in the outbox) — and, with a webhook receiver, its
 * backlog: a receiver that is down is the platform's problem to see.
 *
 * `store` is undefined while the instance is still starting.
 */
export async function readiness(
  store: Pick<Store, "readiness" | "webhooks"> | undefined,
  webhookReceiver: boolean,
  dependencies: Dependencies,
) {
  if (!store) return { ready: false, detail: { starting: true, dependencies: dependencies.snapshot() } };
  const { database, pendingMigrations } = await store.readiness();
  const ready = database === "ok" && pendingMigrations.length === 0;
  const webhooks = ready && webhookReceiver ? webhookDetail(await store.webhooks().backlog()) : undefined;
  return { ready, detail: { database, pendingMigrations, ...(webhooks ? { webhooks } : {}), dependencies: dependencies.snapshot() } };
}

function webhookDetail(backlog: WebhookBacklog) {
  return { ...backlog, receiverFailing: receiverFailing(backlog, new Date()) };
}
