import { migratedDatabase } from "../test/helpers/test-databases.js";
import { type DuplicateRepliesReport, runDuplicateRepliesScenario } from "../test/reliability/duplicate-replies-driver.js";

/**
 * `npm run chaos:duplicates [-- <runs> <chats>]` (default 20, 60): the duplicate-reply scenario of
 * docs/reliability.md — two instances on one PostgreSQL (127.0.0.1:5432, or TEST_DATABASE_URL), one SIGKILLed
 * halfway — run again and again, a fresh database each time. Prints each run's report and the totals; exits 1
 * if any reply was missing, or if more than one run in twenty showed a chat a reply twice.
 */
const [runs = 20, chats = 60] = process.argv.slice(2).map(Number);
const reports: DuplicateRepliesReport[] = [];
for (let run = 1; run <= runs; run++) {
  const database = await migratedDatabase("postgres", "");
  try {
    if (database.target.kind !== "postgres") throw new Error("unreachable");
    const report = await runDuplicateRepliesScenario({ chats, databaseUrl: database.target.url });
    reports.push(report);
    console.log(`run ${run}/${runs}: ${JSON.stringify(report)}`);
  } finally {
    await database.drop();
  }
}
const missing = reports.reduce((sum, report) => sum + report.chatsMissingReplies, 0);
const runsWithDuplicates = reports.filter((report) => report.chatsWithDuplicates > 0).length;
const duplicated = reports.reduce((sum, report) => sum + report.duplicatedReplies, 0);
console.log(
  `${runs} runs of ${chats} chats: chats missing a reply ${missing}; runs with a chat shown a reply twice ${runsWithDuplicates}; replies shown twice ${duplicated}`,
);
process.exit(missing > 0 || runsWithDuplicates > Math.floor(runs / 20) ? 1 : 0);
