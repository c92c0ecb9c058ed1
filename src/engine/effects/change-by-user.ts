import { changeApplication } from "../../applications/change-application.js";
import { actorId } from "../../domain/actor.js";
import { type EffectHandler, refused } from "./effect.js";
import { sendReviewCards } from "./review-cards.js";

/** The user provides the information reviewers asked for: the application returns to review with the new answers. */
export const provideInfo: EffectHandler<"effect.provideInfo"> = async (effect, ctx) => {
  const result = await changeApplication(ctx.tx, {
    reference: effect.reference,
    event: { type: "user.provideInfo" },
    actor: actorId.user(ctx.event),
    platform: ctx.event.platform,
    at: ctx.now,
  });
  if (!result.ok) return refused(effect.reference, result.problem === "not_allowed" ? result.status : undefined);
  await ctx.tx.updateApplicationDetails(effect.reference, effect.draft, ctx.now);
  // New information needs a reviewer's eyes again: a fresh card gets noticed where an edit would not.
  await sendReviewCards(ctx, effect.reference, true);
  return { type: "application.infoProvided", reference: effect.reference };
};

/** The user withdraws an application awaiting a decision. */
export const withdraw: EffectHandler<"effect.withdraw"> = async (effect, ctx) => {
  const result = await changeApplication(ctx.tx, {
    reference: effect.reference,
    event: { type: "user.withdraw" },
    actor: actorId.user(ctx.event),
    platform: ctx.event.platform,
    at: ctx.now,
  });
  if (!result.ok) return refused(effect.reference, result.problem === "not_allowed" ? result.status : undefined);
  await sendReviewCards(ctx, effect.reference);
  return { type: "application.withdrawn", reference: effect.reference };
};
