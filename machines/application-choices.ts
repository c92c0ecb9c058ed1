import { and, not } from "xstate";
import { STALE_CHOICE } from "./conversation.steps.js";

/**
 * What the user may do with their application from anywhere in the conversation — submit it, resubmit,
 * send what reviewers asked for, change the legal representative, withdraw — each answered from where
 * the application stands. The conversation machine (`conversation.machine.ts`) takes them as its own.
 */

/** Consent given: the draft is submitted (or the requested information sent) unless something stands in the way. */
export const SUBMIT_WITH_CONSENT = [
  { guard: "accountBlocked" as const, target: "menu" as const, actions: "sayAccountBlocked" as const },
  { guard: "providingInfo" as const, target: "submitting" as const, actions: "provideInfo" as const },
  { guard: "applicationOpen" as const, target: "menu" as const, actions: "sayPending" as const },
  { guard: "draftComplete" as const, target: "submitting" as const, actions: "submit" as const },
  { target: "route" as const },
];

export const APPLICATION_CHOICES = {
  // Submit (pressed on an old summary, or typed) anywhere but the summary: where the application stands.
  "choice.consent.agree": [
    // Also while sending what reviewers asked for: that is submitted from its own summary.
    { guard: and(["draftStarted", not("draftComplete")]), actions: [{ type: "say", params: { key: "submit.notYet" } }, "prompt"] },
    { guard: "applicationOpen", actions: ["sayPending", "prompt"] },
    // Complete, elsewhere (choosing what to change, say): the summary, where Submit gives the consent it needs.
    { guard: "draftStarted", target: ".summary" },
    { actions: [{ type: "say", params: { key: "submit.nothing" } }, "prompt"] },
  ],
  "choice.resubmit": [
    { guard: "applicationOpen", actions: ["sayPending", "prompt"] },
    // Pressed again while resubmitting it: on where they were; starting over would drop the changes made.
    { guard: "resubmittingIt", target: ".route", actions: { type: "say", params: { key: "resubmit.continuing" } } },
    { guard: { type: "resubmission", params: { verdict: "allowed" } }, actions: "prepareResubmission" },
    { guard: { type: "resubmission", params: { verdict: "final" } }, actions: ["saySupport", "prompt"] },
    // Typed as often as pressed: "that button belongs to an earlier message" would not be true of the words.
    { actions: [{ type: "say", params: { key: "resubmit.nothing" } }, "prompt"] },
  ],
  "resubmission.ready": { target: ".route", actions: "startResubmission" },
  "choice.provideInfo": [
    // Pressed again while sending it (an earlier button, or after /cancel): on where they were, what was sent kept.
    { guard: "providingInfo", target: ".route", actions: { type: "say", params: { key: "situation.waitingProviding" } } },
    { guard: "needsInfo", actions: "prepareInfo" },
    { actions: [{ type: "say", params: { key: "provideInfo.nothing" } }, "prompt"] },
  ],
  "info.ready": { target: ".route", actions: "startProvidingInfo" },
  "choice.reverify": [
    { guard: "applicationOpen", actions: ["sayPending", "prompt"] },
    { guard: "approvedEnterprise", actions: "prepareReverification" },
    STALE_CHOICE,
  ],
  // Typed as often as pressed: "that button belongs to an earlier message" would not be true of the words.
  "choice.withdraw": [
    { guard: "awaitingDecision", target: ".withdrawConfirm", actions: "rememberWithdrawal" },
    { guard: "submissionHeld", actions: [{ type: "say", params: { key: "withdraw.held" } }, "prompt"] },
    { actions: [{ type: "say", params: { key: "withdraw.nothing" } }, "prompt"] },
  ],
} as const;
