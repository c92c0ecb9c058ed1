import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/chat/reply.js";
import { SmtpEmailSender } from "../../src/notifications/smtp-email-sender.js";
import { createHarness, type Harness, keys, registerForIdCard } from "../helpers/harness.js";

// Issue 28 §15: export and erase need a fresh proof of who asks — a one-time code sent to the registered
// phone or email, typed back in the chat — wherever an SMS or email channel is configured.
const CODE = "482915";
const fileOf = (replies: Reply[]) => replies.find((reply) => reply.file)?.file;
const texts = (replies: Reply[]) => JSON.stringify(replies);

describe("a fresh proof before export and erasure", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({ newCode: () => CODE });
    await registerForIdCard(harness.chat("alice")); // registered phone 138 1234 8000, email zhang.san@example.com
  });
  afterAll(() => harness.close());

  it("by SMS: the code goes to the registered phone, never to the chat; a wrong code exports nothing, the right one does", async () => {
    const alice = harness.chat("alice");
    const asked = await alice.press("privacy.export");
    expect(keys(asked)).toEqual(["privacy.proof.sent.export", "privacy.proof.prompt"]);
    expect(harness.sms.at(-1)).toMatchObject({ phone: "+8613812348000" });
    expect(harness.sms.at(-1)!.text).toContain(CODE);
    expect(texts(asked)).not.toContain(CODE);
    expect(asked[0]!.body[0]!.params?.to).toBe("+86 138****8000"); // masked
    // "Didn't get it" is no wrong code: what to do, and the code still works after it.
    expect(keys(await alice.text("验证码没收到"))).toEqual(["privacy.proof.notReceived", "privacy.proof.prompt"]);
    const wrong = await alice.text("000000");
    expect(keys(wrong)).toContain("otp.wrong");
    expect(fileOf(wrong)).toBeUndefined();
    const right = await alice.text(CODE);
    expect(fileOf(right)?.name).toMatch(/^my-data-.*\.json$/);
    // The code is spent: typed again, it is just text.
    expect(fileOf(await alice.text(CODE))).toBeUndefined();
  });

  it("Cancel exports and erases nothing; erasure asks its own code, then still asks to confirm", async () => {
    const alice = harness.chat("alice");
    await alice.press("privacy.export");
    expect(keys(await alice.press("privacy.proof.cancel"))).toContain("privacy.proof.cancelled");
    expect(fileOf(await alice.text(CODE))).toBeUndefined();
    expect(keys(await alice.press("privacy.erase"))).toEqual(["privacy.proof.sent.erase", "privacy.proof.prompt"]);
    expect(keys(await alice.text(CODE))).toEqual(["privacy.erase.confirm"]);
    expect(keys(await alice.press("privacy.erase.confirm"))).toContain("privacy.erased");
  });
});

describe("by email, where SMS cannot be sent", () => {
  let smtp: SMTPServer;
  const mails: Array<{ to: string[]; raw: string }> = [];
  let harness: Harness;
  let email: SmtpEmailSender;
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    email = new SmtpEmailSender(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, "Verify <verify@example.com>");
    harness = await createHarness({ newCode: () => CODE, smsAvailable: false, email, notifyChannels: ["chat", "email"] });
  });
  afterAll(async () => {
    email.close();
    await harness.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("the code is emailed to the registered address (a real SMTP server); typed back, the export follows", async () => {
    const alice = harness.chat("alice");
    await registerForIdCard(alice);
    const asked = await alice.press("privacy.export");
    expect(asked[0]!.body[0]!.params?.to).toBe("z***n@example.com");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(["zhang.san@example.com"]);
    expect(mails[0]!.raw).toContain(CODE);
    expect(harness.sms).toEqual([]);
    expect(fileOf(await alice.text(CODE))?.name).toMatch(/^my-data-/);
  });
});

describe("with neither SMS nor email configured", () => {
  it("the chat account is all there is to prove: export and the erase confirmation come at once", async () => {
    const harness = await createHarness({ smsAvailable: false });
    try {
      const bob = harness.chat("bob");
      await registerForIdCard(bob);
      expect(fileOf(await bob.press("privacy.export"))).toBeDefined();
      expect(keys(await bob.press("privacy.erase"))).toEqual(["privacy.erase.confirm"]);
    } finally {
      await harness.close();
    }
  });
});
