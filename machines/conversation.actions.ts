import { assertEvent, assign, emit, enqueueActions } from "xstate";
import { DOCUMENT_SLOTS, type DocumentSlot, EMPTY_DRAFT, type Method, type TextStep, withMethod } from "../src/domain/application.js";
import type { Channel } from "../src/domain/delivery.js";
import { validatePhone } from "../src/domain/phone.js";
import { currentRead, type NumberStep, numberCheck, photoFinding, readFinding, SLOT_OF_NUMBER } from "../src/domain/read-findings.js";
import { situationOf } from "../src/domain/situation.js";
import { dayMessage, timeMessage } from "../src/i18n/dates.js";
import { otherLocale } from "../src/i18n/locale.js";
import { joinMessages, type MessageKey, msg } from "../src/i18n/message.js";
import { act, reply } from "./action-kit.js";
import { choice } from "./conversation.choices.js";
import type { ConversationContext, ConversationEvent, ConversationOutput } from "./conversation.events.js";
import { answerTo, validEmail, validPhone } from "./conversation.guards.js";
import { channelsPhrase, emailUse, phoneUse } from "./deployment-phrases.js";
import { faqActions, kept } from "./faq.actions.js";
import { oneTimeCodeActions } from "./one-time-code.actions.js";
import { privacyProofActions } from "./privacy-proof.actions.js";
import { findingReply, withDocument } from "./read-replies.js";
import { situationLead } from "./situation-replies.js";
import { talkActions } from "./talk.actions.js";

type Ctx = ConversationContext;
type Ev = ConversationEvent;
type Out = ConversationOutput;

/** The conversation's actions: what it says (emitted replies), remembers (context) and asks of the engine (emitted effects). */

/** The registration steps a wary user may balk at; the ID number's own why already says it is sealed. */
const PERSONAL_STEPS: ReadonlySet<TextStep> = new Set(["name", "email", "phone"]);
export const conversationActions = {
  ...talkActions,
  ...faqActions,
  ...privacyProofActions,
  ...oneTimeCodeActions,
  prompt: act.emit({ type: "prompt" }),
  resendNotification: act.emit({ type: "effect.resendNotification" }),
  say: emit<Ctx, Ev, { key: MessageKey }, Ev, Out>((_, params) => reply(msg(params.key))),
  /** Why the step asks what it asks; the email and the phone say what they are for in this deployment's channels. */
  explainWhy: emit<Ctx, Ev, { step: TextStep }, Ev, Out>(({ event }, { step }) => {
    const use = step === "email" ? emailUse(event.resultChannels) : step === "phone" ? phoneUse(event.resultChannels) : undefined;
    // Asked by someone wary of giving it: what happens to it, as the consent will say.
    const kept = PERSONAL_STEPS.has(step) ? [msg("why.kept", { days: event.retention.retentionDays })] : [];
    return reply(msg(`why.${step}`, use ? { use } : undefined), ...kept);
  }),
  saveAnswer: assign<Ctx, Ev, { step: TextStep }, Ev, never>(({ context, event }, params) => {
    assertEvent(event, "user.text");
    const result = answerTo(params.step, event, context.draft);
    return result.ok ? { draft: result.draft } : {};
  }),
  explainAnswer: emit<Ctx, Ev, { step: TextStep }, Ev, Out>(({ context, event }, params) => {
    assertEvent(event, "user.text");
    const result = answerTo(params.step, event, context.draft);
    return reply(result.ok ? msg("input.empty") : result.error);
  }),
  chooseMethod: assign<Ctx, Ev, { method: Method }, Ev, never>(({ context }, params) => ({
    draft: withMethod(context.draft, params.method),
  })),
  /** Keeps the photo (and its read); says it was received, and what its read disagrees with, if anything. */
  saveDocument: enqueueActions<Ctx, Ev, { slot: DocumentSlot }, Ev, never, never, never, never, Out>(
    ({ context, event, enqueue }, params) => {
      assertEvent(event, "user.file");
      if (!event.upload.document) return;
      const { document, read } = event.upload;
      const draft = withDocument(context.draft, params.slot, document, read);
      enqueue.assign({ draft });
      enqueue.emit({ type: "effect.keepDocument", documentId: document.id });
      const finding = photoFinding(draft, params.slot);
      if (finding) {
        const { body, choices } = findingReply(finding, false);
        enqueue.emit({ type: "reply", body: [msg("document.received"), ...body], choices });
      } else {
        enqueue.emit(reply(msg("document.received")));
      }
    },
  ),
  /** A read that finished after the photo's reply: kept with that photo, and told only if it disagrees. */
  keepLateRead: act.enqueueActions(({ context, event, enqueue }) => {
    assertEvent(event, "document.read");
    const slot = DOCUMENT_SLOTS.find((s) => context.draft.documents[s]?.id === event.documentId);
    if (!slot) return;
    const draft = withDocument(context.draft, slot, context.draft.documents[slot]!, event.read);
    enqueue.assign({ draft });
    const finding = readFinding(draft, slot);
    if (finding) enqueue.emit({ type: "reply", ...findingReply(finding, true) });
  }),
  /** "The number I typed is right" / "Keep this photo": the finding is settled, and reviewers see it was the user's call. */
  confirmTyped: enqueueActions<Ctx, Ev, { slot: DocumentSlot }, Ev, never, never, never, never, Out>(({ context, enqueue }, params) => {
    const finding = photoFinding(context.draft, params.slot);
    const document = context.draft.documents[params.slot];
    if (finding?.kind === "greyscale" && document) {
      enqueue.assign({
        draft: { ...context.draft, documents: { ...context.draft.documents, [params.slot]: { ...document, keptInGreyscale: true } } },
      });
      enqueue.emit(reply(msg("document.greyscale.kept")));
      return;
    }
    const read = currentRead(context.draft, params.slot);
    if (!read || !finding || finding.kind === "greyscale") return;
    enqueue.assign({
      draft: { ...context.draft, photoReads: { ...context.draft.photoReads, [params.slot]: { ...read, typedConfirmed: true } } },
    });
    enqueue.emit(
      reply(finding.kind === "wrong_side" ? msg("read.keptPhoto") : msg("read.keptTyped", { field: msg(`read.field.${finding.field}`) })),
    );
  }),
  /** Before a retyped ID number or credit code is saved: compared with the photo's, if one was read. */
  compareWithPhoto: enqueueActions<Ctx, Ev, { step: NumberStep }, Ev, never, never, never, never, Out>(
    ({ context, event, enqueue }, params) => {
      assertEvent(event, "user.text");
      const result = answerTo(params.step, event, context.draft);
      if (!result.ok) return;
      const slot = SLOT_OF_NUMBER[params.step];
      const before = numberCheck(context.draft, slot);
      const finding = readFinding(result.draft, slot);
      if (finding) enqueue.emit({ type: "reply", ...findingReply(finding, false) });
      else if (before === "differs" && numberCheck(result.draft, slot) === "matches")
        enqueue.emit(reply(msg("read.matchesNow", { field: msg(`read.field.${params.step}`) })));
    },
  ),
  explainUpload: act.emit(({ event }) => {
    assertEvent(event, "user.file");
    const lines = event.upload.problems.map((problem) =>
      msg("document.problemLine", { problem: msg(`document.problem.${problem.code}`, problem.params) }),
    );
    return reply(msg("document.rejected"), ...lines);
  }),
  saveContact: act.assign(({ context, event }) => {
    assertEvent(event, "user.contact");
    return { draft: { ...context.draft, phone: event.phone, phoneVerified: event.phone } };
  }),
  submit: act.emit(({ context }) => ({
    type: "effect.submit",
    draft: context.draft,
    ...(context.resubmitting ? { previousReference: context.resubmitting } : {}),
  })),
  provideInfo: act.emit(({ context }) => ({ type: "effect.provideInfo", reference: context.providingInfo!, draft: context.draft })),
  prepareResubmission: act.emit(({ event }) => ({
    type: "effect.prepareResubmission",
    reference: event.record.application!.reference,
    why: "rejected" as const,
  })),
  prepareReverification: act.emit(({ event }) => ({
    type: "effect.prepareResubmission",
    reference: event.record.application!.reference,
    why: "legal_rep_change" as const,
  })),
  startResubmission: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "resubmission.ready");
    enqueue.assign({ draft: event.draft, resubmitting: event.previousReference, providingInfo: undefined, requestedItems: undefined });
    const key = event.why === "rejected" ? "resubmit.started" : "reverify.started";
    enqueue.emit(reply(msg(key, { reference: event.previousReference })));
  }),
  requestSupport: act.emit(({ context }) => ({
    type: "effect.requestSupport",
    ...(context.unansweredQuestion ? { question: context.unansweredQuestion } : {}),
  })),
  requestSupportWithText: act.emit(({ event }) => {
    assertEvent(event, "user.text");
    return { type: "effect.requestSupport", question: kept(event.text) };
  }),
  confirmSupportRequest: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "support.requested");
    const days = event.supportAnswerDays ?? 1;
    const within = days === 1 ? msg("support.withinOneDay") : msg("support.withinDays", { days });
    const key = { new: "support.requested", added: "support.added", waiting: "support.waiting" } as const;
    const confirmed = msg(key[event.outcome], { reference: event.reference, within, support: event.supportContact });
    const official = event.officialChannels ? [msg("official.channels", { official: event.officialChannels })] : [];
    // Reviewers waiting for this user's information: said first, with the button — support would say the same.
    const situation = situationOf(event.record, EMPTY_DRAFT).application;
    const lead = situation.kind === "waiting_for_user" ? situationLead(situation, event.timeZone) : { body: [], choices: [] };
    enqueue.emit({
      type: "reply",
      body: [...lead.body, confirmed, ...official],
      ...(lead.choices.length > 0 ? { choices: lead.choices } : {}),
    });
    enqueue.assign({ unansweredQuestion: undefined });
  }),
  explainNewEmail: act.emit(({ event }) => {
    assertEvent(event, "user.text");
    return reply(msg("error.email.format", { value: event.text.trim() }));
  }),
  saveNewEmail: act.emit(({ event }) => {
    assertEvent(event, "user.text");
    return { type: "effect.updateContact", field: "email" as const, value: validEmail(event.text)! };
  }),
  rememberNewPhone: act.assign(({ event }) => {
    assertEvent(event, "user.text");
    return { pendingPhone: validPhone(event.text) };
  }),
  explainNewPhone: act.emit(({ event }) => {
    assertEvent(event, "user.text");
    const result = validatePhone(event.text);
    return reply(msg(result.valid ? "error.phone.invalid" : `error.phone.${result.error}`));
  }),
  saveNewPhone: act.emit(({ context }) => ({ type: "effect.updateContact", field: "phone" as const, value: context.pendingPhone! })),
  sayPhoneNeedsSms: act.emit(({ event }) => reply(msg("contact.phoneNeedsSms", { support: event.supportContact }))),
  saveTypedPhone: act.emit(({ event }) => {
    assertEvent(event, "user.text");
    return { type: "effect.updateContact", field: "phone" as const, value: validPhone(event.text)! };
  }),
  confirmContactUpdated: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "contact.updated");
    const key =
      event.field === "email" ? "contact.emailUpdated" : event.smsAvailable ? "contact.phoneUpdated" : "contact.phoneUpdated.noSms";
    // "Resend the last result there" only where results really go to the changed email or phone.
    const sentThere = event.resultChannels.includes(event.field === "email" ? "email" : "sms");
    enqueue.emit({
      type: "reply",
      body: [msg(key)],
      ...(sentThere ? { choices: [choice("notify.resend", "choice.resendToNew")] } : {}),
    });
    enqueue.assign({ pendingPhone: undefined, code: undefined });
  }),
  /** The held application carries the answers now (like a submitted one): the conversation lets them go. */
  explainHeld: act.enqueueActions(({ context, event, enqueue }) => {
    assertEvent(event, "application.held");
    const note = context.locale === "zh-CN" ? event.note.zh : event.note.en;
    enqueue.emit(
      reply(
        msg("maintenance.held", { until: timeMessage(event.until, event.timeZone) }),
        ...(note ? [msg("maintenance.note", { note })] : []),
        ...(event.officialChannels ? [msg("official.channels", { official: event.officialChannels })] : []),
      ),
    );
    enqueue.assign({ draft: EMPTY_DRAFT, code: undefined, resubmitting: undefined });
  }),
  confirmResent: act.emit(({ event }) => {
    assertEvent(event, "notification.resent");
    const used: Channel[] = event.channels.length > 0 ? event.channels : ["chat"];
    return reply(msg("notification.resent", { channels: joinMessages(used.map((channel) => msg(`channel.${channel}`))) }));
  }),
  explainResendRefused: act.emit(({ event }) => {
    assertEvent(event, "notification.resendRefused");
    if (event.until === null) return reply(msg("notification.nothingToResend"));
    return reply(msg("notification.resendLimited", { minutes: Math.max(1, Math.ceil((event.until - event.now) / 60_000)) }));
  }),
  prepareInfo: act.emit(({ event }) => ({ type: "effect.prepareInfo", reference: event.record.application!.reference })),
  startProvidingInfo: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "info.ready");
    enqueue.assign({ draft: event.draft, providingInfo: event.reference, requestedItems: event.items, resubmitting: undefined });
    enqueue.emit(reply(msg("provideInfo.started", { reference: event.reference })));
  }),
  confirmInfoProvided: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "application.infoProvided");
    enqueue.emit(reply(msg("provideInfo.done", { reference: event.reference })));
    enqueue.assign({ draft: EMPTY_DRAFT, providingInfo: undefined, requestedItems: undefined, code: undefined });
  }),
  rememberWithdrawal: act.assign(({ event }) => ({ withdrawing: event.record.application?.reference })),
  withdraw: act.emit(({ context }) => ({ type: "effect.withdraw", reference: context.withdrawing! })),
  confirmWithdrawal: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "application.withdrawn");
    enqueue.emit(reply(msg("withdraw.done", { reference: event.reference })));
    enqueue.assign({ withdrawing: undefined });
  }),
  sayChangeRefused: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "application.changeRefused");
    enqueue.emit(
      reply(
        event.status
          ? msg("change.refused", { reference: event.reference, status: msg(`status.${event.status}.sentence`) })
          : msg("review.notFound", { reference: event.reference }),
      ),
    );
    enqueue.assign({ providingInfo: undefined, requestedItems: undefined, withdrawing: undefined });
  }),
  confirmSubmission: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "application.submitted");
    const channels = channelsPhrase(event.resultChannels);
    enqueue.emit(reply(msg("submitted.done", { reference: event.reference, expectedBy: dayMessage(event.expectedBy), channels })));
    enqueue.assign({ draft: EMPTY_DRAFT, code: undefined, resubmitting: undefined });
  }),
  exportData: act.emit({ type: "effect.exportData" }),
  eraseData: act.emit({ type: "effect.eraseData" }),
  /** Start over: the draft and its photos go (the photos after the commit); an application being decided is untouched. */
  discardDraft: act.enqueueActions(({ context, enqueue }) => {
    const documentIds = Object.values(context.draft.documents).flatMap((document) => [document.id, document.previewId]);
    enqueue.emit({ type: "effect.discardDraft", documentIds });
    enqueue.assign({ draft: EMPTY_DRAFT, code: undefined, resubmitting: undefined, providingInfo: undefined, requestedItems: undefined });
    enqueue.emit(reply(msg("restart.done")));
  }),
  /** Everything personal is gone, the conversation's memory of it too. */
  confirmErased: act.enqueueActions(({ enqueue }) => {
    enqueue.assign({
      draft: EMPTY_DRAFT,
      code: undefined,
      resubmitting: undefined,
      providingInfo: undefined,
      requestedItems: undefined,
      withdrawing: undefined,
      pendingPhone: undefined,
      unansweredQuestion: undefined,
    });
    enqueue.emit(reply(msg("privacy.erased")));
  }),
  switchLocale: act.assign(({ context, event }) => {
    assertEvent(event, "cmd.lang");
    return { locale: event.locale ?? otherLocale(context.locale) };
  }),
};
