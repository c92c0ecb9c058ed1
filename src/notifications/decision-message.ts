import type { Choice } from "../domain/choice.js";
import { mayResubmit } from "../domain/rejection-reasons.js";
import { joinMessages, type Message, msg } from "../i18n/message.js";
import { reasonWithAdvice } from "../i18n/reason-text.js";
import type { ApplicationForReview } from "../ports/application-store.js";

/** What the applicant is told after a reviewer's decision, with the next step as a button. */
export function decisionMessage(application: ApplicationForReview, supportContact: string): { body: Message[]; choices?: Choice[] } {
  const { reference } = application;
  switch (application.status) {
    case "approved":
      return { body: [msg("decision.approved", { reference })] };
    case "rejected": {
      const body: Message[] = [
        msg("decision.rejected", { reference }),
        ...application.reasons.map((reason) => reasonWithAdvice(reason, application.draft.method)),
      ];
      if (application.note) body.push(msg("decision.note", { note: application.note }));
      if (mayResubmit(application.reasons)) {
        body.push(msg("decision.retry"));
        return { body, choices: [{ id: "resubmit", label: msg("choice.resubmit") }] };
      }
      // This application can't be resubmitted as it is; a new one always can be started.
      body.push(msg("decision.final", { support: supportContact }));
      return { body, choices: [{ id: "start", label: msg("choice.start") }] };
    }
    case "needs_more_info": {
      const items = application.requestedItems.map((step) => msg(`field.${step}`));
      const note = application.note ? [msg("decision.note", { note: application.note })] : [];
      return {
        body: [msg("decision.needsInfo", { reference, items: items.length ? joinMessages(items) : "" }), ...note],
        choices: [{ id: "provideInfo", label: msg("choice.provideInfo") }],
      };
    }
    default:
      return { body: [] };
  }
}
