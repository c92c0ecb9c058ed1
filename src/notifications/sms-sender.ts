import { maskPhone } from "../domain/masking.js";
import type { Logger } from "../runtime/logger.js";
import { DeliveryError } from "./delivery-error.js";

/**
 * Sends one SMS; throws a `DeliveryError` on failure. `idempotencyKey`, when
 * given, lets the provider drop a repeat of the same message (a retry after
 * a crash).
 */
export interface SmsSender {
  send(phone: string, text: string, idempotencyKey?: string): Promise<void>;
  /** Rejects when the provider cannot be reached now (start-up and `/readyz`); sends nothing. */
  checkReachable?(): Promise<void>;
}

/**
 * Development sender: nothing leaves the machine. The message goes to a sink
 * (the console chat prints it, so the one-time code can be read there) or to
 * the log, with the phone number masked.
 */
export class DevelopmentSmsSender implements SmsSender {
  constructor(
    private readonly logger: Logger,
    private readonly sink?: (maskedPhone: string, text: string) => void,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    const masked = maskPhone(phone);
    if (this.sink) this.sink(masked, text);
    else this.logger.info({ to: masked, text }, "development SMS (not sent)");
  }
}

/** No SMS provider: every send fails permanently (the phone method is not offered and SMS notifications are off). */
export const NO_SMS: SmsSender = {
  send: async () => {
    throw new DeliveryError("no SMS provider is configured (SMS_WEBHOOK_URL)", true);
  },
};
