import { type ChangeResult, changeApplication } from "../../applications/change-application.js";
import { actorId } from "../../domain/actor.js";
import { changedFields, stepsOpenWhileProviding, withStepsFrom } from "../../domain/application.js";
import { type EffectContext, type EffectHandler, refused } from "./effect.js";
import { sendReviewCards } from "./review-cards.js";

/** The user's own lifecycle change, audited as theirs; refused when a reviewer decided meanwhile. */
function changeAsUser(ctx: EffectContext, reference: string, type: "user.provideInfo" | "user.withdraw"): Promise<ChangeResult> {
  return changeApplication(ctx.tx, {
    reference,
    event: { type },
    actor: actorId.user(ctx.event),
    platform: ctx.event.platform,
    at: ctx.now,
  });
}

const refusal = (reference: string, result: Extract<ChangeResult, { ok: false }>) =>
  refused(reference, result.problem === "not_allowed" ? result.status : undefined);

/**
 * The user provides the information reviewers asked for: the application returns to review with the
 * new answers — of the requested items only, whatever else the draft carries — kept as a revision.
 */
export const provideInfo: EffectHandler<"effect.provideInfo"> = async (effect, ctx) => {
  const before = await ctx.tx.loadApplication(effect.reference);
  if (!before) return refused(effect.reference, undefined);
  const result = await changeAsUser(ctx, effect.reference, "user.provideInfo");
  if (!result.ok) return refusal(effect.reference, result);
  const draft = withStepsFrom(before.draft, effect.draft, stepsOpenWhileProviding(before.requestedItems));
  const revision = { reference: effect.reference, draft, actor: actorId.user(ctx.event), platform: ctx.event.platform, at: ctx.now };
  await ctx.tx.reviseApplication({ ...revision, fields: changedFields(before.draft, draft) });
  // New information needs a reviewer's eyes again: a fresh card gets noticed where an edit would not.
  await sendReviewCards(ctx, effect.reference, true);
  return { type: "application.infoProvided", reference: effect.reference };
};

/** The user withdraws an application awaiting a decision. */
export const withdraw: EffectHandler<"effect.withdraw"> = async (effect, ctx) => {
  const result = await changeAsUser(ctx, effect.reference, "user.withdraw");
  if (!result.ok) return refusal(effect.reference, result);
  await sendReviewCards(ctx, effect.reference);
  return { type: "application.withdrawn", reference: effect.reference };
};
