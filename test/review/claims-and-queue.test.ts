import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/chat/reply.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, keys, readable, submitWithPhone } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

const MINUTE = 60_000;

describe.each(TESTED_DIALECTS)("claims and the reviewer queue on %s", (dialect) => {
  let harness: Harness;
  let start: Date;
  beforeEach(async () => {
    start = new Date("2026-11-23T02:00:00Z");
    harness = await createHarness({
      dialect,
      now: start,
      reviewers: consoleReviewers(["rita", "rob", "sam"]),
      review: { fourEyes: "enterprise", claimMinutes: 30, requireOpenBeforeApproval: false },
    });
  });
  afterEach(() => harness.close());

  const statusOf = async (reference: string) => (await harness.store.transaction((tx) => tx.loadApplication(reference)))?.status;
  const cardFor = (replies: Reply[], reviewer: string) => replies.find((reply) => reply.to?.chatId === reviewer && reply.card);
  const at = (minutes: number) => harness.setNow(new Date(start.getTime() + minutes * MINUTE));

  it("a claim holds others' decisions off, naming the holder; the holder releases it and anyone may decide", async () => {
    const reference = await submitWithPhone(harness, "alice");
    const claimed = await harness.chat("rita").press(`rv.cl.${reference}`);
    expect(keys(claimed)).toContain("review.claim.taken");
    const robsCard = cardFor(claimed, "rob")!;
    expect(readable([robsCard])).toMatch(/In review by rita until Mon 23 Nov, 10:30 UTC\+8/);
    expect(robsCard.choices?.map((choice) => choice.id)).toContain(`rv.rl.${reference}`);

    at(10);
    const refused = await harness.chat("rob").press(`rv.ok.${reference}`);
    expect(readable(refused)).toMatch(/in review by rita until Mon 23 Nov, 10:30 UTC\+8: your action was not recorded/);
    expect(await statusOf(reference)).toBe("submitted");
    expect(keys(await harness.chat("rob").press(`rv.rl.${reference}`))).toEqual(["review.claimedBy"]); // only the holder releases

    const released = await harness.chat("rita").press(`rv.rl.${reference}`);
    expect(keys(released)).toContain("review.claim.released");
    expect(readable([cardFor(released, "rob")!])).not.toMatch(/In review by/);
    await harness.chat("rob").press(`rv.ok.${reference}`);
    expect(await statusOf(reference)).toBe("approved");
    const reasons = (await harness.auditOf(reference)).map((entry) => [entry.actor, entry.reason]);
    expect(reasons).toContainEqual(["reviewer:console:rita", "claimed"]);
    expect(reasons).toContainEqual(["reviewer:console:rob", "refused:claimed"]);
    expect(reasons).toContainEqual(["reviewer:console:rita", "claim_released"]);
  });

  it("after the lease anyone may take it over (audited), and the claim's own decisions go through", async () => {
    const reference = await submitWithPhone(harness, "alice");
    await harness.chat("rita").press(`rv.cl.${reference}`);
    at(29);
    expect(keys(await harness.chat("rob").press(`rv.cl.${reference}`))).toEqual(["review.claimedBy"]);
    at(31);
    expect(keys(await harness.chat("rob").press(`rv.cl.${reference}`))).toContain("review.claim.taken");
    expect(keys(await harness.chat("rita").press(`rv.ok.${reference}`))).toEqual(["review.claimedBy"]); // now rob holds it
    await harness.chat("rob").press(`rv.ok.${reference}`);
    expect(await statusOf(reference)).toBe("approved");
    const reasons = (await harness.auditOf(reference)).map((entry) => entry.reason);
    expect(reasons).toContain("claim_taken_over:reviewer:console:rita");
    // The decision ends the claim: nothing is left to release.
    expect(keys(await harness.chat("rob").press(`rv.rl.${reference}`))).toEqual(["review.claim.notYours"]);
  });

  it("a decision on an application whose claim ran out takes it over, audited", async () => {
    const reference = await submitWithPhone(harness, "alice");
    await harness.chat("rita").press(`rv.cl.${reference}`);
    at(45);
    await harness.chat("rob").press(`rv.ok.${reference}`);
    expect(await statusOf(reference)).toBe("approved");
    expect((await harness.auditOf(reference)).map((entry) => entry.reason)).toContain("claim_taken_over:reviewer:console:rita");
  });

  it("of two reviewers claiming at once exactly one holds it", async () => {
    const reference = await submitWithPhone(harness, "alice");
    const [rita, rob] = await Promise.all([
      harness.chat("rita").press(`rv.cl.${reference}`),
      harness.chat("rob").press(`rv.cl.${reference}`),
    ]);
    const outcomes = [keys(rita), keys(rob)].map((k) => (k.includes("review.claim.taken") ? "taken" : "refused"));
    expect(outcomes.sort()).toEqual(["refused", "taken"]);
  });

  it("/queue lists what waits oldest first with age, SLA state and holder; Take next claims the oldest nobody holds", async () => {
    const first = await submitWithPhone(harness, "alice");
    at(60 * 24 * 4); // four days later: the first is overdue
    const second = await submitWithPhone(harness, "bob");
    at(60 * 24 * 4 + 120);
    await harness.chat("rita").press(`rv.cl.${first}`);

    const [queue] = await harness.chat("rob").text("/queue");
    const lines = readable([queue!]).split("\n");
    expect(lines[0]).toBe("Waiting for review: 2, oldest first");
    expect(lines[1]).toBe(`${first} · Phone · waiting 4 d · due Thu 26 Nov (⚠️ overdue) · in review by rita`);
    expect(lines[2]).toBe(`${second} · Phone · waiting 2 h · due Wed 2 Dec (on time)`);
    expect(queue!.choices?.map((choice) => choice.id)).toEqual(["rv.tn"]);

    const took = await harness.chat("rob").press("rv.tn");
    expect(readable([took[0]!])).toMatch(new RegExp(`^You took ${second}, claimed until`));
    expect(took[0]!.choices?.map((choice) => choice.id)).toContain(`rv.ok.${second}`);
    // Rita holds a claim: Take next continues it rather than saying there is nothing to take (issue 27 §5).
    const continued = await harness.chat("rita").press("rv.tn");
    expect(readable([continued[0]!])).toMatch(new RegExp(`^Continuing your claim on ${first}, yours until`));
    expect(keys(await harness.chat("sam").press("rv.tn"))).toEqual(["review.queue.nothingToTake"]);
    // /queue starts with the reviewer's own claims, each with Open and Release.
    const [ritaQueue] = await harness.chat("rita").text("/queue");
    expect(readable([ritaQueue!]).split("\n").slice(0, 3)).toEqual([
      "Your claims:",
      expect.stringMatching(new RegExp(`^• ${first}, yours until`)),
      "Waiting for review: 2, oldest first",
    ]);
    expect(ritaQueue!.choices?.map((choice) => choice.id)).toEqual([`rv.op.${first}`, `rv.rl.${first}`, "rv.tn"]);
    expect(keys(await harness.chat("alice").text("/queue"))).not.toContain("review.queue.title"); // reviewers only
  });

  it("/queue with nothing waiting says so", async () => {
    expect(keys(await harness.chat("rita").text("/queue"))).toEqual(["review.queue.empty"]);
  });
});
