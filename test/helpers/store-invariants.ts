import { expect } from "vitest";
import { APPLICATION_STATUSES } from "../../src/domain/application.js";
import type { Harness } from "./harness.js";

/** Which status may follow which in an application's audit trail. */
const LEGAL: Record<string, readonly string[]> = {
  submitted: ["approved", "rejected", "needs_more_info", "withdrawn", "submitted"],
  needs_more_info: ["submitted", "withdrawn", "needs_more_info"],
  approved: ["approved"],
  rejected: ["rejected"],
  withdrawn: ["withdrawn"],
};

/** The stored data's invariants: a legal status chain in every audit trail, at most one application per user awaiting a decision. */
export async function checkStore(harness: Pick<Harness, "rows">): Promise<void> {
  const audit = await harness.rows<{ application_id: string; from_status: string | null; to_status: string }>(
    "select application_id, from_status, to_status from audit_log order by id",
  );
  const last = new Map<string, string>();
  for (const entry of audit) {
    expect(APPLICATION_STATUSES as readonly string[]).toContain(entry.to_status);
    const previous = last.get(entry.application_id);
    if (previous !== undefined && entry.from_status !== null) {
      expect(entry.from_status, `audit chain of ${entry.application_id}`).toBe(previous);
      expect(LEGAL[previous], `${previous} → ${entry.to_status}`).toContain(entry.to_status);
    }
    last.set(entry.application_id, entry.to_status);
  }
  const awaiting = await harness.rows<{ user_id: string; n: number }>(
    "select user_id, count(*) as n from applications where status in ('submitted', 'needs_more_info') group by user_id",
  );
  for (const { n } of awaiting) expect(Number(n)).toBe(1);
}
