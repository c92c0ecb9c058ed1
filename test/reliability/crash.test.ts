import { describe, expect, it } from "vitest";
import { freshDatabase, TESTED_DIALECTS } from "../helpers/test-databases.js";
import { runCrashScenario } from "./crash-driver.js";

/** Every promise kept: nothing lost, nothing twice, nothing stuck. */
const NOTHING_BROKEN = {
  lostSubmissions: 0,
  unfinished: 0,
  duplicateEffects: 0,
  decisionsNotOne: 0,
  stuckChats: 0,
  decisionsNeitherDeliveredNorFailed: 0,
};

/** The short version of `npm run chaos:crash` (docs/reliability.md): a few verifications of each method, one resubmission, a few kills. */
describe.each(TESTED_DIALECTS)("SIGKILL at random moments on %s", (dialect) => {
  it("loses no confirmed submission, applies nothing twice, decides once, leaves no chat stuck", async () => {
    const database = dialect === "postgres" ? await freshDatabase("postgres", "") : undefined;
    try {
      const report = await runCrashScenario({
        verifications: 12,
        kills: 4,
        parallel: 4,
        ...(database?.target.kind === "postgres" ? { database: database.target } : {}),
      });
      console.log(`crash scenario on ${dialect}: ${JSON.stringify(report)}`);
      expect(report).toMatchObject({ kills: 4, resubmissions: 1, ...NOTHING_BROKEN }); // the 2nd user: ID card, rejected, resubmitted
    } finally {
      await database?.drop();
    }
  }, 180_000);
});

describe("SIGKILLs while the Bot API fails 10 % of calls (429, 500, reset)", () => {
  it("still loses nothing, applies nothing twice and leaves no chat stuck; replies arrive", async () => {
    const report = await runCrashScenario({ verifications: 6, kills: 2, parallel: 4, apiFaultRate: 0.1 });
    console.log(`crash scenario with Bot API faults: ${JSON.stringify(report)}`);
    expect(report.apiFaults).toBeGreaterThan(0);
    expect(report).toMatchObject(NOTHING_BROKEN);
  }, 180_000);
});
