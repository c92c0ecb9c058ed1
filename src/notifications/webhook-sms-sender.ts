import { connect } from "node:net";
import { failureReason } from "../runtime/logger.js";
import { within } from "../runtime/within.js";
import { DeliveryError } from "./delivery-error.js";
import type { SmsSender } from "./sms-sender.js";

/** How long the reachability probe waits for a connection. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * SMS through an HTTP webhook (`SMS_WEBHOOK_URL`): POST of
 * `{"to","text","id"}` as JSON with `Authorization: Bearer <SMS_WEBHOOK_TOKEN>`
 * and `Idempotency-Key`. 2xx: sent. 4xx other than 408/429: the provider
 * refuses the message for good (an invalid number). Anything else, including
 * no answer within 10 s: try again later.
 */
export class WebhookSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async send(phone: string, text: string, idempotencyKey?: string): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${this.token}`,
          ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
        },
        body: JSON.stringify({ to: phone, text, ...(idempotencyKey ? { id: idempotencyKey } : {}) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new DeliveryError(`SMS webhook unreachable: ${failureReason(error)}`, false);
    }
    await response.body?.cancel();
    if (response.ok) return;
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    throw new DeliveryError(`SMS webhook answered HTTP ${response.status}`, permanent);
  }

  /** A TCP connection to the webhook's host and port: a request would cost an SMS, or need the provider's test mode. */
  async checkReachable(): Promise<void> {
    const url = new URL(this.url);
    const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ""), port });
    try {
      await within(
        new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject)),
        PROBE_TIMEOUT_MS,
        "SMS webhook",
      );
    } finally {
      socket.destroy();
    }
  }
}
