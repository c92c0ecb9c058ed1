import { clearSteps, LEGAL_REPRESENTATIVE_STEPS } from "../../domain/application.js";
import { stepsToReask } from "../../domain/rejection-reasons.js";
import { type EffectHandler, refused } from "./effect.js";

/** A new draft from the user's earlier application: without the answers a rejection flagged, or without the legal representative. */
export const prepareResubmission: EffectHandler<"effect.prepareResubmission"> = async (effect, ctx) => {
  const previous = await ctx.tx.loadApplication(effect.reference);
  if (!previous || previous.userId !== ctx.user.id) return refused(effect.reference, previous?.status);
  const reask = effect.why === "rejected" ? stepsToReask(previous.reasons) : LEGAL_REPRESENTATIVE_STEPS;
  return { type: "resubmission.ready", draft: clearSteps(previous.draft, reask), previousReference: previous.reference, why: effect.why };
};
