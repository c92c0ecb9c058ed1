import { hashOneTimeCode, newOneTimeCode } from "../../domain/one-time-code.js";
import { msg, translate } from "../../i18n/message.js";
import type { EffectHandler } from "./effect.js";

/** A fresh one-time code: its hash goes into the conversation, the SMS leaves after the commit. */
export const sendCode: EffectHandler<"effect.sendCode"> = async (effect, ctx) => {
  const code = newOneTimeCode();
  const text = translate(ctx.locale, msg("sms.code", { code }));
  ctx.afterCommit.push(() => ctx.deps.sms.send(effect.phone, text));
  const issued = { phone: effect.phone, hash: hashOneTimeCode(code, effect.phone), sentAt: ctx.now.getTime(), wrongTries: 0 };
  return { type: "code.sent", issued };
};
