import { CODE_LIMIT_WINDOW_MS, lockAfterWrongCode, phoneIndex, userIndex } from "../../domain/one-time-code.js";
import type { EffectHandler } from "./effect.js";

/** Counts a wrong code against the number (in any chat); the 10th in 24 hours locks it until the window passes. */
export const recordWrongCode: EffectHandler<"effect.recordWrongCode"> = async (effect, ctx) => {
  const { deps, tx, now } = ctx;
  const phoneHash = phoneIndex(deps.codeKey, effect.phone);
  const userHash = userIndex(deps.codeKey, ctx.user.id);
  await tx.recordCodeEvent({ phoneHash, userHash, kind: "wrong", at: now });
  const history = await tx.codeHistory(phoneHash, userHash, new Date(now.getTime() - CODE_LIMIT_WINDOW_MS));
  const lock = lockAfterWrongCode(history.wrongForPhone, now.getTime());
  return lock ? { type: "code.refused", ...lock } : null;
};
