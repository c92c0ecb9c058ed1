import { assign, emit, enqueueActions, setup } from "xstate";
import {
  DOCUMENT_STEPS,
  editableSteps,
  EMPTY_DRAFT,
  METHODS,
  previousStep,
  stepsFor,
  STEPS,
  TEXT_STEPS,
  withMethod,
  type DocumentSlot,
  type Method,
  type Step,
  type TextStep,
} from "../src/domain/application.js";
import { formatPhoneForDisplay, validatePhone } from "../src/domain/phone.js";
import { checkOneTimeCode, ONE_TIME_CODE_MAX_WRONG_TRIES, resendWaitMs } from "../src/domain/one-time-code.js";
import { otherLocale } from "../src/i18n/locale.js";
import { joinMessages, msg, type Message, type MessageKey } from "../src/i18n/message.js";
import { faqReply, topicChoices } from "./faq-replies.js";
import { FAQ_TOPICS, type FaqTopic } from "../src/domain/faq-topics.js";
import type { Channel } from "../src/domain/delivery.js";
import type { ConversationContext, ConversationEvent, ConversationInput, ConversationOutput } from "./conversation.events.js";
import { choice } from "./conversation.choices.js";
import { answerTo, conversationGuards, phoneToVerify, validEmail, validPhone } from "./conversation.guards.js";
import { statusReply } from "./conversation.prompts.js";

/**
 * Bump when a change makes persisted snapshots unreadable (a state renamed or
 * removed, context reshaped). Stored snapshots of another version are not
 * resumed: the user gets an apology and the menu, their draft kept.
 */
export const CONVERSATION_MACHINE_VERSION = 1;

type DocumentStep = "idFront" | "idBack" | "licence";

const reply = (...body: Message[]): ConversationOutput => ({ type: "reply", body });

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
  actions: {
    prompt: emit({ type: "prompt" }),
    say: emit((_, params: { key: MessageKey }) => reply(msg(params.key))),
    saveAnswer: assign(({ context, event }, params: { step: TextStep }) => {
      if (event.type !== "user.text") return {};
      const result = answerTo(params.step, event, context.draft);
      return result.ok ? { draft: result.draft } : {};
    }),
    explainAnswer: emit(({ context, event }, params: { step: TextStep }) => {
      const result = event.type === "user.text" && answerTo(params.step, event, context.draft);
      return reply(result && !result.ok ? result.error : msg("input.empty"));
    }),
    chooseMethod: assign(({ context }, params: { method: Method }) => ({
      draft: withMethod(context.draft, params.method),
    })),
    saveDocument: enqueueActions(({ context, event, enqueue }, params: { slot: DocumentSlot }) => {
      if (event.type !== "user.file" || !event.upload.document) return;
      const document = event.upload.document;
      enqueue.assign({ draft: { ...context.draft, documents: { ...context.draft.documents, [params.slot]: document } } });
      enqueue.emit({ type: "effect.keepDocument", documentId: document.id });
      enqueue.emit(reply(msg("document.received")));
    }),
    explainUpload: emit(({ event }) =>
      reply(
        msg("document.rejected"),
        ...(event.type === "user.file" ? event.upload.problems : []).map((problem) =>
          msg("document.problemLine", { problem: msg(`document.problem.${problem.code}`, problem.params) }),
        ),
      ),
    ),
    saveContact: assign(({ context, event }) => {
      if (event.type !== "user.contact") return {};
      return { draft: { ...context.draft, phone: event.phone, phoneVerified: event.phone } };
    }),
    sendCodeIfNeeded: enqueueActions(({ context, event, enqueue }) => {
      const phone = phoneToVerify(context);
      if (!phone || resendWaitMs(context.code, event.now) > 0) return;
      const check = context.code?.phone === phone ? checkOneTimeCode(context.code, "", event.now) : "expired";
      if (check === "expired" || check === "exhausted") enqueue.emit({ type: "effect.sendCode", phone });
    }),
    resendCode: enqueueActions(({ context, enqueue }) => {
      const phone = phoneToVerify(context)!;
      enqueue.emit({ type: "effect.sendCode", phone });
      enqueue.emit(reply(msg("otp.sent", { phone: formatPhoneForDisplay(phone) })));
    }),
    sayResendWait: emit(({ context, event }) =>
      reply(msg("otp.wait", { seconds: Math.ceil(resendWaitMs(context.code, event.now) / 1000) })),
    ),
    rememberCode: assign(({ event }) => (event.type === "code.sent" ? { code: event.issued } : {})),
    confirmPhone: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ draft: { ...context.draft, phoneVerified: context.draft.phone }, code: undefined });
      enqueue.emit(reply(msg("otp.verified")));
    }),
    explainWrongCode: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== "user.text") return;
      const code = context.code;
      if (!code || code.phone !== phoneToVerify(context)) return;
      const check = checkOneTimeCode(code, event.text, event.now);
      if (check === "wrong") {
        const wrongTries = code.wrongTries + 1;
        enqueue.assign({ code: { ...code, wrongTries } });
        const left = ONE_TIME_CODE_MAX_WRONG_TRIES - wrongTries;
        enqueue.emit(reply(msg(left > 0 ? "otp.wrong" : "otp.exhausted", { left })));
      } else if (check !== "match") {
        enqueue.emit(reply(msg(`otp.${check}`)));
      }
    }),
    submit: emit(({ context }) => ({
      type: "effect.submit",
      draft: context.draft,
      ...(context.resubmitting ? { previousReference: context.resubmitting } : {}),
    })),
    provideInfo: emit(({ context }) => ({ type: "effect.provideInfo", reference: context.providingInfo!, draft: context.draft })),
    prepareResubmission: emit(({ event }) => ({
      type: "effect.prepareResubmission",
      reference: event.record.application!.reference,
      why: "rejected" as const,
    })),
    prepareReverification: emit(({ event }) => ({
      type: "effect.prepareResubmission",
      reference: event.record.application!.reference,
      why: "legal_rep_change" as const,
    })),
    startResubmission: enqueueActions(({ event, enqueue }) => {
      if (event.type !== "resubmission.ready") return;
      enqueue.assign({ draft: event.draft, resubmitting: event.previousReference, providingInfo: undefined });
      const key = event.why === "rejected" ? "resubmit.started" : "reverify.started";
      enqueue.emit(reply(msg(key, { reference: event.previousReference })));
    }),
    answerFaq: emit(({ event }) => {
      const topic = event.type === "user.text" ? event.faq?.topic : (event.type.slice("choice.faq.".length) as FaqTopic);
      if (!topic || !FAQ_TOPICS.includes(topic)) return reply(msg("input.staleChoice"));
      const contact = event.type === "user.text" ? event.contact : undefined;
      return { type: "reply", ...faqReply(topic, event.record, event.supportContact, contact) };
    }),
    offerTopics: enqueueActions(({ event, enqueue }) => {
      if (event.type !== "user.text") return;
      enqueue.assign({ unansweredQuestion: event.text.trim().slice(0, 500) });
      enqueue.emit({
        type: "reply",
        body: [msg("faq.noMatch")],
        choices: [...topicChoices(), choice("support", "choice.talkToPerson")],
      });
    }),
    showTopics: emit({ type: "reply", body: [msg("faq.pick")], choices: topicChoices() }),
    requestSupport: emit(({ context }) => ({
      type: "effect.requestSupport",
      ...(context.unansweredQuestion ? { question: context.unansweredQuestion } : {}),
    })),
    confirmSupportRequest: enqueueActions(({ event, enqueue }) => {
      if (event.type !== "support.requested") return;
      enqueue.emit(reply(msg("support.requested", { reference: event.reference, support: event.supportContact })));
      enqueue.assign({ unansweredQuestion: undefined });
    }),
    explainNewEmail: emit(({ event }) => reply(msg("error.email.format", { value: event.type === "user.text" ? event.text.trim() : "" }))),
    saveNewEmail: emit(({ event }) => ({
      type: "effect.updateContact",
      field: "email" as const,
      value: event.type === "user.text" ? validEmail(event.text)! : "",
    })),
    rememberNewPhone: assign(({ event }) => ({ pendingPhone: event.type === "user.text" ? validPhone(event.text) : undefined })),
    explainNewPhone: emit(({ event }) => {
      const result = event.type === "user.text" ? validatePhone(event.text) : null;
      return reply(msg(result && !result.valid ? `error.phone.${result.error}` : "error.phone.invalid"));
    }),
    saveNewPhone: emit(({ context }) => ({ type: "effect.updateContact", field: "phone" as const, value: context.pendingPhone! })),
    confirmContactUpdated: enqueueActions(({ event, enqueue }) => {
      if (event.type !== "contact.updated") return;
      enqueue.emit({
        type: "reply",
        body: [msg(event.field === "email" ? "contact.emailUpdated" : "contact.phoneUpdated")],
        choices: [choice("notify.resend", "choice.resendToNew")],
      });
      enqueue.assign({ pendingPhone: undefined, code: undefined });
    }),
    explainHeld: emit(({ context, event }) => {
      if (event.type !== "application.held") return reply(msg("maintenance.held", { until: "", note: "" }));
      const note = (context.locale === "zh-CN" ? event.note.zh : event.note.en) ?? "";
      return reply(msg("maintenance.held", { until: event.until, note }));
    }),
    confirmResent: emit(({ event }) => {
      const channels = event.type === "notification.resent" ? event.channels : [];
      const used: Channel[] = channels.length > 0 ? channels : ["chat"];
      return reply(msg("notification.resent", { channels: joinMessages(used.map((channel) => msg(`channel.${channel}`))) }));
    }),
    explainResendRefused: emit(({ event }) => {
      const until = event.type === "notification.resendRefused" ? event.until : null;
      if (until === null) return reply(msg("notification.nothingToResend"));
      return reply(msg("notification.resendLimited", { minutes: Math.max(1, Math.ceil((until - event.now) / 60_000)) }));
    }),
    prepareInfo: emit(({ event }) => ({ type: "effect.prepareInfo", reference: event.record.application!.reference })),
    startProvidingInfo: enqueueActions(({ event, enqueue }) => {
      if (event.type !== "info.ready") return;
      enqueue.assign({ draft: event.draft, providingInfo: event.reference, resubmitting: undefined });
      enqueue.emit(reply(msg("provideInfo.started", { reference: event.reference })));
    }),
    confirmInfoProvided: enqueueActions(({ event, enqueue }) => {
      if (event.type !== "application.infoProvided") return;
      enqueue.emit(reply(msg("provideInfo.done", { reference: event.reference })));
      enqueue.assign({ draft: EMPTY_DRAFT, providingInfo: undefined, code: undefined });
    }),
    rememberWithdrawal: assign(({ event }) => ({ withdrawing: event.record.application?.reference })),
    withdraw: emit(({ context }) => ({ type: "effect.withdraw", reference: context.withdrawing! })),
    confirmWithdrawal: enqueueActions(({ event, enqueue }) => {
      if (event.type !== "application.withdrawn") return;
      enqueue.emit(reply(msg("withdraw.done", { reference: event.reference })));
      enqueue.assign({ withdrawing: undefined });
    }),
    sayChangeRefused: enqueueActions(({ event, enqueue }) => {
      if (event.type !== "application.changeRefused") return;
      enqueue.emit(
        reply(
          event.status
            ? msg("change.refused", { reference: event.reference, status: msg(`status.${event.status}.label`) })
            : msg("review.notFound", { reference: event.reference }),
        ),
      );
      enqueue.assign({ providingInfo: undefined, withdrawing: undefined });
    }),
    confirmSubmission: enqueueActions(({ event, enqueue }) => {
      if (event.type !== "application.submitted") return;
      enqueue.emit(reply(msg("submitted.done", { reference: event.reference, expectedBy: event.expectedBy })));
      enqueue.assign({ draft: EMPTY_DRAFT, code: undefined, resubmitting: undefined });
    }),
    sayStatus: emit(({ context, event }) => ({ type: "reply", ...statusReply(event.record, context.draft) })),
    sayAccountBlocked: emit(({ event }) =>
      reply(
        msg("start.accountBlocked", {
          account: msg(`account.${event.record.account}`),
          support: event.supportContact,
        }),
      ),
    ),
    sayPending: emit(({ event }) =>
      reply(
        msg("start.pending", {
          reference: event.record.application?.reference ?? "",
          expectedBy: event.record.application?.expectedBy ?? "",
        }),
      ),
    ),
    saySupport: emit(({ event }) => reply(msg("support.contact", { support: event.supportContact }))),
    sayUnusable: emit(({ event }) => reply(msg(event.type === "user.unusable" ? `input.${event.reason}` : "input.empty"))),
    sayUnknownCommand: emit(({ event }) =>
      reply(msg("input.unknownCommand", { command: event.type === "cmd.unknown" ? event.command : "" }), msg("help.text")),
    ),
    switchLocale: assign(({ context, event }) => ({
      locale: event.type === "cmd.lang" && event.locale ? event.locale : otherLocale(context.locale),
    })),
  },
}).createMachine({
  id: "conversation",
  context: ({ input }) => ({ locale: input.locale, draft: input.draft }),
  initial: "menu",
  on: {
    "cmd.start": { target: ".menu", reenter: true, actions: { type: "say", params: { key: "menu.welcome" } } },
    "cmd.cancel": { target: ".menu", actions: { type: "say", params: { key: "cancel.done" } } },
    "cmd.help": { actions: [{ type: "say", params: { key: "help.text" } }, "prompt"] },
    "cmd.status": { actions: ["sayStatus", "prompt"] },
    "cmd.lang": { actions: ["switchLocale", { type: "say", params: { key: "lang.switched" } }, "prompt"] },
    "cmd.unknown": { actions: ["sayUnknownCommand", "prompt"] },
    "cmd.back": { actions: [{ type: "say", params: { key: "back.first" } }, "prompt"] },
    "user.unusable": { actions: ["sayUnusable", "prompt"] },
    "user.file": { actions: [{ type: "say", params: { key: "document.unexpected" } }, "prompt"] },
    "user.contact": { actions: [{ type: "say", params: { key: "input.unsupported" } }, "prompt"] },
    "user.text": [
      { guard: "questionInFlow", actions: ["answerFaq", "prompt"] },
      { actions: [{ type: "say", params: { key: "input.useButtons" } }, "prompt"] },
    ],
    "choice.*": STALE_CHOICE,
    "choice.faq": { actions: ["showTopics"] },
    "choice.faq.*": { actions: ["answerFaq", "prompt"] },
    "choice.support": { actions: "requestSupport" },
    "support.requested": { actions: ["confirmSupportRequest", "prompt"] },
    "code.sent": { actions: "rememberCode" },
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
    "choice.notify.resend": { actions: emit({ type: "effect.resendNotification" }) },
    "notification.resent": { actions: ["confirmResent", "prompt"] },
    "notification.resendRefused": { actions: ["explainResendRefused", "prompt"] },
    "choice.reverify": [
      { guard: "awaitingDecision", actions: ["sayPending", "prompt"] },
      { guard: "approvedEnterprise", actions: "prepareReverification" },
      STALE_CHOICE,
    ],
    "choice.withdraw": [{ guard: "awaitingDecision", target: ".withdrawConfirm", actions: "rememberWithdrawal" }, STALE_CHOICE],
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
        "user.text": [{ guard: "matchedQuestion", actions: ["answerFaq", "prompt"] }, { actions: ["offerTopics"] }],
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
            { target: "route", actions: { type: "chooseMethod" as const, params: { method } } },
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
            .map((step) => [`choice.edit.${step}`, step]),
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
    newEmail: {
      entry: "prompt",
      on: {
        "user.text": [
          { guard: "validNewEmail", target: "updatingContact", actions: "saveNewEmail" },
          { guard: "questionInFlow", actions: ["answerFaq", "prompt"] },
          { actions: ["explainNewEmail", "prompt"] },
        ],
        "cmd.back": "menu",
      },
    },
    newPhone: {
      entry: "prompt",
      on: {
        "user.text": [
          { guard: "validNewPhone", target: "newPhoneCode", actions: "rememberNewPhone" },
          { guard: "questionInFlow", actions: ["answerFaq", "prompt"] },
          { actions: ["explainNewPhone", "prompt"] },
        ],
        "cmd.back": "menu",
      },
    },
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
        { guard: "strongQuestion" as const, actions: ["answerFaq" as const, "prompt" as const] },
        {
          guard: { type: "answerValid" as const, params: { step } },
          target: "route",
          actions: { type: "saveAnswer" as const, params: { step } },
        },
        { guard: "questionInFlow" as const, actions: ["answerFaq" as const, "prompt" as const] },
        { actions: [{ type: "explainAnswer" as const, params: { step } }, "prompt" as const] },
      ],
      ...(previous ? { "cmd.back": previous } : {}),
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
        { guard: "questionInFlow" as const, actions: ["answerFaq" as const, "prompt" as const] },
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

function documentStep(step: DocumentStep) {
  return {
    entry: "prompt" as const,
    on: {
      "user.file": [
        {
          guard: "uploadAccepted" as const,
          target: "route",
          actions: { type: "saveDocument" as const, params: { slot: DOCUMENT_STEPS[step]! } },
        },
        { actions: ["explainUpload" as const, "prompt" as const] },
      ],
      "cmd.back": backTarget(step)!,
    },
  };
}
