import { personLabel } from "../../domain/reviewer-people.js";
import { reviewStats } from "../../review/review-stats.js";
import { type CliArgs, expectArgs, print, UsageError, withStore } from "./cli-command.js";

/** Default period of `review stats`: the last 30 days. */
const STATS_DAYS = 30;

/** `review stats [--since <ISO>] [--json]`: per reviewer, decisions, time to decision, SLA breaches, reasons, four-eyes figures. */
export function reviewStatsCommand({ rest, json, since }: CliArgs): Promise<number> {
  expectArgs(rest, 1);
  const from = since === undefined ? new Date(Date.now() - STATS_DAYS * 86_400_000) : new Date(since);
  if (Number.isNaN(from.getTime())) throw new UsageError("--since takes an ISO date or time, e.g. 2026-11-01");
  return withStore(async (store, config) => {
    // One person under several accounts (REVIEWERS) is one line.
    const decisions = (await store.operator().reviewDecisions(from)).map((decision) => ({
      ...decision,
      reviewer: personLabel(config.reviewerPeople, decision.reviewer),
    }));
    const stats = reviewStats(decisions, config.timeZone);
    if (json) {
      print(JSON.stringify({ since: from.toISOString(), reviewers: stats }));
      return 0;
    }
    print(`review decisions since ${from.toISOString()}`);
    if (stats.length === 0) print("no decisions");
    for (const s of stats) {
      const outcomes = Object.entries(s.outcomes)
        .map(([outcome, n]) => `${n} ${outcome}`)
        .join(", ");
      const reasons = Object.entries(s.reasons)
        .map(([reason, n]) => `${reason} ${n}`)
        .join(", ");
      print(`${s.reviewer}: ${s.decisions} (${outcomes}); median ${s.medianHours} h, p90 ${s.p90Hours} h; ${s.slaBreaches} past due`);
      if (reasons) print(`    reasons: ${reasons}`);
      if (s.medianMinutesOnCase !== null)
        print(`    on the case (first Open or claim → decision): median ${s.medianMinutesOnCase} min, p90 ${s.p90MinutesOnCase} min`);
      const f = s.fourEyes;
      if (f.firstApprovals + f.confirmations + f.overturns > 0)
        print(
          `    four eyes: ${f.firstApprovals} first approval(s) (${f.confirmed} confirmed, ${f.overturned} overturned); as second reviewer ${f.confirmations} confirmed, ${f.overturns} overturned`,
        );
    }
    return 0;
  });
}
