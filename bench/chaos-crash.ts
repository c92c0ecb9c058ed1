import { freshDatabase } from "../test/helpers/test-databases.js";
import { runCrashScenario } from "../test/reliability/crash-driver.js";

/**
 * `npm run chaos:crash [-- <verifications> <kills> <parallel> <api fault rate>]` (default 1000, 50,
 * 8, 0): the crash scenario of docs/reliability.md on SQLite, then on PostgreSQL (127.0.0.1:5432,
 * or TEST_DATABASE_URL) when it answers; with a fault rate (e.g. 0.1) that share of Bot API calls
 * fails too; `CHAOS_DIALECTS=sqlite` runs one database only. Prints each run's report; exits 1 if any
 * promise was broken.
 */
const [verifications = 1000, kills = 50, parallel = 8, apiFaultRate = 0] = process.argv.slice(2).map(Number);
let broken = false;
for (const dialect of (process.env.CHAOS_DIALECTS ?? "sqlite,postgres").split(",") as Array<"sqlite" | "postgres">) {
  const database = dialect === "postgres" ? await freshDatabase("postgres", "").catch(() => null) : undefined;
  if (database === null) {
    console.log("postgres: not reachable, skipped");
    continue;
  }
  try {
    const report = await runCrashScenario({
      verifications,
      kills,
      parallel,
      apiFaultRate,
      ...(database?.target.kind === "postgres" ? { database: database.target } : {}),
      progress: (line) => console.error(`${dialect}: ${line}`),
    });
    console.log(`${dialect}: ${JSON.stringify(report)}`);
    const { lostSubmissions, unfinished, duplicateEffects, decisionsNotOne, stuckChats, decisionsNeitherDeliveredNorFailed } = report;
    if (lostSubmissions + unfinished + duplicateEffects + decisionsNotOne + stuckChats + decisionsNeitherDeliveredNorFailed > 0)
      broken = true;
  } finally {
    await database?.drop();
  }
}
process.exit(broken ? 1 : 0);
