import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, testEnv } from "../helpers/child-process.js";
import { createHarness, submitWithPhone } from "../helpers/harness.js";
import { reviewStore } from "../helpers/review-store.js";

let dir: string;
let env: NodeJS.ProcessEnv;
const references: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "assistant-review-cli-"));
  env = testEnv(dir);
  const harness = await createHarness({ dir });
  for (const [user, day] of [
    ["alice", "2026-11-16"],
    ["bob", "2026-11-18"],
  ] as const) {
    harness.setNow(new Date(`${day}T02:00:00Z`));
    references.push(await submitWithPhone(harness, user));
  }
  await reviewStore(harness.store).changeApplication({
    reference: references[1]!,
    event: { type: "review.reject" },
    actor: "reviewer:console:reviewer",
    actorIdentity: { platform: "console", userId: "reviewer" },
    at: new Date("2026-11-19T03:00:00Z"),
    reasons: ["document_unclear"],
    note: "too dark",
  });
  await harness.chat("carol").text("/start");
  await harness.chat("carol").text("帮我订一张机票");
  await harness.chat("carol").press("support");
  await harness.close(false);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("review CLI", () => {
  it("review list --json: what waits for review, oldest first, with age, SLA state and who holds it", () => {
    const result = runCli(["review", "list", "--json"], env);
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout);
    expect(entries).toEqual([
      {
        reference: references[0],
        method: "phone",
        status: "submitted",
        submittedAt: "2026-11-16T02:00:00.000Z",
        expectedBy: "2026-11-19",
        overdue: true,
        sla: "overdue",
        claim: null,
        firstApproval: null,
        waitingHours: expect.any(Number),
      },
    ]);
    expect(entries[0].waitingHours).toBeGreaterThan(24 * 7);
  });

  it("audit --json: every change with actor, platform, time, from → to, reasons and note; accepts a sloppily typed reference", () => {
    const typed = references[1]!.toLowerCase().replace("-", " ");
    const result = runCli(["audit", typed, "--json"], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      reference: references[1],
      entries: [
        {
          at: "2026-11-18T02:00:00.000Z",
          actor: "user:console:bob",
          platform: "console",
          from: "draft",
          to: "submitted",
          reason: null,
          note: null,
        },
        {
          at: "2026-11-19T03:00:00.000Z",
          actor: "reviewer:console:reviewer",
          platform: "console",
          from: "submitted",
          to: "rejected",
          reason: "document_unclear",
          note: "too dark",
        },
      ],
    });
    expect(runCli(["audit", "ZZZZ-ZZZZ"], env).code).toBe(1);
    expect(runCli(["audit", "not-a-code"], env).code).toBe(2);
  });

  it("support list --json: requests for a person with the unanswered question, newest first", () => {
    const result = runCli(["support", "list", "--json"], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        reference: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
        platform: "console",
        user: "carol",
        question: "帮我订一张机票",
        createdAt: expect.any(String),
        answeredAt: null,
      },
    ]);
  });

  it("support reply: the answer is queued for the user's chat and the request is marked answered; exit 1 for an unknown reference", () => {
    const [request] = JSON.parse(runCli(["support", "list", "--json"], env).stdout);
    const result = runCli(["support", "reply", request.reference, "我们不提供订票服务。", "--json"], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ reference: request.reference, outcome: "sent", channels: ["chat"] });
    expect(JSON.parse(runCli(["support", "list", "--json"], env).stdout)[0].answeredAt).toEqual(expect.any(String));
    expect(runCli(["support", "list"], env).stdout).toContain(`${request.reference}`);
    const { notifications } = JSON.parse(runCli(["notifications", "console", "carol", "--json"], env).stdout);
    expect(notifications.map((n: { kind: string }) => n.kind)).toContain("support");
    expect(runCli(["support", "reply", "ZZZZ-ZZZZ", "hello"], env).code).toBe(1);
    expect(runCli(["support", "reply", request.reference, "   "], env).code).toBe(2);
  });

  it("account sets the status, which status --json then shows", () => {
    expect(runCli(["account", "console", "alice", "disabled"], env).code).toBe(0);
    expect(JSON.parse(runCli(["status", "console", "alice", "--json"], env).stdout).account).toBe("disabled");
    expect(runCli(["account", "console", "alice", "active"], env).code).toBe(0);
    expect(runCli(["account", "console", "nobody", "disabled"], env).code).toBe(1);
    expect(runCli(["account", "console", "alice", "frozen"], env).code).toBe(2);
  });
});
