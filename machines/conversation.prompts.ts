import {
  ANSWER_FIELDS,
  DOCUMENT_STEPS,
  type Draft,
  editableSteps,
  isStepDone,
  isTextStep,
  type Step,
  stepsFor,
} from "../src/domain/application.js";
import type { Choice } from "../src/domain/choice.js";
import { maskIdNumber } from "../src/domain/masking.js";
import { formatPhoneForDisplay } from "../src/domain/phone.js";
import type { Platform } from "../src/domain/platform.js";
import { DEFAULT_RETENTION, type RetentionPolicy } from "../src/domain/retention-policy.js";
import { NEW_USER_RECORD, resubmissionVerdict, type UserRecord } from "../src/domain/user-record.js";
import { type Message, msg } from "../src/i18n/message.js";
import { choice } from "./conversation.choices.js";
import type { ConversationContext } from "./conversation.events.js";

/** A reply before the engine stamps the user's locale on it. */
export interface ReplyContent {
  body: Message[];
  choices?: Choice[];
  /** What the bot asks for next, so adapters can offer the right control (contact button, upload). */
  expects?: "text" | "phone" | "document";
}

const METHOD_CHOICES: Choice[] = [
  choice("method.id_card", "method.id_card"),
  choice("method.phone", "method.phone"),
  choice("method.enterprise", "method.enterprise"),
];
/** Enterprise teams come through Slack: there their method is offered first. */
const METHOD_CHOICES_FOR_TEAMS: Choice[] = [METHOD_CHOICES[2]!, METHOD_CHOICES[0]!, METHOD_CHOICES[1]!];

/** The states of the conversation machine: one per step, plus the menu and the steps around submission. */
export type ConversationState =
  | Step
  | "menu"
  | "route"
  | "summary"
  | "editPick"
  | "consent"
  | "submitting"
  | "newEmail"
  | "newPhone"
  | "newPhoneCode"
  | "updatingContact"
  | "withdrawConfirm"
  | "withdrawing"
  | "eraseConfirm"
  | "erasing";

/** The pending question of each state: what the user sees after every reply, so no state is a dead end. */
export function promptFor(
  state: ConversationState,
  context: ConversationContext,
  record: UserRecord = NEW_USER_RECORD,
  platform: Platform = "console",
  smsAvailable = true,
  retention: RetentionPolicy = DEFAULT_RETENTION,
): ReplyContent {
  const { draft } = context;
  switch (state) {
    case "menu":
      return menuPrompt(draft, record);
    case "newEmail":
      return { body: [msg("ask.newEmail")], expects: "text" };
    case "newPhone":
      return { body: [msg("ask.newPhone")], expects: "phone" };
    case "newPhoneCode":
      return {
        body: [
          msg(context.code?.phone === context.pendingPhone ? "ask.phoneCode" : "ask.phoneCodeNotSent", {
            phone: formatPhoneForDisplay(context.pendingPhone ?? ""),
          }),
        ],
        choices: [choice("code.resend", "choice.otpResend"), choice("code.changePhone", "choice.otpChangePhone")],
      };
    case "summary":
      return {
        body: [msg("summary.title"), ...summaryLines(draft)],
        choices: [choice("submit", "choice.submit"), choice("edit", "choice.edit")],
      };
    case "editPick":
      return {
        body: [msg("edit.prompt")],
        choices: [
          ...editableSteps(draft.method)
            .filter((step) => !context.providingInfo || (context.requestedItems ?? []).includes(step))
            .map((step) => choice(`edit.${step}`, `field.${step}`)),
          choice("editDone", "choice.editDone"),
        ],
      };
    case "eraseConfirm":
      return {
        body: [msg("privacy.erase.confirm")],
        choices: [
          choice("privacy.erase.confirm", "choice.privacyEraseConfirm"),
          choice("privacy.erase.cancel", "choice.privacyEraseCancel"),
        ],
      };
    case "withdrawConfirm":
      return {
        body: [msg("withdraw.confirm", { reference: context.withdrawing ?? "" })],
        choices: [choice("withdraw.confirm", "choice.withdrawConfirm"), choice("withdraw.cancel", "choice.withdrawCancel")],
      };
    case "consent":
      return {
        body: [msg("consent.prompt", { days: retention.retentionDays })],
        choices: [choice("consent.agree", "choice.consentAgree"), choice("consent.back", "choice.consentBack")],
      };
    // Passed through within one event, never rested in: if one ever were, the menu is a safe next step.
    case "route":
    case "submitting":
    case "updatingContact":
    case "withdrawing":
    case "erasing":
      return menuPrompt(draft, record);
    default:
      return stepPrompt(state, context, platform, smsAvailable);
  }
}

function menuPrompt(draft: Draft, record: UserRecord): ReplyContent {
  if (record.verified) {
    const enterprise = record.application?.status === "approved" && record.application.method === "enterprise";
    return {
      body: [msg("status.verified"), msg("menu.prompt")],
      choices: [
        choice("update.email", "choice.updateEmail"),
        choice("update.phone", "choice.updatePhone"),
        ...(enterprise ? [choice("reverify", "choice.reverify")] : []),
        choice("status", "choice.status"),
        choice("faq", "choice.faq"),
        choice("support", "choice.support"),
      ],
    };
  }
  const started = draft.name !== undefined;
  return {
    body: started ? [msg("menu.draftWaiting"), msg("menu.prompt")] : [msg("menu.prompt")],
    choices: [
      started ? choice("start", "choice.continue") : choice("start", "choice.start"),
      choice("status", "choice.status"),
      choice("faq", "choice.faq"),
      choice("support", "choice.support"),
    ],
  };
}

function stepPrompt(step: Step, { draft, code }: ConversationContext, platform: Platform, smsAvailable: boolean): ReplyContent {
  switch (step) {
    case "method": {
      const choices = platform === "slack" ? METHOD_CHOICES_FOR_TEAMS : METHOD_CHOICES;
      // The phone method proves the number by SMS: not offered where no SMS can be sent.
      return { body: [msg("ask.method")], choices: smsAvailable ? choices : choices.filter((c) => c.id !== "method.phone") };
    }
    case "phoneCode":
      return {
        body: [
          msg(code?.phone === draft.phone ? "ask.phoneCode" : "ask.phoneCodeNotSent", {
            phone: formatPhoneForDisplay(draft.phone ?? ""),
          }),
        ],
        choices: [choice("code.resend", "choice.otpResend"), choice("code.changePhone", "choice.otpChangePhone")],
      };
    case "idFront":
    case "idBack":
    case "licence": {
      const saved = isStepDone(step, draft) ? [msg("ask.currentDocument")] : [];
      return { body: [msg(`ask.${step}`), ...saved], expects: "document" };
    }
    default: {
      const current = currentValue(step, draft);
      const body = [msg(`ask.${step}`), ...(current ? [msg("ask.currentValue", { value: current })] : [])];
      return { body, expects: step === "phone" ? "phone" : "text" };
    }
  }
}

function currentValue(step: Step, draft: Draft): string | Message | undefined {
  if (step === "method") return draft.method && msg(`method.${draft.method}`);
  if (!isTextStep(step)) return undefined;
  const value = draft[ANSWER_FIELDS[step]];
  if (value === undefined) return undefined;
  if (step === "phone") return formatPhoneForDisplay(value);
  return step === "idNumber" || step === "legalRepId" ? maskIdNumber(value) : value;
}

/** Everything entered, one line each; ID numbers masked because chats are often read over a shoulder. */
function summaryLines(draft: Draft): Message[] {
  return stepsFor(draft.method).flatMap((step) => {
    const value =
      step === "phoneCode"
        ? undefined
        : DOCUMENT_STEPS[step]
          ? draft.documents[DOCUMENT_STEPS[step]!] && msg("summary.documentSaved")
          : step === "phone" && draft.phone && draft.phoneVerified === draft.phone
            ? msg("summary.phoneVerified", { phone: formatPhoneForDisplay(draft.phone) })
            : currentValue(step, draft);
    return value === undefined ? [] : [msg("summary.line", { label: msg(`field.${step}`), value })];
  });
}

/** The answer to /status and the "Check status" button, with the next step the application allows. */
export function statusReply(record: UserRecord, draft: Draft): { body: Message[]; choices?: Choice[] } {
  const body = statusMessages(record, draft);
  const status = record.application?.status;
  if (status === "submitted" || status === "needs_more_info") {
    body.push(msg("status.cannotEdit"));
    const choices = [choice("withdraw", "choice.withdraw")];
    if (status === "needs_more_info") choices.unshift(choice("provideInfo", "choice.provideInfo"));
    return { body, choices };
  }
  if (resubmissionVerdict(record) === "allowed") return { body, choices: [choice("resubmit", "choice.resubmit")] };
  return { body };
}

function statusMessages(record: UserRecord, draft: Draft): Message[] {
  const lines: Message[] = [];
  if (record.account !== "active") lines.push(msg("status.account", { account: msg(`account.${record.account}`) }));
  if (record.verified) lines.push(msg("status.verified"));
  const application = record.application;
  if (application) {
    lines.push(
      msg("status.application", {
        reference: application.reference,
        method: msg(`method.${application.method}`),
        status: msg(`status.${application.status}.label`),
      }),
      msg("status.submittedAt", { date: application.submittedAt.slice(0, 10) }),
    );
    const awaiting = application.status === "submitted" || application.status === "needs_more_info";
    if (awaiting) {
      lines.push(msg(application.overdue ? "status.overdue" : "status.expectedBy", { date: application.expectedBy }));
    }
    if (application.reasons.length > 0) lines.push(msg("status.reasons", { reasons: application.reasons.join(", ") }));
  }
  if (draft.name !== undefined) {
    const steps = stepsFor(draft.method);
    const done = steps.filter((step) => isStepDone(step, draft)).length;
    lines.push(msg("status.draft", { done, total: steps.length }));
  }
  if (lines.length === 0) lines.push(msg("status.none"));
  return lines;
}
