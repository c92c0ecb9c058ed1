import { createServer, type Server } from "node:http";
import { SMTPServer } from "smtp-server";
import { describe, expect, it } from "vitest";
import { SmtpEmailSender } from "../../src/notifications/smtp-email-sender.js";
import { WebhookSmsSender } from "../../src/notifications/webhook-sms-sender.js";
import { freePort } from "../helpers/free-port.js";
import { dispatcherFor, harnessWithSubmission, recordingChat } from "../helpers/notification-harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

const MINUTE = 60_000;

/** A real SMTP server on `port` that takes every mail; closed, the port refuses connections as a server that is down does. */
async function smtpServer(port: number, received: string[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received.push("mail");
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

async function smsProvider(port: number, received: string[]): Promise<Server> {
  const server = createServer((request, response) => {
    received.push(String(request.headers["idempotency-key"]));
    request.resume().on("end", () => response.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

/**
 * SMTP and the SMS webhook down for an hour (simulated: the dispatcher ticks once a simulated
 * minute, the servers are really closed): email and SMS wait with their reason recorded and are
 * retried with backoff, not every minute; once the servers are back each arrives exactly once. (The
 * chat reply does not wait for them: the engine sends it with the decision.)
 */
describe.each(TESTED_DIALECTS)("on %s: SMTP and the SMS webhook down for an hour", (dialect) => {
  it("email and SMS pending with the reason, retried, then delivered once each when the servers are back", async () => {
    const { harness, approve } = await harnessWithSubmission(["email", "sms"], { dialect });
    const [smtpPort, smsPort] = [await freePort(), await freePort()];
    const mails: string[] = [];
    const messages: string[] = [];
    const email = new SmtpEmailSender(`smtp://127.0.0.1:${smtpPort}`, "verify@example.com");
    const chat = recordingChat();
    const dispatcher = dispatcherFor(harness, {
      chat: chat.send,
      email,
      sms: new WebhookSmsSender(`http://127.0.0.1:${smsPort}/sms`, "t"),
    });
    const deliveries = () =>
      harness.rows<{ channel: string; status: string; attempts: number; failure: string | null }>(
        "select channel, status, attempts, failure from deliveries where channel in ('email', 'sms') order by channel",
      );
    let smtp: SMTPServer | undefined;
    let sms: Server | undefined;
    try {
      await approve();
      const start = new Date();
      const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
      for (let minute = 0; minute <= 60; minute++) await dispatcher.runOnce(at(minute));

      const during = await deliveries();
      for (const channel of ["email", "sms"]) {
        const delivery = during.find((d) => d.channel === channel)!;
        expect(delivery.status, channel).toBe("pending");
        expect(delivery.failure, channel).toMatch(/ECONNREFUSED/);
        expect(delivery.attempts, `${channel}: retried with backoff, not every minute`).toBeGreaterThanOrEqual(4);
        expect(delivery.attempts).toBeLessThanOrEqual(8);
      }
      expect(JSON.stringify(during)).not.toMatch(/alice@example\.com|13812348000/); // reasons carry no address

      smtp = await smtpServer(smtpPort, mails);
      sms = await smsProvider(smsPort, messages);
      for (let minute = 61; minute <= 180; minute++) await dispatcher.runOnce(at(minute));
      expect(mails).toHaveLength(1);
      expect(messages).toHaveLength(1);
      expect((await deliveries()).map((d) => [d.channel, d.status])).toEqual([
        ["email", "sent"],
        ["sms", "sent"],
      ]);
    } finally {
      email.close();
      await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
      await new Promise<void>((resolve) => (sms ? sms.close(() => resolve()) : resolve()));
      await harness.close();
    }
  }, 60_000);
});
