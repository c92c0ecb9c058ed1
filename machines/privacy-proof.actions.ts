import { assertEvent, emit } from "xstate";
import { checkOneTimeCode } from "../src/domain/one-time-code.js";
import { msg } from "../src/i18n/message.js";
import { act, reply } from "./action-kit.js";
import type { ConversationContext, ConversationEvent, ConversationOutput, PrivacyAction } from "./conversation.events.js";

/**
 * Export and erasure need a fresh proof of who asks (issue 28 §15): a one-time code sent to the
 * registered phone or email, typed back in the chat. A stolen or shared chat account alone cannot
 * take someone's documents or erase them.
 */
export const privacyProofActions = {
  askProof: emit<ConversationContext, ConversationEvent, { action: PrivacyAction }, ConversationEvent, ConversationOutput>(
    ({ context }, params) => proofEffect(context, params.action),
  ),
  /** "Send a new code": for the same action. */
  askProofAgain: act.emit(({ context }) => proofEffect(context, context.proving ?? "export")),
  rememberProof: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "privacy.proofSent");
    enqueue.assign({ code: event.issued, proving: event.action });
    enqueue.emit(reply(msg(`privacy.proof.sent.${event.action}`, { to: event.to })));
  }),
  explainProofRefused: act.emit(({ event }) => {
    assertEvent(event, "privacy.proofRefused");
    const hours = Math.max(1, Math.ceil((event.until - event.now) / 3_600_000));
    return reply(msg("privacy.proof.refused", { hours, support: event.supportContact }));
  }),
  /** The code was right: it is spent, and the action it proved for goes ahead. */
  acceptProof: act.assign({ code: undefined, proving: undefined }),
  cancelProof: act.enqueueActions(({ enqueue }) => {
    enqueue.assign({ code: undefined, proving: undefined });
    enqueue.emit(reply(msg("privacy.proof.cancelled")));
  }),
};

/** The draft's contact details go along for a user with no application yet: the effect prefers the registered ones. */
function proofEffect(context: ConversationContext, action: PrivacyAction): ConversationOutput {
  const { email, phone } = context.draft;
  return { type: "effect.privacyProof", action, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}

/** The typed text is the pending proof code. */
export function proofMatches({ context, event }: { context: ConversationContext; event: ConversationEvent }): boolean {
  if (event.type !== "user.text" || !context.proving || !context.code) return false;
  return checkOneTimeCode(context.code, event.text, event.now, event.codeDigest) === "match";
}
