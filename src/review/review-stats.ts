import { localDate } from "../domain/business-days.js";
import type { ReviewDecision } from "../ports/operator-store.js";

/** One reviewer's figures over a period (`cli review stats`). */
export interface ReviewerStats {
  reviewer: string;
  decisions: number;
  /** Decisions by outcome: approved, rejected, needs_more_info. */
  outcomes: Record<string, number>;
  /** Hours from submission to the decision. */
  medianHours: number;
  p90Hours: number;
  /** Decisions taken after the date promised to the user (in the service's time zone). */
  slaBreaches: number;
  /** How often each rejection reason (or requested item) was given. */
  reasons: Record<string, number>;
}

/** Per reviewer, most decisions first. */
export function reviewStats(decisions: readonly ReviewDecision[], timeZone: string): ReviewerStats[] {
  const byReviewer = new Map<string, ReviewDecision[]>();
  for (const decision of decisions) byReviewer.set(decision.reviewer, [...(byReviewer.get(decision.reviewer) ?? []), decision]);
  return [...byReviewer]
    .map(([reviewer, own]) => {
      const hours = own.map((d) => (Date.parse(d.at) - Date.parse(d.submittedAt)) / 3_600_000).sort((a, b) => a - b);
      return {
        reviewer,
        decisions: own.length,
        outcomes: tally(own.map((d) => d.outcome)),
        medianHours: round(percentile(hours, 50)),
        p90Hours: round(percentile(hours, 90)),
        slaBreaches: own.filter((d) => d.expectedBy !== "" && localDate(new Date(d.at), timeZone) > d.expectedBy).length,
        reasons: tally(own.flatMap((d) => d.reasons)),
      };
    })
    .sort((a, b) => b.decisions - a.decisions || a.reviewer.localeCompare(b.reviewer));
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function round(hours: number): number {
  return Math.round(hours * 10) / 10;
}
