import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import { createHarness, type Harness, submitWithPhone } from "../helpers/harness.js";
import { reviewStore } from "../helpers/review-store.js";

let harness: Harness;
let reviews: ReturnType<typeof reviewStore>;
beforeEach(async () => {
  harness = await createHarness();
  reviews = reviewStore(harness.store);
});
afterEach(() => harness.close());

/** Submits an application (phone method: no photos) and returns its reference. */
const submit = (user: string) => submitWithPhone(harness, user);

const at = new Date("2026-11-24T03:00:00Z");

describe("review store", () => {
  it("of two decisions at once, applies exactly one and tells the other who decided what and when", async () => {
    const reference = await submit("alice");
    const [approve, reject] = await Promise.all([
      reviews.changeApplication({ reference, event: { type: "review.approve" }, actor: "reviewer:console:r1", at }),
      reviews.changeApplication({
        reference,
        event: { type: "review.reject" },
        actor: "reviewer:console:r2",
        at,
        reasons: ["document_unclear"],
      }),
    ]);
    expect([approve.ok, reject.ok]).toEqual([true, false]);
    expect(reject).toEqual({
      ok: false,
      problem: "not_allowed",
      status: "approved",
      lastChange: { actor: "reviewer:console:r1", at: at.toISOString() },
    });
    const record = await findUserRecord(harness.store, "console", "alice", "2026-11-24");
    expect(record).toMatchObject({ verified: true, application: { status: "approved" } });
  });

  it("applies exactly one decision when two processes decide at the same instant", async () => {
    const reference = await submit("bob");
    const startAt = Date.now() + 1500;
    const decide = (event: string, actor: string) =>
      new Promise<{ ok: boolean; status?: string }>((resolve, reject) => {
        const child = spawn(join("node_modules", ".bin", "tsx"), [
          join("test", "helpers", "decide-in-another-process.ts"),
          join(harness.dir, "assistant.db"),
          reference,
          event,
          actor,
          String(startAt),
        ]);
        let out = "";
        child.stdout.on("data", (chunk) => (out += chunk));
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exit ${code}`))));
      });
    const results = await Promise.all([decide("review.approve", "reviewer:telegram:1"), decide("review.reject", "reviewer:slack:U2")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const trail = await reviews.auditTrail(reference);
    expect(trail!.map((entry) => entry.to)).toHaveLength(2); // submitted + exactly one decision
  }, 30_000);

  it("refuses a decision on one's own application", async () => {
    const reference = await submit("carol");
    const result = await reviews.changeApplication({
      reference,
      event: { type: "review.approve" },
      actor: "reviewer:console:carol",
      actorIdentity: { platform: "console", userId: "carol" },
      at,
    });
    expect(result).toEqual({ ok: false, problem: "own_application" });
  });

  it("keeps an audit trail of every change: actor, platform, time, from → to, reasons, note", async () => {
    const reference = await submit("dave");
    await reviews.changeApplication({
      reference,
      event: { type: "review.reject" },
      actor: "reviewer:console:reviewer",
      actorIdentity: { platform: "console", userId: "reviewer" },
      at,
      reasons: ["details_mismatch", "document_unclear"],
      note: "The name on the card is 张山",
    });
    expect(await reviews.auditTrail(reference)).toEqual([
      {
        at: "2026-11-23T02:00:00.000Z",
        actor: "user:console:dave",
        platform: "console",
        from: "draft",
        to: "submitted",
        reason: null,
        note: null,
      },
      {
        at: at.toISOString(),
        actor: "reviewer:console:reviewer",
        platform: "console",
        from: "submitted",
        to: "rejected",
        reason: "details_mismatch,document_unclear",
        note: "The name on the card is 张山",
      },
    ]);
    expect(await reviews.auditTrail("ZZZZ-ZZZZ")).toBeNull();
    expect((await findUserRecord(harness.store, "console", "dave", "2026-11-24"))?.application?.reasons).toEqual([
      "details_mismatch",
      "document_unclear",
    ]);
  });

  it("lists applications waiting for review, oldest first, flagging the overdue", async () => {
    harness.setNow(new Date("2026-11-20T02:00:00Z")); // a Friday: due Wednesday 25th
    const older = await submit("erin");
    harness.setNow(new Date("2026-11-23T02:00:00Z"));
    const newer = await submit("frank");
    const decided = await submit("grace");
    await reviews.changeApplication({ reference: decided, event: { type: "review.approve" }, actor: "reviewer:console:r", at });
    const queue = await reviews.awaitingReview("2026-11-26");
    expect(queue.map((entry) => [entry.reference, entry.expectedBy, entry.overdue])).toEqual([
      [older, "2026-11-25", true],
      [newer, "2026-11-26", false],
    ]);
  });

  it("disables an account, which then can't start a verification", async () => {
    await harness.chat("heidi").text("hello");
    expect(await reviews.setAccountStatus("console", "heidi", "disabled")).toBe(true);
    expect(await reviews.setAccountStatus("console", "nobody", "disabled")).toBe(false);
    expect((await findUserRecord(harness.store, "console", "heidi", "2026-11-24"))?.account).toBe("disabled");
  });
});
