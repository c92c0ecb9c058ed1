import { actorId } from "../../domain/actor.js";
import type { EffectHandler } from "./effect.js";

/** A new email or (confirmed) phone on the user's latest application: where results are sent. */
export const updateContact: EffectHandler<"effect.updateContact"> = async (effect, ctx) => {
  await ctx.tx.updateContactDetails(ctx.user.id, effect.field, effect.value, actorId.user(ctx.event), ctx.event.platform, ctx.now);
  return { type: "contact.updated", field: effect.field };
};
