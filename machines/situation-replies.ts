import { localDate } from "../src/domain/business-days.js";
import type { Choice } from "../src/domain/choice.js";
import type { ApplicationSituation } from "../src/domain/situation.js";
import type { AccountStatus } from "../src/domain/user-record.js";
import { dayMessage, timeMessage } from "../src/i18n/dates.js";
import { joinMessages, type Message, msg } from "../src/i18n/message.js";
import { reasonSentence } from "../src/i18n/reason-text.js";
import { choice } from "./conversation.choices.js";

/**
 * The sentences that say where the user's application stands, written from their situation
 * (`src/domain/situation.ts`) and shared by every text that speaks about it: /status, the menu, the
 * FAQ's answers, the refusals to start another application or to delete data, the support hand-off.
 * What matters to this reader comes first, then the buttons for what they can do now.
 */
export interface SituationText {
  body: Message[];
  choices: Choice[];
}

/** The lead of any text about the application; empty for a user with none. */
export function situationLead(situation: ApplicationSituation, timeZone: string): SituationText {
  switch (situation.kind) {
    case "none":
      return { body: [], choices: [] };
    case "submitted":
      return {
        body: [
          msg(situation.overdue ? "situation.overdue" : "situation.submitted", {
            reference: situation.reference,
            date: dayMessage(situation.expectedBy),
          }),
        ],
        choices: [],
      };
    case "waiting_for_user":
      // Already sending it: no button to start again (that would drop what was sent so far).
      return { body: waitingLines(situation, timeZone), choices: situation.providing ? [] : [choice("provideInfo", "choice.provideInfo")] };
    case "rejected":
      return {
        body: [
          msg("situation.rejected", { reference: situation.reference }),
          ...situation.reasons.map((reason) => msg("situation.reasonLine", { reason: reasonSentence(reason, situation.method) })),
          ...(situation.note ? [msg("situation.note", { note: situation.note })] : []),
        ],
        choices: [],
      };
    case "approved":
      return {
        body: [
          situation.decidedAt
            ? msg("situation.approvedSince", { date: dayMessage(localDate(new Date(situation.decidedAt), timeZone)) })
            : msg("situation.approved"),
        ],
        choices: [],
      };
    case "withdrawn":
      return { body: [msg("situation.withdrawn", { reference: situation.reference })], choices: [] };
    case "held":
      return {
        body: [msg("situation.held", { method: msg(`method.${situation.method}`), time: timeMessage(situation.heldAt, timeZone) })],
        choices: [],
      };
  }
}

/** "Your account is disabled, so verification can't be started or submitted": the menu's lead, and the refusals'. */
export function accountBlockedLine(account: AccountStatus): Message {
  return msg("situation.accountBlocked", { account: msg(`account.${account}`) });
}

/** "Reviewers need from you: the back of your ID card — 'the photo is cut off'." and when they asked. */
export function waitingLines(situation: Extract<ApplicationSituation, { kind: "waiting_for_user" }>, timeZone: string): Message[] {
  const items = situation.items.map((step) => msg(`field.${step}`));
  return [
    msg("situation.waiting", {
      reference: situation.reference,
      items: items.length > 0 ? joinMessages(items) : msg("situation.waitingUnspecified"),
    }),
    ...(situation.note ? [msg("situation.note", { note: situation.note })] : []),
    ...(situation.since ? [msg("situation.waitingSince", { time: timeMessage(situation.since, timeZone) })] : []),
    msg(situation.providing ? "situation.waitingProviding" : "situation.waitingAction"),
  ];
}
