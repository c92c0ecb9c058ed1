import { assertEvent } from "xstate";
import { checkOneTimeCode, ONE_TIME_CODE_MAX_WRONG_TRIES, resendWaitMs } from "../src/domain/one-time-code.js";
import { formatPhoneForDisplay } from "../src/domain/phone.js";
import { msg } from "../src/i18n/message.js";
import { act, reply } from "./action-kit.js";
import { phoneToVerify } from "./conversation.guards.js";

/** How long before another code may be sent, in whole seconds as the user is told it. */
const resendWaitSeconds = (...args: Parameters<typeof resendWaitMs>) => Math.ceil(resendWaitMs(...args) / 1000);

/**
 * The one-time code that proves a phone (the phone method, a new number) — and, typed back, the proof
 * before an export or erasure: sent when needed, resent within its limits, checked, and explained when
 * it is wrong, refused or did not arrive.
 */
export const oneTimeCodeActions = {
  sendCodeIfNeeded: act.enqueueActions(({ context, event, enqueue }) => {
    const phone = phoneToVerify(context);
    if (!phone || resendWaitMs(context.code, event.now) > 0) return;
    const check = context.code?.phone === phone ? checkOneTimeCode(context.code, "", event.now) : "expired";
    if (check === "expired" || check === "exhausted") enqueue.emit({ type: "effect.sendCode", phone });
  }),
  resendCode: act.emit(({ context }) => ({ type: "effect.sendCode", phone: phoneToVerify(context)!, resend: true })),
  /** "I didn't get the code": where it went, and the two ways on — a new code (when one may be sent) or another number. */
  explainCodeNotReceived: act.emit(({ context, event }) => {
    const seconds = resendWaitSeconds(context.code, event.now);
    return reply(
      msg("otp.notReceived", {
        phone: formatPhoneForDisplay(phoneToVerify(context) ?? ""),
        wait: seconds > 0 ? msg("otp.notReceivedWait", { seconds }) : "",
      }),
    );
  }),
  sayResendWait: act.emit(({ context, event }) => reply(msg("otp.wait", { seconds: resendWaitSeconds(context.code, event.now) }))),
  explainCodeRefused: act.enqueueActions(({ context, event, enqueue }) => {
    assertEvent(event, "code.refused");
    const hours = event.until === null ? 0 : Math.max(1, Math.ceil((event.until - event.now) / 3_600_000));
    if (context.proving) {
      // A proof's address is locked after wrong codes: said of the account, not of "this number" (it may be an email).
      enqueue.assign({ code: undefined });
      enqueue.emit(reply(msg("privacy.proof.refused", { hours, support: event.supportContact })));
      return;
    }
    enqueue.emit(reply(msg(`otp.refused.${event.reason}`, { hours, support: event.supportContact })));
    // A locked number takes no more codes here either: the pending one is dropped.
    if (event.reason === "locked") enqueue.assign({ code: undefined });
  }),
  rememberCode: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "code.sent");
    enqueue.assign({ code: event.issued, proving: undefined }); // a phone's code replaces any proof left pending
    if (event.resent) enqueue.emit(reply(msg("otp.sent", { phone: formatPhoneForDisplay(event.issued.phone) })));
  }),
  confirmPhone: act.enqueueActions(({ context, enqueue }) => {
    enqueue.assign({ draft: { ...context.draft, phoneVerified: context.draft.phone }, code: undefined });
    enqueue.emit(reply(msg("otp.verified")));
  }),
  /** A typed code that is not the pending one: the phone's being confirmed, or the proof before an export or erasure. */
  explainWrongCode: act.enqueueActions(({ context, event, enqueue }) => {
    assertEvent(event, "user.text");
    const code = context.code;
    if (!code || (!context.proving && code.phone !== phoneToVerify(context))) return;
    const check = checkOneTimeCode(code, event.text, event.now, event.codeDigest);
    if (check === "wrong") {
      const wrongTries = code.wrongTries + 1;
      enqueue.assign({ code: { ...code, wrongTries } });
      const left = ONE_TIME_CODE_MAX_WRONG_TRIES - wrongTries;
      enqueue.emit(reply(msg(left > 0 ? "otp.wrong" : "otp.exhausted", { left })));
      // Counted against the number (or a proof's email) too, across chats: 10 wrong codes in 24 hours lock it.
      enqueue.emit({ type: "effect.recordWrongCode", phone: code.phone });
    } else if (check === "format" && context.proving) {
      enqueue.emit(reply(msg("privacy.proof.format"))); // not "the digits from the SMS": it may have been an email
    } else if (check !== "match") {
      enqueue.emit(reply(msg(`otp.${check}`)));
    }
  }),
};
