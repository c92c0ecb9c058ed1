import { maintenanceInForce } from "../../applications/maintenance.js";
import { submitDraft } from "../../applications/submit-draft.js";
import { actorId } from "../../domain/actor.js";
import type { EffectHandler } from "./effect.js";
import { sendReviewCards } from "./review-cards.js";

/** Submits the draft, or during maintenance holds it (not lost: it goes through when maintenance ends). */
export const submit: EffectHandler<"effect.submit"> = async (effect, ctx) => {
  const { event, deps } = ctx;
  const { previousReference } = effect;
  const { workspace } = event;
  const maintenance = await maintenanceInForce(ctx.tx, ctx.now);
  if (maintenance) {
    const held = {
      userId: ctx.user.id,
      draft: effect.draft,
      platform: event.platform,
      ...(previousReference ? { previousReference } : {}),
    };
    await ctx.tx.holdDraft({ ...held, ...(workspace ? { workspace } : {}) }, ctx.now);
    deps.logger.info({ platform: event.platform, method: effect.draft.method }, "submission held for maintenance");
    return { type: "application.held", until: maintenance.until, note: maintenance.note };
  }
  const calendar = { timeZone: deps.timeZone, holidays: deps.holidays, newReference: deps.newReference };
  const { reference, expectedBy } = await submitDraft(ctx.tx, calendar, {
    userId: ctx.user.id,
    draft: effect.draft,
    submittedAt: ctx.now,
    actor: actorId.user(event),
    platform: event.platform,
    ...(previousReference ? { previousReference } : {}),
    ...(workspace ? { workspace } : {}),
  });
  deps.logger.info({ platform: event.platform, reference, method: effect.draft.method }, "application submitted");
  await sendReviewCards(ctx, reference);
  return { type: "application.submitted", reference, expectedBy };
};
