import { assertEvent } from "xstate";
import { acknowledgementOf } from "../src/domain/acknowledgement.js";
import { answerKindOf } from "../src/domain/answer-kind.js";
import { EMPTY_DRAFT } from "../src/domain/application.js";
import { situationOf } from "../src/domain/situation.js";
import { dayMessage } from "../src/i18n/dates.js";
import { msg } from "../src/i18n/message.js";
import { act, reply } from "./action-kit.js";
import { choice } from "./conversation.choices.js";
import { channelsPhrase, methodsPhrase } from "./deployment-phrases.js";
import { privacyReply, topicChoices } from "./faq-replies.js";
import { accountBlockedLine, situationLead } from "./situation-replies.js";
import { statusReply } from "./status-reply.js";

/**
 * What the conversation says about the user and this service rather than about the step in hand:
 * the welcome, status, FAQ answers, small talk, and the refusals written from the user's situation.
 */
export const talkActions = {
  /** The four steps for someone new; someone back hears where they stand (the menu then shows what they can do). */
  sayWelcome: act.emit(({ context, event }) => {
    const { application } = situationOf(event.record, context.draft);
    const blocked = event.record.account !== "active";
    if (application.kind === "none" && !event.record.verified && context.draft.name === undefined && !blocked)
      return reply(msg("menu.welcome", { methods: methodsPhrase(event.smsAvailable), channels: channelsPhrase(event.resultChannels) }));
    // Waiting for them, approved, or an account that can't apply: the menu itself leads with that, beside its button.
    const inMenu = blocked || application.kind === "waiting_for_user" || application.kind === "approved";
    return reply(msg("menu.welcomeBack"), ...(inMenu ? [] : situationLead(application, event.timeZone).body));
  }),
  /** /cancel: says which menu button picks the work up again — the one the menu will show. */
  sayCancelled: act.emit(({ context, event }) => {
    if (context.providingInfo) return reply(msg("cancel.doneProvideInfo"));
    // Verified, or an account that can't apply: there is no button to pick the work up again.
    if (event.record.verified || event.record.account !== "active") return reply(msg("cancel.stopped"));
    return reply(msg(context.draft.name !== undefined ? "cancel.done" : "cancel.doneStart"));
  }),
  answerSmallTalk: act.emit(({ event }) => {
    assertEvent(event, "user.text");
    return reply(msg(`smallTalk.${event.smallTalk ?? "greeting"}`));
  }),
  /** "OK": said back, and the question again (the prompt after it); "wait": the answers are kept meanwhile. */
  answerAcknowledgement: act.emit(({ event }) => {
    assertEvent(event, "user.text");
    return reply(msg(acknowledgementOf(event.text) === "wait" ? "ack.wait" : "ack.ok"));
  }),
  showTopics: act.emit({ type: "reply", body: [msg("faq.pick")], choices: topicChoices() }),
  showMoreTopics: act.emit({ type: "reply", body: [msg("faq.pick")], choices: topicChoices(true) }),
  sayStatus: act.emit(({ context, event }) => ({
    type: "reply",
    ...statusReply(event.record, context.draft, event, context),
  })),
  /** The sentence the menu leads with (so the menu after it does not say it twice), with how to reach support. */
  sayAccountBlocked: act.emit(({ event }) =>
    reply(accountBlockedLine(event.record.account), msg("situation.support", { support: event.supportContact })),
  ),
  /** Another application can't start while one is open: what that one needs, or when it will be decided. */
  sayPending: act.emit(({ event }) => {
    const situation = situationOf(event.record, EMPTY_DRAFT).application;
    if (situation.kind === "held") return reply(...situationLead(situation, event.timeZone).body, msg("start.heldNoNew"));
    if (situation.kind === "waiting_for_user") {
      const lead = situationLead(situation, event.timeZone);
      return { type: "reply", body: [...lead.body, msg("start.waiting", { reference: situation.reference })], choices: lead.choices };
    }
    return reply(
      msg("start.pending", {
        reference: event.record.application?.reference ?? "",
        expectedBy: dayMessage(event.record.application?.expectedBy ?? ""),
      }),
    );
  }),
  saySupport: act.emit(({ event }) => reply(msg("support.contact", { support: event.supportContact }))),
  sayUnusable: act.emit(({ event }) => {
    assertEvent(event, "user.unusable");
    return reply(msg(`input.${event.reason}`));
  }),
  /** A detail typed in the menu: what it looks like, and the button that asks for it (never the detail itself). */
  sayDetailTypedInMenu: act.emit(({ context, event }) => {
    assertEvent(event, "user.text");
    const started = situationOf(event.record, context.draft, context).draft !== null;
    const kind = answerKindOf(event.text, new Date(event.now))!; // the guard (detailTypedInMenu) found one
    return reply(msg("menu.detailTyped", { kind: msg(`answerKind.${kind}`), button: msg(started ? "choice.continue" : "choice.start") }));
  }),
  /** The commands; a reviewer (in their own chat with the assistant) also reads theirs. */
  sayHelp: act.emit(({ event }) => reply(msg("help.text"), ...(event.reviewer ? [msg("help.reviewer")] : []))),
  sayUnknownCommand: act.emit(({ event }) => {
    assertEvent(event, "cmd.unknown");
    return reply(msg("input.unknownCommand", { command: event.command }), msg("help.text"));
  }),
  sayPrivacy: act.emit(({ event }) => ({ type: "reply", ...privacyReply(event) })),
  sayEraseRefused: act.emit(({ event }) => {
    const reference = event.type === "privacy.eraseRefused" ? event.reference : (event.record.application?.reference ?? "");
    const waiting = event.record.application?.status === "needs_more_info";
    return {
      type: "reply",
      body: [msg(waiting ? "privacy.erase.waiting" : "privacy.erase.underReview", { reference })],
      choices: [...(waiting ? [choice("provideInfo", "choice.provideInfo")] : []), choice("withdraw", "choice.withdraw")],
    };
  }),
};
