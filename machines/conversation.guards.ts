import { assertEvent } from "xstate";
import { acknowledgementOf } from "../src/domain/acknowledgement.js";
import { answerKindOf } from "../src/domain/answer-kind.js";
import {
  DOCUMENT_STEPS,
  type DocumentSlot,
  type Draft,
  isStepDone,
  type Method,
  nextMissingStep,
  type Step,
  stepsFor,
  stepsOpenWhileProviding,
  type TextStep,
} from "../src/domain/application.js";
import { validateEmail } from "../src/domain/email.js";
import { asksWhatItMeans } from "../src/domain/meaning-question.js";
import { asksWhyThisStep, isNonAnswer, saysCodeNotReceived, saysNoContact } from "../src/domain/non-answer.js";
import { checkOneTimeCode, resendWaitMs } from "../src/domain/one-time-code.js";
import { validatePhone } from "../src/domain/phone.js";
import { photoFinding } from "../src/domain/read-findings.js";
import { firstAskedIsPhoto, situationOf } from "../src/domain/situation.js";
import { wantsToStopVerifying } from "../src/domain/stop-intent.js";
import {
  hasOpenApplication,
  isAwaitingDecision,
  type ResubmissionVerdict,
  resubmissionVerdict,
  type UserRecord,
} from "../src/domain/user-record.js";
import { type AnswerResult, parseAnswer } from "./answers.js";
import type { ConversationContext, ConversationEvent } from "./conversation.events.js";
import { proofMatches } from "./privacy-proof.actions.js";
import { withDocument } from "./read-replies.js";

/** Arguments XState passes a guard: the context and the event being handled. */
type GuardArgs = { context: ConversationContext; event: ConversationEvent };

/** FAQ confidence needed to take text typed in the middle of the flow for a question (see docs/behaviour.md › FAQ). */
const QUESTION_IN_FLOW = 0.45;
const STRONG_QUESTION = 0.65;

/**
 * The guard and the action of a transition both need the parsed answer;
 * this parses each typed answer once (phone parsing is not cheap).
 */
const parsedAnswers = new WeakMap<object, { step: TextStep; draft: Draft; result: AnswerResult }>();
export function answerTo(step: TextStep, event: { text: string; now: number }, draft: Draft): AnswerResult {
  const cached = parsedAnswers.get(event);
  if (cached && cached.step === step && cached.draft === draft) return cached.result;
  const result = parseAnswer(step, event.text, draft, new Date(event.now));
  parsedAnswers.set(event, { step, draft, result });
  return result;
}

/** The phone a one-time code is for: a verified user's new number, or the application's. */
export function phoneToVerify(context: ConversationContext): string | undefined {
  return context.pendingPhone ?? context.draft.phone;
}

export function validEmail(text: string): string | undefined {
  const result = validateEmail(text);
  return result.valid ? result.normalized : undefined;
}

export function validPhone(text: string): string | undefined {
  const result = validatePhone(text);
  return result.valid ? result.normalized : undefined;
}

/** The event as the one kind a guard is written for; XState's `assertEvent` throws on any other (a wiring mistake). */
function as<T extends ConversationEvent["type"]>(event: ConversationEvent, type: T): Extract<ConversationEvent, { type: T }> {
  assertEvent(event, type as ConversationEvent["type"]);
  return event as Extract<ConversationEvent, { type: T }>;
}

/** The conversation's guards: pure questions about the context, the event and the user's record. */
/** The latest application was made by the phone method: its number is what was proven. */
const provenByPhone = (record: UserRecord): boolean => record.application?.method === "phone";

export const conversationGuards = {
  proofMatches,
  provingErasure: ({ context, event }: GuardArgs) => (event.type === "privacy.proofSkipped" ? event.action : context.proving) === "erase",
  hasUnansweredQuestion: ({ context }: GuardArgs) => context.unansweredQuestion !== undefined,
  draftStarted: ({ context }: GuardArgs) => context.draft.name !== undefined || context.providingInfo !== undefined,
  stepDone: ({ context }: GuardArgs, params: { step: Step }) => isStepDone(params.step, context.draft),
  isNextStep: ({ context }: GuardArgs, params: { step: Step }) => nextMissingStep(context.draft) === params.step,
  answerValid: ({ context, event }: GuardArgs, params: { step: TextStep }) =>
    answerTo(params.step, as(event, "user.text"), context.draft).ok,
  uploadAccepted: ({ event }: GuardArgs) => as(event, "user.file").upload.document !== undefined,
  /** An accepted photo whose read disagrees with the answers: the step waits for the user to settle it. */
  uploadHasFinding: ({ context, event }: GuardArgs, params: { slot: DocumentSlot }) => {
    const { document, read } = as(event, "user.file").upload;
    return document !== undefined && photoFinding(withDocument(context.draft, params.slot, document, read), params.slot) !== null;
  },
  /** A read's finding about the photo in `slot` is still open (the photo was not replaced, nor the draft submitted). */
  findingOpen: ({ context }: GuardArgs, params: { slot: DocumentSlot }) => photoFinding(context.draft, params.slot) !== null,
  ownContact: ({ event }: GuardArgs) => as(event, "user.contact").ownNumber,
  codeMatches: ({ context, event }: GuardArgs) => {
    const { text, now, codeDigest } = as(event, "user.text");
    return context.code?.phone === phoneToVerify(context) && checkOneTimeCode(context.code!, text, now, codeDigest) === "match";
  },
  mayResend: ({ context, event }: GuardArgs) => resendWaitMs(context.code, event.now) === 0,
  accountBlocked: ({ event }: GuardArgs) => event.record.account !== "active",
  verified: ({ event }: GuardArgs) => event.record.verified,
  /**
   * Someone with a submitted application (or verified) has contact details we send results to — not while a
   * submission is held: a change would miss the held one, whose result goes to the details it carries.
   */
  hasContactOnRecord: ({ event }: GuardArgs) => event.record.held === null && (event.record.verified || event.record.application !== null),
  awaitingDecision: ({ event }: GuardArgs) => isAwaitingDecision(event.record),
  applicationOpen: ({ event }: GuardArgs) => hasOpenApplication(event.record),
  submissionHeld: ({ event }: GuardArgs) => event.record.held !== null,
  draftComplete: ({ context }: GuardArgs) => nextMissingStep(context.draft) === null,
  /** The phone method proves the number by SMS: offered only where SMS can be sent. */
  methodOffered: ({ event }: GuardArgs, params: { method: Method }) => params.method !== "phone" || event.smsAvailable,
  /** While providing requested information, only the requested items may be edited. */
  editable: ({ context }: GuardArgs, params: { step: Step }) =>
    !context.providingInfo || stepsOpenWhileProviding(context.requestedItems ?? []).includes(params.step),
  methodIs: ({ context }: GuardArgs, params: { method: Method }) => context.draft.method === params.method,
  resubmission: ({ event }: GuardArgs, params: { verdict: ResubmissionVerdict }) => resubmissionVerdict(event.record) === params.verdict,
  needsInfo: ({ event }: GuardArgs) => event.record.application?.status === "needs_more_info",
  providingInfo: ({ context }: GuardArgs) => context.providingInfo !== undefined,
  /** This conversation is resubmitting the user's latest (rejected) application. */
  resubmittingIt: ({ context, event }: GuardArgs) => {
    const { application } = situationOf(event.record, context.draft, context);
    return application.kind === "rejected" && application.resubmitting === true;
  },
  /** Text that reads like one of the FAQ's questions at all (in the menu, nothing else is expected). */
  smallTalk: ({ event }: GuardArgs) => event.type === "user.text" && event.smallTalk !== undefined,
  /** A question or a refusal where an answer is expected: never stored (see src/domain/non-answer.ts). */
  nonAnswer: ({ event }: GuardArgs) => event.type === "user.text" && isNonAnswer(event.text),
  /**
   * A detail (an ID number, a phone number, an email) typed in the menu, where Start or Continue is what
   * takes it — not when an application is open, verified, blocked, or resubmittable (Resubmit comes first there).
   */
  detailTypedInMenu: ({ context, event }: GuardArgs) => {
    if (event.type !== "user.text" || event.record.account !== "active" || event.record.verified || hasOpenApplication(event.record))
      return false;
    const situation = situationOf(event.record, context.draft, context);
    const resubmittable = situation.application.kind === "rejected" && situation.application.resubmission === "allowed";
    return !(situation.draft === null && resubmittable) && answerKindOf(event.text, new Date(event.now)) !== null;
  },
  /** "What does this mean?" from someone whose application was not approved, or is waiting for them: about that. */
  asksAboutDecision: ({ context, event }: GuardArgs) => {
    if (event.type !== "user.text" || !asksWhatItMeans(event.text)) return false;
    const { kind } = situationOf(event.record, context.draft, context).application;
    return kind === "rejected" || kind === "waiting_for_user";
  },
  /** "OK", 好的, "稍等，我去拿身份证": not an answer, and not a wrong one (see src/domain/acknowledgement.ts). */
  acknowledges: ({ event }: GuardArgs) => event.type === "user.text" && acknowledgementOf(event.text) !== null,
  saysNoCode: ({ event }: GuardArgs) => event.type === "user.text" && saysCodeNotReceived(event.text),
  langUnsupported: ({ event }: GuardArgs) => event.type === "cmd.lang" && event.unsupported === true,
  wantsToStop: ({ event }: GuardArgs) => event.type === "user.text" && wantsToStopVerifying(event.text),
  /** "Why do you need my email?" at the email step, "身份证号在哪里看" at the ID number (see src/domain/non-answer.ts). */
  asksWhyThisStep: ({ event }: GuardArgs, params: { step: TextStep }) =>
    event.type === "user.text" && asksWhyThisStep(event.text, params.step),
  /** "I have no email" at the email step, "我没有手机" at the phone step (see src/domain/non-answer.ts). */
  saysNoContact: ({ event }: GuardArgs, params: { step: "email" | "phone" }) =>
    event.type === "user.text" && saysNoContact(event.text, params.step),
  nonAnswerQuestion: ({ event }: GuardArgs) =>
    event.type === "user.text" && isNonAnswer(event.text) && (event.faq?.confidence ?? 0) >= QUESTION_IN_FLOW,
  matchedQuestion: ({ event }: GuardArgs) => as(event, "user.text").faq !== undefined,
  /** In the middle of the flow, a question must be clearer to be taken for one rather than a wrong answer. */
  questionInFlow: ({ event }: GuardArgs) => (as(event, "user.text").faq?.confidence ?? 0) >= QUESTION_IN_FLOW,
  /** So clearly a question that it is answered even when it would also pass as an answer. */
  strongQuestion: ({ event }: GuardArgs) => (as(event, "user.text").faq?.confidence ?? 0) >= STRONG_QUESTION,
  approvedEnterprise: ({ event }: GuardArgs) =>
    event.record.application?.status === "approved" && event.record.application.method === "enterprise",
  /** A photo where none is asked: reviewers wait for one (it goes through "Provide information")… */
  reviewersAwaitPhoto: ({ context, event }: GuardArgs) =>
    context.providingInfo === undefined && firstAskedIsPhoto(situationOf(event.record, context.draft).application),
  /** …the method chosen has a photo step still to come… */
  photoStepAhead: ({ context: { draft } }: GuardArgs) =>
    draft.method !== undefined && stepsFor(draft.method).some((step) => DOCUMENT_STEPS[step] && !isStepDone(step, draft)),
  /** …or no method is chosen yet by someone who may still apply. Otherwise no photo is needed from them. */
  methodToChoose: ({ context, event }: GuardArgs) =>
    context.draft.method === undefined && !event.record.verified && !hasOpenApplication(event.record),
  validNewEmail: ({ event }: GuardArgs) => validEmail(as(event, "user.text").text) !== undefined,
  validNewPhone: ({ event }: GuardArgs) => validPhone(as(event, "user.text").text) !== undefined,
  /** Without SMS no code can confirm a new phone: it is taken as typed, as at registration (unless it is what was verified). */
  validNewPhoneWithoutSms: ({ event }: GuardArgs) =>
    !event.smsAvailable && !provenByPhone(event.record) && validPhone(as(event, "user.text").text) !== undefined,
  /** A phone-method verification rests on the number: without SMS a new one could not be proven, so it is not taken. */
  verifiedPhoneWithoutSms: ({ event }: GuardArgs) => !event.smsAvailable && provenByPhone(event.record),
};
