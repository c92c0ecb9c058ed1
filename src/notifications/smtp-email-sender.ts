import nodemailer, { type Transporter } from "nodemailer";
import { within } from "../runtime/within.js";
import { DeliveryError } from "./delivery-error.js";
import type { EmailMessage } from "./email-message.js";

export interface EmailSender {
  /** `id` becomes the Message-ID, so a retry after a crash is recognisable as the same email. */
  send(to: string, message: EmailMessage, id: string): Promise<void>;
  /** Rejects when the server cannot be reached now (start-up and `/readyz`); sends nothing. */
  checkReachable?(): Promise<void>;
}

/** How long the reachability probe may take. */
const PROBE_TIMEOUT_MS = 5_000;

/** Email through SMTP (`SMTP_URL`, e.g. smtps://user:pass@smtp.example.com:465), from `MAIL_FROM`. */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(to: string, message: EmailMessage, id: string): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.from, to, messageId: `<${id}@verification-assistant>`, ...message });
    } catch (error) {
      const { responseCode, code } = error as { responseCode?: number; code?: string };
      // 5xx is the server's final word (550 mailbox unavailable, 553 bad address); 4xx and connection trouble may pass.
      const permanent = responseCode !== undefined && responseCode >= 500 && responseCode < 600;
      throw new DeliveryError(responseCode ? `SMTP ${responseCode}` : `SMTP ${code ?? "error"}: ${(error as Error).message}`, permanent);
    }
  }

  /** Connects, greets and logs in (nodemailer's `verify`), within 5 s. */
  async checkReachable(): Promise<void> {
    await within(this.transport.verify(), PROBE_TIMEOUT_MS, "SMTP");
  }

  close(): void {
    this.transport.close();
  }
}
