import { receiverFailing } from "../../domain/webhook-event.js";
import { type CliCommand, expectArgs, print, printError, UsageError, withStore } from "./cli-command.js";

/** Events shown by `webhooks list`: the newest, which is where an operator looks. */
const LIST_LIMIT = 100;

/**
 * `webhooks list [--failed] [--json]`: queued and delivered events, newest first (`--failed`: those
 * not delivered after a failed attempt). `webhooks replay <id>`: queue one again, for sending now.
 */
export const webhooks: CliCommand = ({ rest, json, failed }) => {
  const action = rest[0];
  if (action === "list") {
    expectArgs(rest, 1);
    return withStore(async (store, config) => {
      const outbox = store.webhooks();
      const events = await outbox.list({ failed, limit: LIST_LIMIT });
      if (json) {
        print(JSON.stringify(events));
        return 0;
      }
      const backlog = await outbox.backlog();
      if (!config.webhook) print("WEBHOOK_URL is not set: no events are queued or sent");
      print(
        `${backlog.pending} pending${backlog.failingSince ? `, failing since ${backlog.failingSince}` : ""}${receiverFailing(backlog, new Date()) ? " — RECEIVER DOWN FOR OVER A DAY" : ""}`,
      );
      for (const e of events) {
        const state = e.status === "delivered" ? `delivered ${e.deliveredAt}` : `pending, next attempt ${e.nextAttemptAt}`;
        const error = e.lastError && e.status === "pending" ? `  last error: ${e.lastError}` : "";
        print(`${e.occurredAt}  ${e.type.padEnd(29)} ${e.reference}  ${e.id}  ${e.attempts} attempt(s), ${state}${error}`);
      }
      return 0;
    });
  }
  if (action === "replay") {
    expectArgs(rest, 2);
    const id = rest[1]!;
    return withStore(async (store) => {
      if (!(await store.webhooks().replay(id, new Date()))) {
        printError(`no webhook event "${id}" (see npm run cli -- webhooks list)`);
        return 1;
      }
      print(`webhook event ${id} queued again: the running assistant sends it within seconds, with the same Idempotency-Key`);
      return 0;
    });
  }
  throw new UsageError('webhooks takes "list" or "replay <id>"');
};
