import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SmtpEmailSender } from "../../src/notifications/smtp-email-sender.js";
import { dispatcherFor, harnessWithSubmission, recordingChat } from "../helpers/notification-harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

interface ReceivedMail {
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let port: number;
let received: ReceivedMail[];

beforeEach(async () => {
  received = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      // A mailbox that does not exist: the permanent 550 a real server gives.
      if (address.address.startsWith("nobody")) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterEach(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  describe("email notifications through a real SMTP server", () => {
    it("a decision reaches the user's email in their language, with the reference in the subject and no ID number", async () => {
      const { harness, reference, reject } = await harnessWithSubmission(["chat", "email"], { locale: "zh-CN", dialect });
      try {
        await reject();
        const email = new SmtpEmailSender(`smtp://127.0.0.1:${port}`, "Verification <verify@example.com>");
        const chat = recordingChat();
        await dispatcherFor(harness, { chat: chat.send, email }).runOnce();
        email.close();
        expect(received).toHaveLength(1);
        const [mail] = received;
        expect(mail!.to).toEqual(["alice@example.com"]);
        const decoded = decodeMail(mail!.raw);
        expect(decoded.subject).toBe(`[${reference}] 您的身份认证`);
        expect(decoded.text).toContain("未通过");
        expect(decoded.text).toContain("110105********002X"); // the reviewer's note had an ID number: masked
        expect(mail!.raw).not.toMatch(/11010519491231002X/);
        expect(decoded.html).toContain("<p>");
        expect(mail!.raw).toMatch(/^Message-ID: <[0-9a-f-]{36}@verification-assistant>/im);
        expect(mail!.raw).not.toMatch(/Content-Type: image/i);
        const [notification] = await harness.store.outbox().recentForUser(await aliceId(harness), 1);
        expect(notification!.deliveries.find((d) => d.channel === "email")).toMatchObject({ status: "sent", attempts: 1, failure: null });
      } finally {
        await harness.close();
      }
    });

    it("a 550 from the server is permanent: failed at once with the reason, not retried", async () => {
      const { harness, approve } = await harnessWithSubmission(["chat", "email"], { dialect });
      try {
        // The answers are sealed at rest: open, set the address the server refuses, seal again.
        const [{ id, user_id, details }] = (await harness.rows("select id, user_id, details from applications")) as [
          { id: string; user_id: string; details: string },
        ];
        const at = { table: "applications", column: "details", row: id };
        const changed = { ...JSON.parse(await harness.openSealed(details, at, user_id)), email: "nobody@example.com" };
        await harness.rows(
          "update applications set details = ? where id = ?",
          await harness.seal(JSON.stringify(changed), at, user_id),
          id,
        );
        await approve();
        const email = new SmtpEmailSender(`smtp://127.0.0.1:${port}`, "verify@example.com");
        const dispatcher = dispatcherFor(harness, { chat: recordingChat().send, email });
        await dispatcher.runOnce();
        await dispatcher.runOnce(new Date(Date.now() + 86_400_000));
        email.close();
        const [notification] = await harness.store.outbox().recentForUser(await aliceId(harness), 1);
        expect(notification!.deliveries.find((d) => d.channel === "email")).toMatchObject({
          status: "failed",
          attempts: 1,
          failure: "SMTP 550",
        });
        expect(received).toEqual([]);
      } finally {
        await harness.close();
      }
    });
  });

  async function aliceId(harness: Awaited<ReturnType<typeof harnessWithSubmission>>["harness"]): Promise<string> {
    return ((await harness.rows("select user_id from identities where platform_user_id = 'alice'"))[0] as { user_id: string }).user_id;
  }

  /** Just enough MIME decoding for the test: the encoded subject and the text and HTML parts. */
  function decodeMail(raw: string): { subject: string; text: string; html: string } {
    const unfolded = raw.replace(/\r\n[ \t]/g, " ");
    const subjectLine = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? "";
    const subject = subjectLine.replace(/=\?UTF-8\?([BQ])\?(.*?)\?=\s*/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
    const parts = raw.split(/\r\n--[^\r\n]+\r\n/).map((part) => {
      const [headers = "", ...body] = part.split("\r\n\r\n");
      const content = body.join("\r\n\r\n");
      const decoded = /Content-Transfer-Encoding: base64/i.test(headers)
        ? Buffer.from(content.replace(/\s/g, ""), "base64").toString("utf8")
        : /quoted-printable/i.test(headers)
          ? decodeQuotedPrintable(content)
          : content;
      return { headers, decoded };
    });
    const part = (type: string) => parts.find((p) => new RegExp(`Content-Type: ${type}`, "i").test(p.headers))?.decoded ?? "";
    return { subject, text: part("text/plain"), html: part("text/html") };
  }

  function decodeQuotedPrintable(text: string): string {
    const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
});
