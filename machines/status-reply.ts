import type { Draft } from "../src/domain/application.js";
import type { Choice } from "../src/domain/choice.js";
import { situationOf, type WorkInProgress } from "../src/domain/situation.js";
import type { UserRecord } from "../src/domain/user-record.js";
import { timeMessage } from "../src/i18n/dates.js";
import { type Message, msg } from "../src/i18n/message.js";
import { CONTACT_CHOICES, choice } from "./conversation.choices.js";
import { accountBlockedLine, situationLead } from "./situation-replies.js";

/** The answer to /status and the "Check status" button: the user's situation first, with the next step it allows. */
export function statusReply(
  record: UserRecord,
  draft: Draft,
  {
    timeZone,
    supportContact,
    waitingSupport,
  }: { timeZone: string; supportContact: string; waitingSupport?: { reference: string; since: string } },
  work: WorkInProgress = {},
): { body: Message[]; choices?: Choice[] } {
  const situation = situationOf(record, draft, work);
  const { application } = situation;
  const lead = situationLead(application, timeZone);
  const body: Message[] = [];
  // The menu's own sentence (so the menu after /status does not say it again), with how to reach support.
  if (situation.account !== "active")
    body.push(accountBlockedLine(situation.account), msg("situation.support", { support: supportContact }));
  if (situation.verified && application.kind !== "approved") body.push(msg("situation.verifiedBefore"));
  body.push(...lead.body);
  const choices = [...lead.choices];
  switch (application.kind) {
    case "submitted":
      body.push(
        msg("situation.submittedOn", {
          reference: application.reference,
          method: msg(`method.${application.method}`),
          date: timeMessage(application.submittedAt, timeZone),
        }),
        // As the FAQ says: the email and phone can be changed in review; anything else only by withdrawing.
        msg("faq.updateContactNow"),
        msg("faq.nothingElseChanges"),
      );
      choices.push(...CONTACT_CHOICES, choice("withdraw", "choice.withdraw"));
      break;
    case "waiting_for_user":
      choices.push(choice("withdraw", "choice.withdraw"));
      break;
    case "rejected":
      // Already resubmitting it: no button to start over (that would drop the changes made so far).
      if (application.resubmitting) body.push(msg("resubmit.continuing"));
      else if (application.resubmission === "allowed") {
        body.push(msg("decision.retry"));
        choices.push(choice("resubmit", "choice.resubmit"));
      } else {
        // Not this application as it is — but a new one, always (the seeds: one failure never takes that away).
        body.push(msg("decision.final", { support: supportContact }));
        choices.push(choice("start", "choice.start"));
      }
      break;
    default:
      break;
  }
  if (situation.draft) body.push(msg("situation.draft", { done: situation.draft.done, total: situation.draft.total }));
  if (body.length === 0) body.push(msg("situation.none"));
  // A request for a person is part of where the user stands: its answer comes here, like the application's.
  if (waitingSupport)
    body.push(msg("support.waitingStatus", { reference: waitingSupport.reference, time: timeMessage(waitingSupport.since, timeZone) }));
  return choices.length > 0 ? { body, choices } : { body };
}
