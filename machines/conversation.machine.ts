import { and, setup } from "xstate";
import { editableSteps, METHODS, STEPS, stepsFor, TEXT_STEPS } from "../src/domain/application.js";
import { APPLICATION_CHOICES, SUBMIT_WITH_CONSENT } from "./application-choices.js";
import { conversationActions } from "./conversation.actions.js";
import type { ConversationContext, ConversationEvent, ConversationInput, ConversationOutput } from "./conversation.events.js";
import { conversationGuards } from "./conversation.guards.js";
import {
  ACKNOWLEDGED,
  ANSWER_QUESTION_IN_FLOW,
  codeStep,
  documentStep,
  newContactStep,
  photoFindingChoices,
  SMALL_TALK,
  STALE_CHOICE,
  stopVerifying,
  textStep,
} from "./conversation.steps.js";

/**
 * Bump when a change makes persisted snapshots unreadable (a state renamed or
 * removed, context reshaped). Stored snapshots of another version are not
 * resumed: the user gets an apology and the menu, their draft kept.
 */
export const CONVERSATION_MACHINE_VERSION = 1;

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
    "cmd.help": { actions: ["sayHelp", "prompt"] },
    "cmd.status": { actions: ["sayStatus", "prompt"] },
    "cmd.lang": [
      { guard: "langUnsupported", actions: [{ type: "say", params: { key: "lang.unsupported" } }, "prompt"] },
      { actions: ["switchLocale", { type: "say", params: { key: "lang.switched" } }, "prompt"] },
    ],
    "cmd.unknown": { actions: ["sayUnknownCommand", "prompt"] },
    "cmd.back": { actions: [{ type: "say", params: { key: "back.first" } }, "prompt"] },
    "cmd.restart": [
      { guard: "draftStarted", target: ".restartConfirm" },
      { actions: [{ type: "say", params: { key: "restart.nothing" } }, "prompt"] },
    ],
    "user.unusable": { actions: ["sayUnusable", "prompt"] },
    "user.file": [
      { guard: "reviewersAwaitPhoto", actions: [{ type: "say", params: { key: "document.provideInfoFirst" } }, "prompt"] },
      { guard: "photoStepAhead", actions: [{ type: "say", params: { key: "document.unexpected" } }, "prompt"] },
      { guard: "methodToChoose", actions: [{ type: "say", params: { key: "document.beforeMethod" } }, "prompt"] },
      { actions: [{ type: "say", params: { key: "document.notNeeded" } }, "prompt"] },
    ],
    "user.contact": { actions: [{ type: "say", params: { key: "input.unsupported" } }, "prompt"] },
    // Where only buttons are expected (the method, the summary, a confirmation) typed text can't be a wrong answer:
    // as in the menu, any question the FAQ recognises is answered, then the buttons come again.
    "user.text": [
      SMALL_TALK,
      ...stopVerifying("root"),
      { guard: "matchedQuestion", actions: ["answerFaq", "prompt"] },
      { actions: [{ type: "say", params: { key: "input.useButtons" } }, "prompt"] },
    ],
    "choice.*": STALE_CHOICE,
    ...APPLICATION_CHOICES,
    "choice.faq": { actions: ["showTopics"] },
    "choice.topics.more": { actions: ["showMoreTopics"] },
    "choice.faq.*": { actions: ["answerFaq", "prompt"] },
    "choice.helpful.*": { actions: ["takeFaqFeedback", "prompt"] },
    "faq.missNoted": { actions: "rememberFaqMiss" },
    // The question the FAQ missed goes with the request; without one, the user is asked for it first.
    "choice.support": [{ guard: "hasUnansweredQuestion", actions: "requestSupport" }, { target: ".supportQuestion" }],
    "support.requested": { actions: ["confirmSupportRequest", "prompt"] },
    "code.sent": { actions: "rememberCode" },
    "code.refused": { actions: "explainCodeRefused" },
    "choice.update.email": [{ guard: "hasContactOnRecord", target: ".newEmail" }, STALE_CHOICE],
    "choice.update.phone": [
      { guard: and(["hasContactOnRecord", "verifiedPhoneWithoutSms"]), actions: ["sayPhoneNeedsSms", "prompt"] },
      { guard: "hasContactOnRecord", target: ".newPhone" },
      STALE_CHOICE,
    ],
    "choice.notify.resend": { actions: "resendNotification" },
    "notification.resent": { actions: ["confirmResent", "prompt"] },
    "notification.resendRefused": { actions: ["explainResendRefused", "prompt"] },
    "document.read": { actions: "keepLateRead" },
    ...photoFindingChoices(),
    "cmd.privacy": { actions: "sayPrivacy" },
    "choice.privacy": { actions: "sayPrivacy" },
    // Export and erasure first prove who asks: a fresh code to the registered phone or email.
    "choice.privacy.export": { target: ".proving", actions: { type: "askProof", params: { action: "export" } } },
    // While an application is being decided its details are needed: withdraw it first.
    "choice.privacy.erase": [
      { guard: "awaitingDecision", actions: "sayEraseRefused" },
      { target: ".proving", actions: { type: "askProof", params: { action: "erase" } } },
    ],
  },
  states: {
    menu: {
      entry: "prompt",
      on: {
        "choice.start": [
          { guard: "accountBlocked", actions: ["sayAccountBlocked", "prompt"] },
          { guard: "verified", actions: [{ type: "say", params: { key: "start.verified" } }, "prompt"] },
          { guard: "applicationOpen", actions: ["sayPending", "prompt"] },
          { target: "route" },
        ],
        "choice.status": { actions: ["sayStatus", "prompt"] },
        "user.text": [
          SMALL_TALK,
          ACKNOWLEDGED,
          ...stopVerifying("menu"),
          { guard: "detailTypedInMenu", actions: ["sayDetailTypedInMenu", "prompt"] },
          { guard: "asksAboutDecision", actions: ["explainDecision", "prompt"] },
          { guard: "matchedQuestion", actions: ["answerFaq", "prompt"] },
          { actions: ["offerTopics"] },
        ],
        "cmd.cancel": { actions: [{ type: "say", params: { key: "cancel.nothing" } }, "prompt"] },
      },
    },
    /**
     * Goes to the first unanswered question, or to the summary when there is none. An account disabled
     * mid-application is told at its next step, not after every question at Submit; the answers are kept.
     */
    route: {
      always: [
        { guard: "accountBlocked", target: "menu", actions: "sayAccountBlocked" },
        ...STEPS.map((step) => ({ guard: { type: "isNextStep" as const, params: { step } }, target: step })),
        { target: "summary" },
      ],
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
    legalRepFront: documentStep("legalRepFront"),
    legalRepBack: documentStep("legalRepBack"),
    phoneCode: codeStep({ target: "route", actions: "confirmPhone" }, { changePhone: "phone", back: "method" }),
    summary: {
      entry: "prompt",
      on: {
        // Consent is given here, once: the summary carries its text and one "Submit (I agree)" button.
        "choice.consent.agree": SUBMIT_WITH_CONSENT,
        // A "Submit" button from an earlier summary still asks for consent on its own.
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
        "choice.consent.agree": SUBMIT_WITH_CONSENT,
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
    newEmail: newContactStep([{ guard: "validNewEmail", target: "updatingContact", actions: "saveNewEmail" }], "explainNewEmail"),
    newPhone: newContactStep(
      [
        { guard: "validNewPhoneWithoutSms", target: "updatingContact", actions: "saveTypedPhone" },
        { guard: "validNewPhone", target: "newPhoneCode", actions: "rememberNewPhone" },
      ],
      "explainNewPhone",
    ),
    /** Where SMS can be sent, a new phone is saved only once its one-time code is typed back. */
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
    /** "Start over": the unfinished application and its photos are discarded once the user confirms. */
    restartConfirm: {
      entry: "prompt",
      on: {
        "choice.restart.confirm": { target: "menu", actions: "discardDraft" },
        "choice.restart.cancel": { target: "route", actions: { type: "say", params: { key: "restart.kept" } } },
        "cmd.back": "route",
      },
    },
    /** Waits, within the same engine call, for the proof code to be sent (or found unneeded). */
    proving: {
      on: {
        "privacy.proofSent": { target: "privacyProof", actions: "rememberProof" },
        "privacy.proofSkipped": [
          { guard: "provingErasure", target: "eraseConfirm" },
          { target: "resume", actions: "exportData" },
        ],
        "privacy.proofRefused": { target: "resume", actions: "explainProofRefused" },
      },
    },
    /** The code sent before an export or erasure: typed back, the action goes ahead. */
    privacyProof: {
      entry: "prompt",
      on: {
        "user.text": [
          { guard: and(["proofMatches", "provingErasure"]), target: "eraseConfirm", actions: "acceptProof" },
          { guard: "proofMatches", target: "resume", actions: ["acceptProof", "exportData"] },
          SMALL_TALK,
          { guard: "saysNoCode", actions: [{ type: "say", params: { key: "privacy.proof.notReceived" } }, "prompt"] },
          ANSWER_QUESTION_IN_FLOW,
          { actions: ["explainWrongCode", "prompt"] },
        ],
        "choice.privacy.proof.resend": { target: "proving", actions: "askProofAgain" },
        "choice.privacy.proof.cancel": { target: "resume", actions: "cancelProof" },
        "cmd.back": { target: "resume", actions: "cancelProof" },
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
    /** "Talk to a person": what should the team know? One message, or the request without one. */
    supportQuestion: {
      entry: "prompt",
      on: {
        "user.text": { target: "resume", actions: "requestSupportWithText" },
        "choice.support.send": { target: "resume", actions: "requestSupport" },
        "choice.support.cancel": { target: "resume", actions: { type: "say", params: { key: "support.notSent" } } },
        "cmd.back": "resume",
        "cmd.cancel": { target: "resume", actions: { type: "say", params: { key: "support.notSent" } } },
      },
    },
    /** Back to what the user was doing: their unfinished application, or the menu. */
    /** Back where the user was: their draft's next step, or the menu. */
    resume: {
      always: [{ guard: "draftStarted", target: "route" }, { target: "menu" }],
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
