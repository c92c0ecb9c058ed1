import { and } from "xstate";
import {
  DOCUMENT_SLOTS,
  DOCUMENT_STEPS,
  type DocumentSlot,
  METHODS,
  type Method,
  previousStep,
  type Step,
  stepsFor,
  type TextStep,
} from "../src/domain/application.js";
import { isNumberStep, type NumberedSlot, PHOTO_NUMBERS } from "../src/domain/read-findings.js";

/**
 * The conversation machine's states that share a shape — a typed answer, a photo, a one-time code,
 * a new contact detail — and the transitions every state may use. The machine (`conversation.machine.ts`)
 * is assembled from them.
 */

type DocumentStep = "idFront" | "idBack" | "licence" | "legalRepFront" | "legalRepBack";
const STEP_OF_SLOT: Record<DocumentSlot, DocumentStep> = {
  id_front: "idFront",
  id_back: "idBack",
  licence: "licence",
  legal_rep_front: "legalRepFront",
  legal_rep_back: "legalRepBack",
};

/** Text in the middle of the flow that reads clearly enough like a FAQ question: answer it, then ask the pending question again. */
export const ANSWER_QUESTION_IN_FLOW = { guard: "questionInFlow" as const, actions: ["answerFaq" as const, "prompt" as const] };

/** "Keep …" on a step already answered: the answer stands, and the flow goes on to the next open question. */
const KEEP = (step: Step) => [{ guard: { type: "stepDone" as const, params: { step } }, target: "route" as const }, STALE_CHOICE];

/** "hi", "谢谢", "bye": a short friendly answer, then the pending question (in the menu: the menu). */
export const SMALL_TALK = { guard: "smallTalk" as const, actions: ["answerSmallTalk" as const, "prompt" as const] };
/** "OK" or "wait" where a question is pending: the question again — where buttons are expected, "choose one" says more. */
export const ACKNOWLEDGED = { guard: "acknowledges" as const, actions: ["answerAcknowledgement" as const, "prompt" as const] };

/**
 * "I don't want to get verified any more": verification is the user's choice. In review, they are asked whether
 * to withdraw the application; verified, told nothing more is asked; otherwise told what stays locked without it,
 * and a question in progress is stopped as /cancel does (the answers kept). `from`: where the transitions sit —
 * the machine's root (states that expect buttons), a step, or the menu (nothing to stop).
 */
export function stopVerifying(from: "root" | "step" | "menu") {
  const at = (state: "menu" | "withdrawConfirm") => (from === "root" ? (`.${state}` as const) : state);
  const say = (key: "stop.inReview" | "stop.verified" | "stop.optional") => ({ type: "say" as const, params: { key } });
  return [
    {
      guard: and(["wantsToStop", "awaitingDecision"]),
      target: at("withdrawConfirm"),
      actions: [say("stop.inReview"), "rememberWithdrawal" as const],
    },
    { guard: and(["wantsToStop", "verified"]), actions: [say("stop.verified"), "prompt" as const] },
    ...(from === "menu"
      ? []
      : [{ guard: and(["wantsToStop", "draftStarted"]), target: at("menu"), actions: [say("stop.optional"), "sayCancelled" as const] }]),
    { guard: "wantsToStop" as const, actions: [say("stop.optional"), "prompt" as const] },
  ];
}

/** A button from an earlier message that no longer applies here: say so and ask the pending question again. */
export const STALE_CHOICE = { actions: [{ type: "say" as const, params: { key: "input.staleChoice" as const } }, "prompt" as const] };

function backTarget(step: Step) {
  const method = (METHODS as readonly Method[]).find((m) => stepsFor(m).includes(step) && !stepsFor(undefined).includes(step));
  return previousStep(step, method);
}

/** Steps whose answer is free text (a name): anything that passes the shape rules would otherwise be stored. */
const FREE_TEXT_STEPS: ReadonlySet<TextStep> = new Set(["name", "companyName", "legalRepName"]);

/** Not an answer (a question, "I don't know"): its FAQ answer if it has one, else what to type here and why; nothing stored. */
function notAnAnswer(step: TextStep) {
  const why = [{ type: "explainWhy" as const, params: { step } }, "prompt" as const];
  return [
    { guard: { type: "asksWhyThisStep" as const, params: { step } }, actions: why },
    { guard: "nonAnswerQuestion" as const, actions: ["answerFaq" as const, "prompt" as const] },
    { guard: "nonAnswer" as const, actions: why },
  ];
}

/** "I have no email": what the detail is needed for, and how to get one (the FAQ would take it for missing notifications). */
const NO_CONTACT = (step: "email" | "phone") => ({
  guard: { type: "saysNoContact" as const, params: { step } },
  actions: [{ type: "say" as const, params: { key: `${step}.none` as const } }, "prompt" as const],
});

/** So clearly a question that it is answered even when it would also pass as a free-text answer. */
const STRONG_QUESTION = { guard: "strongQuestion" as const, actions: ["answerFaq" as const, "prompt" as const] };

export function textStep(step: TextStep) {
  const previous = backTarget(step);
  const freeText = FREE_TEXT_STEPS.has(step);
  return {
    entry: "prompt" as const,
    on: {
      "user.text": [
        SMALL_TALK,
        ACKNOWLEDGED,
        ...stopVerifying("step"),
        // Free text: a question may pass as a name ("what should I write here"), so it is caught before validation.
        ...(freeText ? [STRONG_QUESTION, ...notAnAnswer(step)] : []),
        {
          guard: { type: "answerValid" as const, params: { step } },
          target: "route",
          actions: [
            ...(isNumberStep(step) ? [{ type: "compareWithPhoto" as const, params: { step } }] : []),
            { type: "saveAnswer" as const, params: { step } },
          ],
        },
        // A valid email or number stands, whatever its words ("new.address@example.com", "why@example.com");
        // only what fails is checked for a question.
        ...(step === "email" || step === "phone" ? [NO_CONTACT(step)] : []),
        ...(freeText ? [] : [STRONG_QUESTION, ...notAnAnswer(step)]),
        ANSWER_QUESTION_IN_FLOW,
        { actions: [{ type: "explainAnswer" as const, params: { step } }, "prompt" as const] },
      ],
      "choice.keep": KEEP(step),
      ...(previous ? { "cmd.back": previous } : {}),
    },
  };
}

/** A verified user's new email or phone: a valid one goes on (`onValid`), anything else is explained. */
export function newContactStep(
  onValid: (
    | { guard: "validNewEmail"; target: "updatingContact"; actions: "saveNewEmail" }
    | { guard: "validNewPhoneWithoutSms"; target: "updatingContact"; actions: "saveTypedPhone" }
    | { guard: "validNewPhone"; target: "newPhoneCode"; actions: "rememberNewPhone" }
  )[],
  explain: "explainNewEmail" | "explainNewPhone",
) {
  return {
    entry: "prompt" as const,
    on: {
      "user.text": [SMALL_TALK, ...onValid, ANSWER_QUESTION_IN_FLOW, { actions: [explain, "prompt" as const] }],
      "cmd.back": "menu" as const,
    },
  };
}

/**
 * Waiting for the one-time code sent to `phoneToVerify`: a correct code does
 * `onMatch`; a wrong one is explained (tries left); resending is rate-limited.
 */
export function codeStep(
  onMatch: { target: "route" | "updatingContact"; actions: "confirmPhone" | "saveNewPhone" },
  go: { changePhone: "phone" | "newPhone"; back: "method" | "newPhone" },
) {
  return {
    entry: ["sendCodeIfNeeded" as const, "prompt" as const],
    on: {
      "user.text": [
        { guard: "codeMatches" as const, ...onMatch },
        SMALL_TALK,
        ACKNOWLEDGED,
        { guard: "saysNoCode" as const, actions: ["explainCodeNotReceived" as const, "prompt" as const] },
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
export function photoFindingChoices() {
  const editable = (step: Step) => ({ type: "editable" as const, params: { step } });
  const open = (slot: DocumentSlot) => ({ type: "findingOpen" as const, params: { slot } });
  return {
    ...Object.fromEntries(
      Object.entries(PHOTO_NUMBERS).map(([slot, { step }]) => [
        `choice.photo.fix.${slot}`,
        [{ guard: and([open(slot as NumberedSlot), editable(step)]), target: `.${step}` }, STALE_CHOICE],
      ]),
    ),
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

export function documentStep(step: DocumentStep) {
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
        ACKNOWLEDGED,
        ...stopVerifying("step"),
        ANSWER_QUESTION_IN_FLOW,
        { actions: [{ type: "say" as const, params: { key: "document.waitingForPhoto" as const } }, "prompt" as const] },
      ],
      "choice.keep": KEEP(step),
      "cmd.back": backTarget(step)!,
    },
  };
}
