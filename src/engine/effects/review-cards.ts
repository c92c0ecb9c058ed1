import type { Reply } from "../../chat/reply.js";
import { reviewCard } from "../../review/review-card.js";
import type { EffectContext } from "./effect.js";

/** The application's card, as it is now, to every review destination (adapters that can edit replace the old one). */
export async function sendReviewCards(ctx: EffectContext, reference: string, repost = false): Promise<void> {
  const application = await ctx.tx.loadApplication(reference);
  if (!application) return;
  for (const to of ctx.deps.reviewers.destinations) {
    const card: Reply = {
      locale: ctx.deps.reviewLocale,
      to,
      ...reviewCard(application, ctx.deps.reviewers.roomDetails, ctx.now, ctx.deps.timeZone),
      ...(repost ? { repost } : {}),
    };
    ctx.outgoing.push(card);
  }
}
