import { afterPromisedDate } from "../domain/business-days.js";
import { FIRST_APPROVAL, FIRST_APPROVAL_CANCELLED } from "../domain/review-policy.js";
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
  /** Minutes on the case — from the reviewer's first Open or claim to the decision — of the decisions where they did either; null without any. */
  medianMinutesOnCase: number | null;
  p90MinutesOnCase: number | null;
  /** Decisions taken after the date promised to the user (in the service's time zone). */
  slaBreaches: number;
  /** How often each rejection reason (or requested item) was given. */
  reasons: Record<string, number>;
  fourEyes: FourEyesStats;
}

/** Four-eyes review, for one reviewer. */
export interface FourEyesStats {
  /** First approvals they gave. */
  firstApprovals: number;
  /** Of those, confirmed by a second reviewer, and overturned (rejected or sent back for information). */
  confirmed: number;
  overturned: number;
  /** As the second reviewer: others' first approvals they confirmed, and overturned. */
  confirmations: number;
  overturns: number;
}

const NO_FOUR_EYES: FourEyesStats = { firstApprovals: 0, confirmed: 0, overturned: 0, confirmations: 0, overturns: 0 };

/** Per reviewer, most decisions first. `decisions` in the order they were taken (first approvals among them). */
export function reviewStats(entries: readonly ReviewDecision[], timeZone: string): ReviewerStats[] {
  const fourEyes = fourEyesStats(entries);
  const decisions = entries.filter((entry) => entry.outcome !== FIRST_APPROVAL && entry.outcome !== FIRST_APPROVAL_CANCELLED);
  const byReviewer = new Map<string, ReviewDecision[]>();
  for (const decision of decisions) byReviewer.set(decision.reviewer, [...(byReviewer.get(decision.reviewer) ?? []), decision]);
  for (const reviewer of fourEyes.keys()) if (!byReviewer.has(reviewer)) byReviewer.set(reviewer, []);
  return [...byReviewer]
    .map(([reviewer, own]) => {
      const hours = own.map((d) => (Date.parse(d.at) - Date.parse(d.submittedAt)) / 3_600_000).sort((a, b) => a - b);
      return {
        reviewer,
        decisions: own.length,
        outcomes: tally(own.map((d) => d.outcome)),
        medianHours: round(percentile(hours, 50)),
        p90Hours: round(percentile(hours, 90)),
        ...minutesOnCase(own),
        slaBreaches: own.filter((d) => afterPromisedDate(new Date(d.at), d.expectedBy, timeZone)).length,
        reasons: tally(own.flatMap((d) => d.reasons)),
        fourEyes: fourEyes.get(reviewer) ?? { ...NO_FOUR_EYES },
      };
    })
    .sort((a, b) => b.decisions - a.decisions || a.reviewer.localeCompare(b.reviewer));
}

/**
 * Pairs each first approval with what followed it on that application: the next reviewer decision
 * confirms (approved) or overturns it (rejected, needs more information); new information from the
 * applicant cancels it, pairing it with nothing.
 */
function fourEyesStats(entries: readonly ReviewDecision[]): Map<string, FourEyesStats> {
  const stats = new Map<string, FourEyesStats>();
  const of = (reviewer: string) => stats.get(reviewer) ?? stats.set(reviewer, { ...NO_FOUR_EYES }).get(reviewer)!;
  const pending = new Map<string, string>();
  for (const entry of entries) {
    const first = pending.get(entry.reference);
    if (entry.outcome === FIRST_APPROVAL) {
      of(entry.reviewer).firstApprovals++;
      pending.set(entry.reference, entry.reviewer);
      continue;
    }
    pending.delete(entry.reference);
    if (first === undefined || entry.outcome === FIRST_APPROVAL_CANCELLED) continue;
    const confirmed = entry.outcome === "approved";
    of(first)[confirmed ? "confirmed" : "overturned"]++;
    of(entry.reviewer)[confirmed ? "confirmations" : "overturns"]++;
  }
  return stats;
}

function minutesOnCase(decisions: readonly ReviewDecision[]): Pick<ReviewerStats, "medianMinutesOnCase" | "p90MinutesOnCase"> {
  const minutes = decisions
    .flatMap((d) => (d.firstTouchedAt ? [(Date.parse(d.at) - Date.parse(d.firstTouchedAt)) / 60_000] : []))
    .sort((a, b) => a - b);
  if (minutes.length === 0) return { medianMinutesOnCase: null, p90MinutesOnCase: null };
  return { medianMinutesOnCase: round(percentile(minutes, 50)), p90MinutesOnCase: round(percentile(minutes, 90)) };
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
