import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AssistantProcess, testEnv } from "../helpers/child-process.js";
import { freePort } from "../helpers/free-port.js";
import { startWebhookReceiver } from "../helpers/webhook-receiver.js";

const TOKEN = "test-token-0123456789abcdef";
const SECRET = "webhook-secret-0123456789abcdef";

/** The walk-through of docs/integration.md › The reviewer desk in the console, as `npm start` runs it. */
describe("the reviewer desk end to end in the console", () => {
  it("submit, /queue, Take next, approve, a second reviewer confirms; the webhook arrives and the API says approved", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assistant-desk-"));
    const receiver = await startWebhookReceiver(SECRET);
    const port = await freePort();
    const assistant = new AssistantProcess(
      testEnv(dir, {
        API_TOKENS: TOKEN,
        PORT: String(port),
        WEBHOOK_URL: receiver.url,
        WEBHOOK_SECRET: SECRET,
        CONSOLE_REVIEWER_IDS: "rita,rob",
        FOUR_EYES: "all",
      }),
    );
    try {
      await assistant.waitForStderr(/console chat ready/);
      const say = async (line: string, expected: RegExp) => {
        const from = assistant.stdout.length;
        assistant.write(line);
        return (await assistant.waitFor(expected, from))[0];
      };
      const tap = async (label: string, expected: RegExp) => {
        const from = assistant.stdout.length;
        await assistant.press(label);
        return (await assistant.waitFor(expected, from))[0];
      };
      await say("/start", /What would you like to do\?/);
      await tap("Start verification", /full name/);
      await say("Zhang San", /email/);
      await say("zhang.san@example.com", /mobile phone/);
      await say("13812348000", /verification method/);
      const code = (await tap("Phone", /sms → .*\b(\d{6})\b/)).match(/\b(\d{6})\b/)![1]!;
      await say(code, /Please check your application[\s\S]*\[\d+\] Submit \(I agree\)/);
      const reference = (await tap("Submit (I agree)", /Your reference is [A-Z0-9]{4}-[A-Z0-9]{4}/)).match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];

      assistant.write("/as rita"); // switching user prints nothing
      await say("/queue", new RegExp(`Waiting for review: 1[\\s\\S]*${reference}[\\s\\S]*\\[\\d+\\] Take next`));
      await tap("Take next", new RegExp(`You took ${reference}, claimed until`));
      // Approving what was not seen is refused; opened privately, it is recorded.
      await tap("Approve", /Open it first: you haven't opened/);
      await tap("Open privately", new RegExp(`Details of ${reference}`));
      await tap("Approve", new RegExp(`First approval of ${reference} recorded`));
      assistant.write("/as rob");
      await tap("Open privately", new RegExp(`Details of ${reference}`));
      await tap("Confirm approval", /bot → alice:[\s\S]*approved/); // rob's card now asks for the second approval

      // The webhook arrives, signed, and the API says approved.
      for (let tries = 0; receiver.accepted().length < 2; tries++) {
        if (tries > 200) throw new Error(`webhooks not received: ${JSON.stringify(receiver.receipts)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(receiver.accepted().map((r) => r.type)).toEqual(["application.submitted", "application.approved"]);
      const api = await fetch(`http://127.0.0.1:${port}/api/v1/applications/${reference}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(await api.json()).toMatchObject({ reference, status: "approved", platform: "console", user: "alice" });
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404); // beside the API: only with METRICS_TOKEN
    } finally {
      await assistant.kill("SIGTERM");
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
