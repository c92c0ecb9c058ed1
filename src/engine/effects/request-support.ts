import { freeReference } from "../../applications/submit-draft.js";
import type { EffectHandler } from "./effect.js";

/** Records a request for a person, with the question we could not answer (if any). */
export const requestSupport: EffectHandler<"effect.requestSupport"> = async (effect, ctx) => {
  const reference = await freeReference(ctx.tx, ctx.deps.newReference);
  const { platform, userId } = ctx.event;
  await ctx.tx.recordSupportRequest({
    reference,
    userId: ctx.user.id,
    platform,
    platformUserId: userId,
    question: effect.question ?? null,
    at: ctx.now,
  });
  ctx.deps.logger.info({ platform, reference }, "support request recorded");
  return { type: "support.requested", reference };
};
