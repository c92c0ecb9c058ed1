import { localDate } from "../../domain/business-days.js";
import { claimHolds } from "../../review/review-card.js";
import { reviewQueue } from "../../review/review-queue.js";
import { type CliCommand, expectArgs, print, UsageError, withStore } from "./cli-command.js";
import { reviewStatsCommand } from "./review-stats.js";

/**
 * `review list [--json]`: applications waiting for review, oldest first.
 * `review stats [--since <ISO>] [--json]`: per reviewer, decisions, time to decision, SLA breaches, reasons.
 */
export const reviewList: CliCommand = (args) => {
  const { rest, json } = args;
  if (rest[0] === "stats") return reviewStatsCommand(args);
  if (rest[0] !== "list") throw new UsageError('review takes "list" or "stats"');
  expectArgs(rest, 1);
  return withStore(async (store, config) => {
    const now = new Date();
    const queue = await reviewQueue(store.operator(), localDate(now, config.timeZone));
    const entries = queue.map((entry) => ({
      ...entry,
      waitingHours: Math.floor((now.getTime() - Date.parse(entry.submittedAt)) / 3_600_000),
    }));
    if (json) {
      print(JSON.stringify(entries));
    } else if (entries.length === 0) {
      print("nothing waits for review");
    } else {
      for (const e of entries) {
        const age = e.waitingHours >= 48 ? `${Math.floor(e.waitingHours / 24)} d` : `${e.waitingHours} h`;
        const held = claimHolds(e.claim, now) ? `  in review by ${e.claim!.by}` : "";
        const first = e.firstApproval ? `  first approval by ${e.firstApproval.by}` : "";
        print(
          `${e.reference}  ${e.method.padEnd(10)}  waiting ${age.padStart(5)}  expected by ${e.expectedBy}${e.overdue ? "  OVERDUE" : ""}${held}${first}`,
        );
      }
    }
    return 0;
  });
};
