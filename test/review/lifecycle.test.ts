import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LifecycleEvent, nextStatus } from "../../machines/application-lifecycle.machine.js";
import type { LifecycleStatus } from "../../src/domain/application.js";

const EVENTS: LifecycleEvent["type"][] = ["review.approve", "review.reject", "review.requestInfo", "user.provideInfo", "user.withdraw"];
const DECISIONS = new Set(["review.approve", "review.reject", "review.requestInfo"]);

describe("application lifecycle", () => {
  it("allows exactly the documented transitions", () => {
    const table: Record<string, Record<string, string | null>> = {};
    for (const status of ["submitted", "needs_more_info", "approved", "rejected", "withdrawn"] as LifecycleStatus[]) {
      table[status] = Object.fromEntries(EVENTS.map((type) => [type, nextStatus(status, { type })]));
    }
    expect(table).toEqual({
      submitted: {
        "review.approve": "approved",
        "review.reject": "rejected",
        "review.requestInfo": "needs_more_info",
        "user.provideInfo": null,
        "user.withdraw": "withdrawn",
      },
      needs_more_info: {
        "review.approve": null,
        "review.reject": null,
        "review.requestInfo": null,
        "user.provideInfo": "submitted",
        "user.withdraw": "withdrawn",
      },
      approved: Object.fromEntries(EVENTS.map((type) => [type, null])),
      rejected: Object.fromEntries(EVENTS.map((type) => [type, null])),
      withdrawn: Object.fromEntries(EVENTS.map((type) => [type, null])),
    });
  });

  it("never breaks under random interleavings of user and reviewer events", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 40 }), (events) => {
        let status: LifecycleStatus = "submitted";
        let finalDecisions = 0;
        for (const type of events) {
          const next = nextStatus(status, { type });
          if (next === null) continue;
          // No decision except on an application waiting for one (never on a withdrawn or decided one).
          if (DECISIONS.has(type)) expect(status).toBe("submitted");
          // Nothing ever leaves a final status: no second decision, no resubmission in place after rejection.
          expect(["approved", "rejected", "withdrawn"]).not.toContain(status);
          if (next === "approved" || next === "rejected") finalDecisions++;
          status = next;
        }
        expect(finalDecisions).toBeLessThanOrEqual(1);
      }),
    );
  });
});
