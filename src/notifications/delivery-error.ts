import { AssistantError } from "../runtime/errors.js";

/**
 * A failed delivery. `permanent`: trying again cannot help (SMTP 5xx such as
 * 550 mailbox unavailable, an invalid number) — the delivery is marked failed
 * at once; otherwise it is retried with backoff.
 */
export class DeliveryError extends AssistantError {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(permanent ? "delivery_refused" : "delivery_failed", message);
  }
}
