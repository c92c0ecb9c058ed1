import { actorId } from "../../domain/actor.js";
import type { EffectHandler } from "./effect.js";
import { sendReviewCards } from "./review-cards.js";

/**
 * A new email or (confirmed) phone on the user's latest application: where results are sent. It is
 * new information, so a first approval waiting for its second reviewer no longer stands (four eyes).
 */
export const updateContact: EffectHandler<"effect.updateContact"> = async (effect, ctx) => {
  const actor = actorId.user(ctx.event);
  await ctx.tx.updateContactDetails(ctx.user.id, effect.field, effect.value, actor, ctx.event.platform, ctx.now);
  const cancelled = await ctx.tx.cancelFirstApproval(ctx.user.id, actor, ctx.event.platform, ctx.now);
  if (cancelled) await sendReviewCards(ctx, cancelled);
  return { type: "contact.updated", field: effect.field };
};
