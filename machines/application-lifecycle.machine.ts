import { setup, transition } from "xstate";
import type { LifecycleStatus } from "../src/domain/application.js";

/**
 * What may happen to an application once it is submitted. Pure: the store
 * asks it whether a change is allowed and applies it with a compare-and-set,
 * so two reviewers deciding at once yield exactly one decision.
 */
export type LifecycleEvent =
  | { type: "review.approve" }
  | { type: "review.reject" }
  | { type: "review.requestInfo" }
  | { type: "user.provideInfo" }
  | { type: "user.withdraw" };

export const applicationLifecycle = setup({
  types: { events: {} as LifecycleEvent },
}).createMachine({
  id: "application",
  initial: "submitted",
  states: {
    submitted: {
      on: {
        "review.approve": "approved",
        "review.reject": "rejected",
        "review.requestInfo": "needs_more_info",
        "user.withdraw": "withdrawn",
      },
    },
    needs_more_info: {
      on: {
        "user.provideInfo": "submitted",
        "user.withdraw": "withdrawn",
      },
    },
    // A rejected application is never reopened: resubmitting creates a new, linked one.
    approved: { type: "final" },
    rejected: { type: "final" },
    withdrawn: { type: "final" },
  },
});

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextStatus(status: LifecycleStatus, event: LifecycleEvent): LifecycleStatus | null {
  const snapshot = applicationLifecycle.resolveState({ value: status, context: undefined });
  const [next] = transition(applicationLifecycle, snapshot, event);
  return next.value === status ? null : (next.value as LifecycleStatus);
}
