import { clearSteps } from "../../domain/application.js";
import { type EffectHandler, refused } from "./effect.js";

/** The application's answers without the items reviewers asked for again. */
export const prepareInfo: EffectHandler<"effect.prepareInfo"> = async (effect, ctx) => {
  const application = await ctx.tx.loadApplication(effect.reference);
  if (!application || application.userId !== ctx.user.id) return refused(effect.reference, application?.status);
  const draft = clearSteps(application.draft, application.requestedItems);
  return { type: "info.ready", draft, reference: application.reference, items: application.requestedItems };
};
