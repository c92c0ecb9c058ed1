import { provideInfo, withdraw } from "./change-by-user.js";
import { discardDraft } from "./discard-draft.js";
import type { Effect, EffectContext, EffectHandler, EffectType, ResultEvent } from "./effect.js";
import { noteFaqMiss, settleFaqMiss } from "./faq-misses.js";
import { keepDocument } from "./keep-document.js";
import { prepareInfo } from "./prepare-info.js";
import { prepareResubmission } from "./prepare-resubmission.js";
import { privacyProof } from "./privacy-proof.js";
import { eraseData, exportData } from "./privacy-rights.js";
import { recordWrongCode } from "./record-wrong-code.js";
import { requestSupport } from "./request-support.js";
import { resendNotification } from "./resend-notification.js";
import { sendCode } from "./send-code.js";
import { submit } from "./submit.js";
import { updateContact } from "./update-contact.js";

/** One handler per effect the machine can emit: a new effect without a handler is a compile error. */
const EFFECT_HANDLERS: { [T in EffectType]: EffectHandler<T> } = {
  "effect.sendCode": sendCode,
  "effect.recordWrongCode": recordWrongCode,
  "effect.keepDocument": keepDocument,
  "effect.submit": submit,
  "effect.prepareResubmission": prepareResubmission,
  "effect.prepareInfo": prepareInfo,
  "effect.requestSupport": requestSupport,
  "effect.noteFaqMiss": noteFaqMiss,
  "effect.settleFaqMiss": settleFaqMiss,
  "effect.updateContact": updateContact,
  "effect.provideInfo": provideInfo,
  "effect.withdraw": withdraw,
  "effect.resendNotification": resendNotification,
  "effect.privacyProof": privacyProof,
  "effect.exportData": exportData,
  "effect.eraseData": eraseData,
  "effect.discardDraft": discardDraft,
};

export function performEffect(effect: Effect, ctx: EffectContext): Promise<ResultEvent | null> {
  const handler = EFFECT_HANDLERS[effect.type] as EffectHandler<typeof effect.type>;
  return handler(effect, ctx);
}
