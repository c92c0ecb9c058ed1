import {
  CODE_LIMIT_WINDOW_MS,
  type CodeRefusal,
  codeDigest,
  type IssuedCode,
  newCodeSalt,
  phoneIndex,
  sendingRefusal,
  userIndex,
} from "../../domain/one-time-code.js";
import { msg, translate } from "../../i18n/message.js";
import type { EffectContext, EffectHandler } from "./effect.js";

/**
 * A fresh one-time code, unless SMS cannot be sent or a 24-hour limit is
 * reached (per number, per user, or the number locked after wrong codes):
 * its salted keyed hash goes into the conversation, the SMS leaves after the commit.
 */
export const sendCode: EffectHandler<"effect.sendCode"> = async (effect, ctx) => {
  if (!ctx.deps.smsAvailable) return { type: "code.refused", reason: "unavailable", until: null };
  const result = await issueCode(ctx, effect.phone);
  if ("refused" in result) return { type: "code.refused", ...result.refused };
  const text = translate(ctx.locale, msg("sms.code", { code: result.code }));
  ctx.afterCommit.push(() => ctx.deps.sms.send(effect.phone, text));
  return { type: "code.sent", issued: result.issued, ...(effect.resend ? { resent: true } : {}) };
};

/**
 * A new code for `address` (a phone, or a proof's email), within the 24-hour limits kept by keyed hashes
 * of the address and the user; the caller sends `code` after the commit, the conversation keeps `issued`.
 */
export async function issueCode(
  { deps, tx, now, user }: EffectContext,
  address: string,
): Promise<{ refused: CodeRefusal } | { code: string; issued: IssuedCode }> {
  const phoneHash = phoneIndex(deps.codeKey, address);
  const userHash = userIndex(deps.codeKey, user.id);
  const windowStart = new Date(now.getTime() - CODE_LIMIT_WINDOW_MS);
  const refused = sendingRefusal(await tx.codeHistory(phoneHash, userHash, windowStart), now.getTime());
  if (refused) return { refused };
  await tx.forgetCodeEventsBefore(windowStart);
  await tx.recordCodeEvent({ phoneHash, userHash, kind: "sent", at: now });
  const code = deps.newCode();
  const salt = newCodeSalt();
  const issued = { phone: address, salt, hash: codeDigest(deps.codeKey, salt, address, code), sentAt: now.getTime(), wrongTries: 0 };
  return { code, issued };
}
