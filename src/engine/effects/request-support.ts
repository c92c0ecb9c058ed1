import { freeReference } from "../../applications/submit-draft.js";
import { withAddedMessage } from "../../domain/support-request.js";
import type { EffectHandler } from "./effect.js";

/**
 * Records a request for a person, with the question we could not answer (if any). While one of the
 * user's requests still waits for the team, a message is added to that one instead: one request, one
 * reference and one answer, not a second request the team would answer apart.
 */
export const requestSupport: EffectHandler<"effect.requestSupport"> = async (effect, ctx) => {
  const waiting = await ctx.tx.waitingSupportRequest(ctx.user.id);
  if (waiting) {
    if (effect.question)
      await ctx.tx.setSupportQuestion(waiting.reference, ctx.user.id, withAddedMessage(waiting.question, effect.question));
    return { type: "support.requested", reference: waiting.reference, outcome: effect.question ? "added" : "waiting" };
  }
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
  return { type: "support.requested", reference, outcome: "new" };
};
