import { describe, expect, it } from "vitest";
import { freshDatabase, TESTED_DIALECTS } from "../helpers/test-databases.js";
import { runCrashScenario } from "./crash-driver.js";

/** The short version of `npm run chaos:crash` (docs/reliability.md): a few verifications, a few kills. */
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
      expect(report).toMatchObject({
        kills: 4,
        lostSubmissions: 0,
        unfinished: 0,
        duplicateEffects: 0,
        decisionsNotOne: 0,
        stuckChats: 0,
        decisionsNeitherDeliveredNorFailed: 0,
      });
    } finally {
      await database?.drop();
    }
  }, 180_000);
});
