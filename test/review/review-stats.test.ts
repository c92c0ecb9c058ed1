import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { runCli, testEnv } from "../helpers/child-process.js";
import { createHarness, type Harness, submitWithPhone } from "../helpers/harness.js";

const MONDAY = Date.parse("2026-11-23T02:00:00Z"); // 10:00 in Shanghai; decisions are due by Thursday
const hoursLater = (hours: number) => new Date(MONDAY + hours * 3_600_000);

describe("npm run cli -- review stats", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita", "rob"]), now: new Date(MONDAY) });
    const [a, b, c] = [await submitWithPhone(harness, "ann"), await submitWithPhone(harness, "ben"), await submitWithPhone(harness, "cat")];
    harness.setNow(hoursLater(2));
    await harness.chat("rita").press(`rv.ok.${a}`);
    harness.setNow(hoursLater(30));
    await harness.chat("rita").press(`rv.nx.${b}.1`);
    await harness.chat("rita").press("rv.nn");
    harness.setNow(hoursLater(119));
    await harness.chat("rob").press(`rv.op.${c}`); // an hour on the case before deciding
    harness.setNow(hoursLater(120)); // Saturday: past the promised Thursday
    await harness.chat("rob").press(`rv.ok.${c}`);
  }, 60_000);
  afterAll(() => harness.close());

  it("gives each reviewer's decisions, median and p90 hours to decision, SLA breaches and reasons, as JSON", () => {
    const result = runCli(["review", "stats", "--since", "2026-11-01", "--json"], testEnv(harness.dir));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      since: "2026-11-01T00:00:00.000Z",
      reviewers: [
        {
          reviewer: "reviewer:console:rita",
          decisions: 2,
          outcomes: { approved: 1, rejected: 1 },
          medianHours: 2,
          p90Hours: 30,
          medianMinutesOnCase: null,
          p90MinutesOnCase: null,
          slaBreaches: 0,
          reasons: { details_mismatch: 1 },
          fourEyes: { firstApprovals: 0, confirmed: 0, overturned: 0, confirmations: 0, overturns: 0 },
        },
        {
          reviewer: "reviewer:console:rob",
          decisions: 1,
          outcomes: { approved: 1 },
          medianHours: 120,
          p90Hours: 120,
          medianMinutesOnCase: 60,
          p90MinutesOnCase: 60,
          slaBreaches: 1,
          reasons: {},
          fourEyes: { firstApprovals: 0, confirmed: 0, overturned: 0, confirmations: 0, overturns: 0 },
        },
      ],
    });
  });

  it("counts only decisions since --since, and refuses a bad date", () => {
    const env = testEnv(harness.dir);
    expect(JSON.parse(runCli(["review", "stats", "--since", "2026-11-25", "--json"], env).stdout).reviewers).toHaveLength(1);
    expect(runCli(["review", "stats", "--since", "someday"], env).code).toBe(2);
  });
});

describe("review stats with four eyes", () => {
  it("counts first approvals, their confirmations and overturns, for the first and the second reviewer", async () => {
    const harness = await createHarness({
      reviewers: consoleReviewers(["rita", "rob"]),
      now: new Date(MONDAY),
      review: { fourEyes: "all", claimMinutes: 30, requireOpenBeforeApproval: false },
    });
    try {
      const [a, b, c] = [
        await submitWithPhone(harness, "ann"),
        await submitWithPhone(harness, "ben"),
        await submitWithPhone(harness, "cat"),
      ];
      harness.setNow(hoursLater(1));
      for (const reference of [a, b, c]) await harness.chat("rita").press(`rv.ok.${reference}`);
      harness.setNow(hoursLater(3));
      await harness.chat("rob").press(`rv.ok.${a}`); // confirmed
      await harness.chat("rob").press(`rv.nx.${b}.1`); // overturned
      await harness.chat("rob").press("rv.nn");
      await harness.chat("cat").press("update.email"); // new information cancels c's first approval
      await harness.chat("cat").text("cat.new@example.com");
      const stats = JSON.parse(runCli(["review", "stats", "--since", "2026-11-01", "--json"], testEnv(harness.dir)).stdout);
      const of = (reviewer: string) => stats.reviewers.find((r: { reviewer: string }) => r.reviewer === reviewer);
      expect(of("reviewer:console:rita")).toMatchObject({
        decisions: 0,
        fourEyes: { firstApprovals: 3, confirmed: 1, overturned: 1, confirmations: 0, overturns: 0 },
      });
      expect(of("reviewer:console:rob")).toMatchObject({
        decisions: 2,
        outcomes: { approved: 1, rejected: 1 },
        medianHours: 3,
        fourEyes: { firstApprovals: 0, confirmed: 0, overturned: 0, confirmations: 1, overturns: 1 },
      });
      expect(stats.reviewers.map((r: { reviewer: string }) => r.reviewer)).not.toContain("user:console:cat");
      // With REVIEWERS, a person's accounts are one line, under their name.
      const env = testEnv(harness.dir, { REVIEWERS: "rita=console:rita,telegram:42;rob=console:rob" });
      const named = JSON.parse(runCli(["review", "stats", "--since", "2026-11-01", "--json"], env).stdout);
      expect(named.reviewers.map((r: { reviewer: string }) => r.reviewer).sort()).toEqual(["rita", "rob"]);
    } finally {
      await harness.close();
    }
  }, 60_000);
});
