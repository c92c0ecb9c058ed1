import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeMaintenance } from "../../db/maintenance-settings.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { runCli, testEnv } from "../helpers/child-process.js";
import { createHarness, sendPhoneApplication, submitWithPhone } from "../helpers/harness.js";

let dir: string;
let env: NodeJS.ProcessEnv;
let reference: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "notification-cli-"));
  const harness = await createHarness({ dir, reviewers: consoleReviewers(["rita"]), now: new Date(), notifyChannels: ["chat", "sms"] });
  reference = await submitWithPhone(harness, "alice");
  await harness.chat("rita").press(`rv.ok.${reference}`);
  await writeMaintenance(harness.db, { until: "2099-01-01T00:00:00Z", note: {} });
  await sendPhoneApplication(harness, "bob"); // during maintenance: held
  await writeMaintenance(harness.db, null);
  await harness.close();
  env = testEnv(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("notification commands", () => {
  it("notifications --json: the user's notifications with each channel's delivery state", () => {
    const { code, stdout } = runCli(["notifications", "console", "alice", "--json"], env);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ platform: "console", user: "alice" });
    expect(result.notifications).toHaveLength(1);
    expect(result.notifications[0]).toMatchObject({
      kind: "decision",
      reference,
      deliveries: [
        { channel: "chat", status: "pending", attempts: 1, failure: null },
        { channel: "sms", status: "pending", attempts: 0, lastAttemptAt: null, failure: null },
      ],
    });
    expect(runCli(["notifications", "console", "nobody"], env).code).toBe(1);
  });

  it("announce queues for everyone who chatted recently and reports the count; without texts it is a usage error", () => {
    const { code, stdout, stderr } = runCli(["announce", "--zh", "今晚维护", "--en", "Maintenance tonight", "--no-wait"], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/announcement ann-\w+: queued for 2 user\(s\); 2 recipient\(s\) in all/);
    expect(stderr).toMatch(/\[#+\] 2\/2 users/);
    expect(runCli(["announce", "--zh", "只有中文"], env).code).toBe(2);
  });

  it("maintenance on / status / off, and a missing or past --until is a usage error", () => {
    expect(runCli(["maintenance", "on"], env).code).toBe(2);
    expect(runCli(["maintenance", "on", "--until", "2001-01-01T00:00:00Z"], env).code).toBe(2);
    const on = runCli(["maintenance", "on", "--until", "2099-01-01T00:00:00Z", "--en", "Upgrading"], env);
    expect(on.code).toBe(0);
    expect(runCli(["maintenance", "status"], env).stdout).toBe("maintenance on until 2099-01-01T00:00:00.000Z\n");
    expect(runCli(["maintenance", "off"], env).code).toBe(0);
    expect(runCli(["maintenance", "status"], env).stdout).toBe("maintenance off\n");
    // A submission held while it was on waits for the assistant's next tick: the operator sees it held.
    const held = runCli(["status", "console", "bob"], env).stdout;
    expect(held).toContain("no submitted application");
    expect(held).toMatch(/submission held for maintenance since \d{4}-\d\d-\d\dT[\d:.]+Z \(phone\): submitted when it ends/);
  });
});
