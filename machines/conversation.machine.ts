import { and, setup } from "xstate";
import {
  DOCUMENT_SLOTS,
  DOCUMENT_STEPS,
  type DocumentSlot,
  editableSteps,
  METHODS,
  type Method,
  previousStep,
  STEPS,
  type Step,
  stepsFor,
  TEXT_STEPS,
  type TextStep,
} from "../src/domain/application.js";
import { conversationActions } from "./conversation.actions.js";
import type { ConversationContext, ConversationEvent, ConversationInput, ConversationOutput } from "./conversation.events.js";
import { conversationGuards } from "./conversation.guards.js";

/**
 * Bump when a change makes persisted snapshots unreadable (a state renamed or
 * removed, context reshaped). Stored snapshots of another version are not
 * resumed: the user gets an apology and the menu, their draft kept.
 */
export const CONVERSATION_MACHINE_VERSION = 1;

type DocumentStep = "idFront" | "idBack" | "licence";
const STEP_OF_SLOT: Record<DocumentSlot, DocumentStep> = { id_front: "idFront", id_back: "idBack", licence: "licence" };

/** Text in the middle of the flow that reads clearly enough like a FAQ question: answer it, then ask the pending question again. */
const ANSWER_QUESTION_IN_FLOW = { guard: "questionInFlow" as const, actions: ["answerFaq" as const, "prompt" as const] };

/** "Keep …" on a step already answered: the answer stands, and the flow goes on to the next open question. */
const KEEP = (step: Step) => [{ guard: { type: "stepDone" as const, params: { step } }, target: "route" as const }, STALE_CHOICE];

/** "hi", "谢谢", "bye": a short friendly answer, then the pending question (in the menu: the menu). */
const SMALL_TALK = { guard: "smallTalk" as const, actions: ["answerSmallTalk" as const, "prompt" as const] };

/** A button from an earlier message that no longer applies here: say so and ask the pending question again. */
const STALE_CHOICE = { actions: [{ type: "say" as const, params: { key: "input.staleChoice" as const } }, "prompt" as const] };

/**
 * The verification conversation. Pure: it reads the clock and the user's
 * record from events and asks for side effects by emitting them; the engine
 * performs them and feeds results back as events (`code.sent`,
 * `application.submitted`). After each event the engine shows the pending
 * question of the state the machine ends in (see `promptFor`).
 */
export const conversationMachine = setup({
  types: {
    context: {} as ConversationContext,
    events: {} as ConversationEvent,
    input: {} as ConversationInput,
    emitted: {} as ConversationOutput,
  },
  guards: conversationGuards,
  actions: conversationActions,
}).createMachine({
  id: "conversation",
  context: ({ input }) => ({ locale: input.locale, draft: input.draft }),
  initial: "menu",
  on: {
    "cmd.start": { target: ".menu", reenter: true, actions: "sayWelcome" },
    "cmd.cancel": { target: ".menu", actions: "sayCancelled" },
    "cmd.help": { actions: [{ type: "say", params: { key: "help.text" } }, "prompt"] },
    "cmd.status": { actions: ["sayStatus", "prompt"] },
    "cmd.lang": { actions: ["switchLocale", { type: "say", params: { key: "lang.switched" } }, "prompt"] },
    "cmd.unknown": { actions: ["sayUnknownCommand", "prompt"] },
    "cmd.back": { actions: [{ type: "say", params: { key: "back.first" } }, "prompt"] },
    "user.unusable": { actions: ["sayUnusable", "prompt"] },
    "user.file": { actions: [{ type: "say", params: { key: "document.unexpected" } }, "prompt"] },
    "user.contact": { actions: [{ type: "say", params: { key: "input.unsupported" } }, "prompt"] },
    "user.text": [SMALL_TALK, ANSWER_QUESTION_IN_FLOW, { actions: [{ type: "say", params: { key: "input.useButtons" } }, "prompt"] }],
    "choice.*": STALE_CHOICE,
    "choice.faq": { actions: ["showTopics"] },
    "choice.faq.*": { actions: ["answerFaq", "prompt"] },
    "choice.support": { actions: "requestSupport" },
    "support.requested": { actions: ["confirmSupportRequest", "prompt"] },
    "code.sent": { actions: "rememberCode" },
    "code.refused": { actions: "explainCodeRefused" },
    "choice.resubmit": [
      { guard: { type: "resubmission", params: { verdict: "allowed" } }, actions: "prepareResubmission" },
      { guard: { type: "resubmission", params: { verdict: "final" } }, actions: ["saySupport", "prompt"] },
      {
        guard: { type: "resubmission", params: { verdict: "limit" } },
        actions: [{ type: "say", params: { key: "resubmit.limit" } }, "saySupport", "prompt"],
      },
      STALE_CHOICE,
    ],
    "resubmission.ready": { target: ".route", actions: "startResubmission" },
    "choice.provideInfo": [{ guard: "needsInfo", actions: "prepareInfo" }, STALE_CHOICE],
    "info.ready": { target: ".route", actions: "startProvidingInfo" },
    "choice.update.email": [{ guard: "hasContactOnRecord", target: ".newEmail" }, STALE_CHOICE],
    "choice.update.phone": [{ guard: "hasContactOnRecord", target: ".newPhone" }, STALE_CHOICE],
    "choice.notify.resend": { actions: "resendNotification" },
    "notification.resent": { actions: ["confirmResent", "prompt"] },
    "notification.resendRefused": { actions: ["explainResendRefused", "prompt"] },
    "choice.reverify": [
      { guard: "awaitingDecision", actions: ["sayPending", "prompt"] },
      { guard: "approvedEnterprise", actions: "prepareReverification" },
      STALE_CHOICE,
    ],
    "choice.withdraw": [{ guard: "awaitingDecision", target: ".withdrawConfirm", actions: "rememberWithdrawal" }, STALE_CHOICE],
    "document.read": { actions: "keepLateRead" },
    ...photoFindingChoices(),
    "cmd.privacy": { actions: "sayPrivacy" },
    "choice.privacy": { actions: "sayPrivacy" },
    "choice.privacy.export": { actions: "exportData" },
    // While an application is being decided its details are needed: withdraw it first.
    "choice.privacy.erase": [{ guard: "awaitingDecision", actions: "sayEraseRefused" }, { target: ".eraseConfirm" }],
  },
  states: {
    menu: {
      entry: "prompt",
      on: {
        "choice.start": [
          { guard: "accountBlocked", actions: ["sayAccountBlocked", "prompt"] },
          { guard: "verified", actions: [{ type: "say", params: { key: "start.verified" } }, "prompt"] },
          { guard: "awaitingDecision", actions: ["sayPending", "prompt"] },
          { target: "route" },
        ],
        "choice.status": { actions: ["sayStatus", "prompt"] },
        "user.text": [SMALL_TALK, { guard: "matchedQuestion", actions: ["answerFaq", "prompt"] }, { actions: ["offerTopics"] }],
        "cmd.cancel": { actions: [{ type: "say", params: { key: "cancel.nothing" } }, "prompt"] },
      },
    },
    /** Goes to the first unanswered question, or to the summary when there is none. */
    route: {
      always: [...STEPS.map((step) => ({ guard: { type: "isNextStep" as const, params: { step } }, target: step })), { target: "summary" }],
    },
    ...Object.fromEntries(TEXT_STEPS.map((step) => [step, textStep(step)])),
    phone: {
      ...textStep("phone"),
      on: {
        ...textStep("phone").on,
        "user.contact": [
          { guard: "ownContact", target: "route", actions: "saveContact" },
          { actions: [{ type: "say", params: { key: "contact.notOwn" } }, "prompt"] },
        ],
      },
    },
    method: {
      entry: "prompt",
      on: {
        ...Object.fromEntries(
          METHODS.map((method) => [
            `choice.method.${method}`,
            [
              {
                guard: { type: "methodOffered" as const, params: { method } },
                target: "route",
                actions: { type: "chooseMethod" as const, params: { method } },
              },
              STALE_CHOICE,
            ],
          ]),
        ),
        "cmd.back": "phone",
      },
    },
    idFront: documentStep("idFront"),
    idBack: documentStep("idBack"),
    licence: documentStep("licence"),
    phoneCode: codeStep({ target: "route", actions: "confirmPhone" }, { changePhone: "phone", back: "method" }),
    summary: {
      entry: "prompt",
      on: {
        "choice.submit": "consent",
        "choice.edit": "editPick",
        "cmd.back": METHODS.map((method) => ({
          guard: { type: "methodIs" as const, params: { method } },
          target: stepsFor(method).at(-1)!,
        })),
      },
    },
    editPick: {
      entry: "prompt",
      on: {
        ...Object.fromEntries(
          editableSteps("id_card")
            .concat(editableSteps("enterprise"))
            .map((step) => [
              `choice.edit.${step}`,
              [{ guard: { type: "editable" as const, params: { step } }, target: step }, STALE_CHOICE],
            ]),
        ),
        "choice.editDone": "summary",
        "cmd.back": "summary",
      },
    },
    consent: {
      entry: "prompt",
      on: {
        "choice.consent.agree": [
          { guard: "accountBlocked", target: "menu", actions: "sayAccountBlocked" },
          { guard: "providingInfo", target: "submitting", actions: "provideInfo" },
          { guard: "awaitingDecision", target: "menu", actions: "sayPending" },
          { guard: "draftComplete", target: "submitting", actions: "submit" },
          { target: "route" },
        ],
        "choice.consent.back": "summary",
        "cmd.back": "summary",
      },
    },
    /** Waits, within the same engine call, for the store to accept the application. */
    submitting: {
      on: {
        "application.submitted": { target: "menu", actions: "confirmSubmission" },
        "application.held": { target: "menu", actions: "explainHeld" },
        "application.infoProvided": { target: "menu", actions: "confirmInfoProvided" },
        "application.changeRefused": { target: "menu", actions: "sayChangeRefused" },
      },
    },
    newEmail: newContactStep({ guard: "validNewEmail", target: "updatingContact", actions: "saveNewEmail" }, "explainNewEmail"),
    newPhone: newContactStep({ guard: "validNewPhone", target: "newPhoneCode", actions: "rememberNewPhone" }, "explainNewPhone"),
    /** A verified user's new phone is saved only once its one-time code is typed back. */
    newPhoneCode: codeStep({ target: "updatingContact", actions: "saveNewPhone" }, { changePhone: "newPhone", back: "newPhone" }),
    /** Waits, within the same engine call, for the store to save the new contact detail. */
    updatingContact: {
      on: { "contact.updated": { target: "menu", actions: "confirmContactUpdated" } },
    },
    withdrawConfirm: {
      entry: "prompt",
      on: {
        "choice.withdraw.confirm": { target: "withdrawing", actions: "withdraw" },
        "choice.withdraw.cancel": "menu",
        "cmd.back": "menu",
      },
    },
    eraseConfirm: {
      entry: "prompt",
      on: {
        "choice.privacy.erase.confirm": { target: "erasing", actions: "eraseData" },
        "choice.privacy.erase.cancel": { target: "menu", actions: { type: "say", params: { key: "privacy.erase.kept" } } },
        "cmd.back": "menu",
      },
    },
    /** Waits, within the same engine call, for the store to erase the user's data. */
    erasing: {
      on: {
        "privacy.erased": { target: "menu", actions: "confirmErased" },
        "privacy.eraseRefused": { target: "menu", actions: "sayEraseRefused" },
      },
    },
    /** Waits, within the same engine call, for the store to withdraw the application. */
    withdrawing: {
      on: {
        "application.withdrawn": { target: "menu", actions: "confirmWithdrawal" },
        "application.changeRefused": { target: "menu", actions: "sayChangeRefused" },
      },
    },
  },
});

function backTarget(step: Step) {
  const method = (METHODS as readonly Method[]).find((m) => stepsFor(m).includes(step) && !stepsFor(undefined).includes(step));
  return previousStep(step, method);
}

function textStep(step: TextStep) {
  const previous = backTarget(step);
  return {
    entry: "prompt" as const,
    on: {
      "user.text": [
        SMALL_TALK,
        { guard: "strongQuestion" as const, actions: ["answerFaq" as const, "prompt" as const] },
        {
          guard: { type: "answerValid" as const, params: { step } },
          target: "route",
          actions: [
            ...(step === "idNumber" || step === "uscc" ? [{ type: "compareWithPhoto" as const, params: { step } }] : []),
            { type: "saveAnswer" as const, params: { step } },
          ],
        },
        ANSWER_QUESTION_IN_FLOW,
        { actions: [{ type: "explainAnswer" as const, params: { step } }, "prompt" as const] },
      ],
      "choice.keep": KEEP(step),
      ...(previous ? { "cmd.back": previous } : {}),
    },
  };
}

/** A verified user's new email or phone: a valid one goes on (`onValid`), anything else is explained. */
function newContactStep(
  onValid:
    | { guard: "validNewEmail"; target: "updatingContact"; actions: "saveNewEmail" }
    | { guard: "validNewPhone"; target: "newPhoneCode"; actions: "rememberNewPhone" },
  explain: "explainNewEmail" | "explainNewPhone",
) {
  return {
    entry: "prompt" as const,
    on: {
      "user.text": [SMALL_TALK, onValid, ANSWER_QUESTION_IN_FLOW, { actions: [explain, "prompt" as const] }],
      "cmd.back": "menu" as const,
    },
  };
}

/**
 * Waiting for the one-time code sent to `phoneToVerify`: a correct code does
 * `onMatch`; a wrong one is explained (tries left); resending is rate-limited.
 */
function codeStep(
  onMatch: { target: "route" | "updatingContact"; actions: "confirmPhone" | "saveNewPhone" },
  go: { changePhone: "phone" | "newPhone"; back: "method" | "newPhone" },
) {
  return {
    entry: ["sendCodeIfNeeded" as const, "prompt" as const],
    on: {
      "user.text": [
        { guard: "codeMatches" as const, ...onMatch },
        SMALL_TALK,
        ANSWER_QUESTION_IN_FLOW,
        { actions: ["explainWrongCode" as const, "prompt" as const] },
      ],
      "choice.code.resend": [
        { guard: "mayResend" as const, actions: ["resendCode" as const, "prompt" as const] },
        { actions: ["sayResendWait" as const, "prompt" as const] },
      ],
      "choice.code.changePhone": go.changePhone,
      "cmd.back": go.back,
    },
  };
}

/**
 * The buttons under a read's finding, pressed wherever the user is by then: retype the number,
 * send another photo, or stand by what they typed. Once the finding is gone (the photo replaced,
 * the number fixed, the draft submitted) they are stale.
 */
function photoFindingChoices() {
  const editable = (step: Step) => ({ type: "editable" as const, params: { step } });
  const open = (slot: DocumentSlot) => ({ type: "findingOpen" as const, params: { slot } });
  return {
    "choice.photo.fix.id_front": [{ guard: and([open("id_front"), editable("idNumber")]), target: ".idNumber" }, STALE_CHOICE],
    "choice.photo.fix.licence": [{ guard: and([open("licence"), editable("uscc")]), target: ".uscc" }, STALE_CHOICE],
    ...Object.fromEntries(
      DOCUMENT_SLOTS.flatMap((slot) => [
        [
          `choice.photo.retake.${slot}`,
          [{ guard: and([open(slot), editable(STEP_OF_SLOT[slot])]), target: `.${STEP_OF_SLOT[slot]}` }, STALE_CHOICE],
        ],
        [
          `choice.photo.keep.${slot}`,
          [{ guard: open(slot), target: ".route", actions: { type: "confirmTyped" as const, params: { slot } } }, STALE_CHOICE],
        ],
      ]),
    ),
  };
}

function documentStep(step: DocumentStep) {
  const slot = DOCUMENT_STEPS[step]!;
  return {
    entry: "prompt" as const,
    on: {
      "user.file": [
        // Kept, but the step waits: the user settles the finding with its buttons (or sends another photo).
        { guard: { type: "uploadHasFinding" as const, params: { slot } }, actions: { type: "saveDocument" as const, params: { slot } } },
        {
          guard: "uploadAccepted" as const,
          target: "route",
          actions: { type: "saveDocument" as const, params: { slot } },
        },
        { actions: ["explainUpload" as const, "prompt" as const] },
      ],
      // Text where a photo is expected: a question is answered, anything else is told what this step waits for.
      "user.text": [
        SMALL_TALK,
        ANSWER_QUESTION_IN_FLOW,
        { actions: [{ type: "say" as const, params: { key: "document.waitingForPhoto" as const } }, "prompt" as const] },
      ],
      "choice.keep": KEEP(step),
      "cmd.back": backTarget(step)!,
    },
  };
}
