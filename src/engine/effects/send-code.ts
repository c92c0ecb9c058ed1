import { CODE_LIMIT_WINDOW_MS, codeDigest, newCodeSalt, phoneIndex, sendingRefusal, userIndex } from "../../domain/one-time-code.js";
import { msg, translate } from "../../i18n/message.js";
import type { EffectHandler } from "./effect.js";

/**
 * A fresh one-time code, unless SMS cannot be sent or a 24-hour limit is
 * reached (per number, per user, or the number locked after wrong codes):
 * its salted keyed hash goes into the conversation, the SMS leaves after the commit.
 */
export const sendCode: EffectHandler<"effect.sendCode"> = async (effect, ctx) => {
  const { deps, tx, now } = ctx;
  if (!deps.smsAvailable) return { type: "code.refused", reason: "unavailable", until: null };
  const phoneHash = phoneIndex(deps.codeKey, effect.phone);
  const userHash = userIndex(deps.codeKey, ctx.user.id);
  const windowStart = new Date(now.getTime() - CODE_LIMIT_WINDOW_MS);
  const history = await tx.codeHistory(phoneHash, userHash, windowStart);
  const refusal = sendingRefusal(history, now.getTime());
  if (refusal) return { type: "code.refused", ...refusal };
  await tx.forgetCodeEventsBefore(windowStart);
  await tx.recordCodeEvent({ phoneHash, userHash, kind: "sent", at: now });
  const code = deps.newCode();
  const salt = newCodeSalt();
  const text = translate(ctx.locale, msg("sms.code", { code }));
  ctx.afterCommit.push(() => deps.sms.send(effect.phone, text));
  const issued = {
    phone: effect.phone,
    salt,
    hash: codeDigest(deps.codeKey, salt, effect.phone, code),
    sentAt: now.getTime(),
    wrongTries: 0,
  };
  return { type: "code.sent", issued, ...(effect.resend ? { resent: true } : {}) };
};
