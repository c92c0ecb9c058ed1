import { receiverFailing, type WebhookBacklog } from "../domain/webhook-event.js";
import type { Store } from "../ports/store.js";

/**
 * Ready: the database answers and has every migration this code expects (during a rolling upgrade an
 * old schema says not yet). With a webhook receiver, its backlog is detail: a receiver that is down
 * is the platform's problem to see, not a reason to take this instance out of service.
 */
export async function readiness(store: Pick<Store, "readiness" | "webhooks">, webhookReceiver: boolean) {
  const { database, pendingMigrations } = await store.readiness();
  const ready = database === "ok" && pendingMigrations.length === 0;
  const webhooks = ready && webhookReceiver ? webhookDetail(await store.webhooks().backlog()) : undefined;
  return { ready, detail: { database, pendingMigrations, ...(webhooks ? { webhooks } : {}) } };
}

function webhookDetail(backlog: WebhookBacklog) {
  return { ...backlog, receiverFailing: receiverFailing(backlog, new Date()) };
}
