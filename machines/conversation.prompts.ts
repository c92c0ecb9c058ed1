import {
  ANSWER_FIELDS,
  DOCUMENT_STEPS,
  type DocumentSlot,
  type Draft,
  editableSteps,
  isStepDone,
  isTextStep,
  type Step,
  stepsFor,
  stepsOpenWhileProviding,
} from "../src/domain/application.js";
import type { Choice } from "../src/domain/choice.js";
import type { Channel } from "../src/domain/delivery.js";
import { maskIdNumber } from "../src/domain/masking.js";
import { formatPhoneForDisplay } from "../src/domain/phone.js";
import type { Platform } from "../src/domain/platform.js";
import { DEFAULT_RETENTION, type RetentionPolicy } from "../src/domain/retention-policy.js";
import { situationOf } from "../src/domain/situation.js";
import { shortened } from "../src/domain/text.js";
import { NEW_USER_RECORD, type UserRecord } from "../src/domain/user-record.js";
import type { Locale } from "../src/i18n/locale.js";
import { joinMessages, type Message, msg } from "../src/i18n/message.js";
import { choice } from "./conversation.choices.js";
import type { ConversationContext } from "./conversation.events.js";
import { emailUse } from "./deployment-phrases.js";
import { accountBlockedLine, situationLead } from "./situation-replies.js";

/** A reply before the engine stamps the user's locale on it. */
export interface ReplyContent {
  body: Message[];
  choices?: Choice[];
  /** What the bot asks for next, so adapters can offer the right control (contact button, upload). */
  expects?: "text" | "phone" | "document";
  /** Written in another language than the chat's (a FAQ answer to a question asked in it). */
  locale?: Locale;
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
  | "supportQuestion"
  | "resume"
  | "proving"
  | "privacyProof"
  | "withdrawConfirm"
  | "withdrawing"
  | "eraseConfirm"
  | "erasing"
  | "restartConfirm";

/** What the pending question depends on besides the conversation: the user's record and this deployment. */
export interface PromptSettings {
  record: UserRecord;
  platform: Platform;
  smsAvailable: boolean;
  retention: RetentionPolicy;
  timeZone: string;
  /** Where results are sent (the chat, and email and SMS where configured): the email step says what the address is for. */
  resultChannels: readonly Channel[];
  /** Photos of this draft whose read (OCR) has not finished: the summary says they are still being checked. */
  photosBeingChecked: readonly DocumentSlot[];
}

const DEFAULT_PROMPT_SETTINGS: PromptSettings = {
  record: NEW_USER_RECORD,
  platform: "console",
  smsAvailable: true,
  retention: DEFAULT_RETENTION,
  timeZone: "Asia/Shanghai",
  resultChannels: ["chat"],
  photosBeingChecked: [],
};

/** The pending question of each state: what the user sees after every reply, so no state is a dead end. */
export function promptFor(state: ConversationState, context: ConversationContext, settings: Partial<PromptSettings> = {}): ReplyContent {
  const { record, platform, smsAvailable, retention, timeZone, photosBeingChecked, resultChannels } = {
    ...DEFAULT_PROMPT_SETTINGS,
    ...settings,
  };
  const { draft } = context;
  switch (state) {
    case "menu":
      return menuPrompt(draft, record, timeZone);
    case "newEmail":
      return { body: [msg("ask.newEmail")], expects: "text" };
    case "newPhone":
      return { body: [msg(smsAvailable ? "ask.newPhone" : "ask.newPhone.noSms")], expects: "phone" };
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
        body: [
          consentText(draft, retention),
          msg("summary.title"),
          ...summaryLines(draft),
          ...(photosBeingChecked.length > 0
            ? [msg("summary.stillChecking", { photos: joinMessages(photosBeingChecked.map((slot) => msg(`read.field.${slot}`))) })]
            : []),
        ],
        choices: [choice("consent.agree", "choice.consentAgree"), choice("edit", "choice.edit")],
      };
    case "editPick":
      return {
        body: [msg("edit.prompt")],
        choices: [
          ...editableSteps(draft.method)
            .filter((step) => !context.providingInfo || stepsOpenWhileProviding(context.requestedItems ?? []).includes(step))
            .map((step) => choice(`edit.${step}`, `field.${step}`)),
          choice("editDone", "choice.editDone"),
        ],
      };
    case "privacyProof":
      return {
        body: [msg("privacy.proof.prompt")],
        choices: [choice("privacy.proof.resend", "choice.otpResend"), choice("privacy.proof.cancel", "choice.privacyProofCancel")],
      };
    case "eraseConfirm":
      return {
        body: [msg("privacy.erase.confirm")],
        choices: [
          choice("privacy.erase.confirm", "choice.privacyEraseConfirm"),
          choice("privacy.erase.cancel", "choice.privacyEraseCancel"),
        ],
      };
    case "restartConfirm":
      return {
        body: [msg("restart.confirm")],
        choices: [choice("restart.confirm", "choice.restartConfirm"), choice("restart.cancel", "choice.restartCancel")],
      };
    case "withdrawConfirm":
      return {
        body: [msg("withdraw.confirm", { reference: context.withdrawing ?? "" })],
        choices: [choice("withdraw.confirm", "choice.withdrawConfirm"), choice("withdraw.cancel", "choice.withdrawCancel")],
      };
    case "supportQuestion":
      return {
        body: [msg("support.ask")],
        choices: [choice("support.send", "choice.supportSend"), choice("support.cancel", "choice.supportCancel")],
        expects: "text",
      };
    case "consent":
      return {
        body: [consentText(draft, retention)],
        choices: [choice("consent.agree", "choice.consentAgree"), choice("consent.back", "choice.consentBack")],
      };
    // Passed through within one event, never rested in: if one ever were, the menu is a safe next step.
    case "route":
    case "submitting":
    case "updatingContact":
    case "resume":
    case "proving":
    case "withdrawing":
    case "erasing":
      return menuPrompt(draft, record, timeZone);
    default:
      return stepPrompt(state, context, { platform, smsAvailable, resultChannels });
  }
}

function menuPrompt(draft: Draft, record: UserRecord, timeZone: string): ReplyContent {
  // A disabled or cancelled account can start, continue or submit nothing: no button that would only be refused.
  if (record.account !== "active")
    return {
      body: [accountBlockedLine(record.account), msg("menu.prompt")],
      choices: [choice("support", "choice.support"), choice("status", "choice.status"), choice("faq", "choice.faq")],
    };
  const situation = situationOf(record, draft);
  const { application } = situation;
  // Waiting for the user's information is the one thing that matters to them now: said first, its button first.
  const waiting = application.kind === "waiting_for_user" ? situationLead(application, timeZone) : { body: [], choices: [] };
  if (record.verified) {
    const enterprise = record.application?.status === "approved" && record.application.method === "enterprise";
    const held = application.kind === "held";
    return {
      // The same lead /status gives ("verified since …"): after /status it is not said twice (saidOnce).
      body: [...(application.kind === "approved" ? situationLead(application, timeZone).body : waiting.body), msg("menu.prompt")],
      choices: [
        ...waiting.choices,
        // A held re-verification carries its own email and phone: they are not changed under it (see hasContactOnRecord).
        ...(held ? [] : [choice("update.email", "choice.updateEmail"), choice("update.phone", "choice.updatePhone")]),
        ...(enterprise && !held ? [choice("reverify", "choice.reverify")] : []),
        choice("status", "choice.status"),
        choice("faq", "choice.faq"),
        choice("support", "choice.support"),
      ],
    };
  }
  const started = situation.draft !== null;
  // No Start button that would only be refused: an application in review, waiting for the user or held is still open.
  const open = application.kind === "waiting_for_user" || application.kind === "submitted" || application.kind === "held";
  // Rejected for something fixable: resubmitting keeps the answers, so it comes first; starting over is "new".
  const resubmit = !started && application.kind === "rejected" && application.resubmission === "allowed";
  const start = started ? choice("start", "choice.continue") : choice("start", resubmit ? "choice.startNew" : "choice.start");
  return {
    body: [...waiting.body, ...(started ? [msg("menu.draftWaiting")] : []), msg("menu.prompt")],
    choices: [
      ...waiting.choices,
      ...(resubmit ? [choice("resubmit", "choice.resubmit")] : []),
      ...(open ? [] : [start]),
      choice("status", "choice.status"),
      choice("faq", "choice.faq"),
      choice("support", "choice.support"),
    ],
  };
}

function stepPrompt(
  step: Step,
  { draft, code }: ConversationContext,
  { platform, smsAvailable, resultChannels }: Pick<PromptSettings, "platform" | "smsAvailable" | "resultChannels">,
): ReplyContent {
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
    case "licence":
    case "legalRepFront":
    case "legalRepBack": {
      if (!isStepDone(step, draft)) return { body: [msg(`ask.${step}`)], expects: "document" };
      return { body: [msg(`ask.${step}`), msg("ask.currentDocument")], choices: [choice("keep", "choice.keepPhoto")], expects: "document" };
    }
    default: {
      const current = currentValue(step, draft);
      const expects = step === "phone" ? "phone" : "text";
      // The email step says what the address is for here: the result goes there only where email is sent.
      const ask = step === "email" ? msg("ask.email", { use: emailUse(resultChannels) }) : msg(`ask.${step}`);
      if (!current) return { body: [ask], expects };
      return {
        body: [ask, msg("ask.currentValue", { value: current })],
        choices: [
          {
            id: "keep",
            label: msg("choice.keepValue", { value: typeof current === "string" ? shortened(current, LABEL_VALUE_CHARS) : current }),
          },
        ],
        expects,
      };
    }
  }
}

/** What submitting agrees to: only what the chosen method collects, and how long it is kept. */
function consentText(draft: Draft, retention: RetentionPolicy): Message {
  return msg("consent.prompt", { days: retention.retentionDays, data: msg(`consent.data.${draft.method ?? "none"}`) });
}

/** A button shows about 20 characters on a phone (Slack allows 75): a long answer is cut in its label only. */
const LABEL_VALUE_CHARS = 20;

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
