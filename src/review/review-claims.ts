import { isOwnApplication } from "../applications/change-application.js";
import type { Reply } from "../chat/reply.js";
import { actorId } from "../domain/actor.js";
import { localDate } from "../domain/business-days.js";
import { dayMessage, timeMessage } from "../i18n/dates.js";
import { type Message, msg } from "../i18n/message.js";
import type { ApplicationForReview } from "../ports/application-store.js";
import { type DeskContext, reviewerAccounts, reviewerActors, roomCards, toReviewer } from "./desk-context.js";
import { encodeReviewButton } from "./review-buttons.js";
import { claimHolds, reviewCard, waitingHours } from "./review-card.js";
import { reviewQueue } from "./review-queue.js";
import { actorName } from "./reviewer-display.js";

/** Applications listed by `/queue`: the oldest; the rest are counted. */
const QUEUE_LINES = 20;

/**
 * Claims: a reviewer says "I'm on it". For `REVIEW_CLAIM_MINUTES` other reviewers' decisions on the
 * application are refused, naming the holder; the holder may release it; after that anyone may take
 * it over (audited). Every change is a compare-and-set on the claim read, so two reviewers claiming
 * at once never both hold it.
 */
export async function claimApplication(ctx: DeskContext, reference: string): Promise<Reply[]> {
  const application = await ctx.tx.loadApplication(reference);
  const unavailable = await notClaimable(ctx, reference, application);
  if (unavailable) return unavailable;
  const taken = await take(ctx, application!);
  if (!taken) return [toReviewer(ctx, [msg("review.changedMeanwhile", { reference })])];
  return [toReviewer(ctx, [msg("review.claim.taken", { reference, until: until(ctx, taken) })]), ...roomCards(ctx, taken)];
}

export async function releaseClaim(ctx: DeskContext, reference: string): Promise<Reply[]> {
  const application = await ctx.tx.loadApplication(reference);
  if (!application) return [toReviewer(ctx, [msg("review.notFound", { reference })])];
  const actor = actorId.reviewer(ctx.event);
  const mine = reviewerActors(ctx);
  const { claim } = application;
  if (claim && !mine.has(claim.by) && claimHolds(claim, ctx.now)) return [await heldBy(ctx, reference, claim)];
  if (!claim || !mine.has(claim.by)) return [toReviewer(ctx, [msg("review.claim.notYours", { reference })])];
  if (!(await ctx.tx.setClaim({ reference, expectedBy: claim.by, claim: null })))
    return [toReviewer(ctx, [msg("review.changedMeanwhile", { reference })])];
  await ctx.tx.auditWithoutChange(reference, actor, ctx.event.platform, "claim_released", ctx.now);
  const released = (await ctx.tx.loadApplication(reference))!;
  return [toReviewer(ctx, [msg("review.claim.released", { reference })]), ...roomCards(ctx, released)];
}

/**
 * **Take next**: continues this reviewer's own oldest claim, or else claims the oldest waiting application
 * nobody holds that they may decide (not their own, not one they gave the first approval), and shows its card.
 */
export async function takeNext(ctx: DeskContext): Promise<Reply[]> {
  const mine = reviewerActors(ctx);
  const queue = await reviewQueue(ctx.tx, localDate(ctx.now, ctx.timeZone));
  const ownClaims = queue.filter((entry) => claimHolds(entry.claim, ctx.now) && mine.has(entry.claim!.by));
  const free = queue.filter((entry) => !claimHolds(entry.claim, ctx.now) && !mine.has(entry.firstApproval?.by ?? ""));
  for (const entry of [...ownClaims, ...free]) {
    const application = await ctx.tx.loadApplication(entry.reference);
    if (!application || (await isOwnApplication(ctx.tx, reviewerAccounts(ctx), application))) continue;
    const taken = await take(ctx, application);
    if (!taken) continue;
    const card = reviewCard(taken, ctx.reviewers.roomDetails, ctx.now, ctx.timeZone);
    return [
      {
        ...toReviewer(ctx, [
          msg(ownClaims.includes(entry) ? "review.queue.continue" : "review.queue.took", {
            reference: taken.reference,
            until: until(ctx, taken),
          }),
          ...card.body,
        ]),
        ...pick(card),
      },
      ...roomCards(ctx, taken),
    ];
  }
  return [toReviewer(ctx, [msg("review.queue.nothingToTake")])];
}

/** `/queue`: what waits, oldest first, with its age, SLA state and who holds it; **Take next** below. */
export async function queueReply(ctx: DeskContext): Promise<Reply[]> {
  const queue = await reviewQueue(ctx.tx, localDate(ctx.now, ctx.timeZone));
  if (queue.length === 0) return [toReviewer(ctx, [msg("review.queue.empty")])];
  const names = await ctx.tx.reviewerNames(queue.flatMap((entry) => [entry.claim?.by ?? [], entry.firstApproval?.by ?? []].flat()));
  const lines: Message[] = queue.slice(0, QUEUE_LINES).map((entry) => {
    const hours = waitingHours(entry.submittedAt, ctx.now);
    const age = hours >= 48 ? msg("review.age.days", { days: Math.floor(hours / 24) }) : msg("review.age.hours", { hours });
    const state = claimHolds(entry.claim, ctx.now)
      ? msg("review.queue.claimed", { actor: actorName(entry.claim!.by, names) })
      : entry.firstApproval
        ? msg("review.queue.firstApproval", { actor: actorName(entry.firstApproval.by, names) })
        : "";
    return msg("review.queue.line", {
      reference: entry.reference,
      method: msg(`method.${entry.method}`),
      age,
      expectedBy: dayMessage(entry.expectedBy),
      sla: msg(`review.sla.${entry.sla}`),
      state,
    });
  });
  const more = queue.length > QUEUE_LINES ? [msg("review.queue.more", { count: queue.length - QUEUE_LINES })] : [];
  // The reviewer's own claims first, each with Open and Release: the worklist before the waiting list.
  const mine = reviewerActors(ctx);
  const claims = queue.filter((entry) => claimHolds(entry.claim, ctx.now) && mine.has(entry.claim!.by));
  const yours: Message[] = claims.length
    ? [
        msg("review.queue.yourClaims"),
        ...claims.map((entry) =>
          msg("review.queue.yourClaim", { reference: entry.reference, until: timeMessage(entry.claim!.until, ctx.timeZone) }),
        ),
      ]
    : [];
  const claimButtons = claims.flatMap((entry) => [
    { id: encodeReviewButton("op", entry.reference), label: msg("choice.openClaim", { reference: entry.reference }) },
    { id: encodeReviewButton("rl", entry.reference), label: msg("choice.releaseClaim", { reference: entry.reference }) },
  ]);
  return [
    toReviewer(
      ctx,
      [...yours, msg("review.queue.title", { count: queue.length }), ...lines, ...more],
      [...claimButtons, { id: encodeReviewButton("tn"), label: msg("choice.takeNext") }],
    ),
  ];
}

/** Takes or renews the claim for this reviewer; audited (a take-over names whose claim ran out). Null when it changed meanwhile. */
async function take(ctx: DeskContext, application: ApplicationForReview): Promise<ApplicationForReview | null> {
  const actor = actorId.reviewer(ctx.event);
  const { reference, claim } = application;
  const lease = new Date(ctx.now.getTime() + ctx.policy.claimMinutes * 60_000);
  if (!(await ctx.tx.setClaim({ reference, expectedBy: claim?.by ?? null, claim: { by: actor, until: lease } }))) return null;
  const reason = !claim ? "claimed" : reviewerActors(ctx).has(claim.by) ? "claim_renewed" : `claim_taken_over:${claim.by}`;
  await ctx.tx.auditWithoutChange(reference, actor, ctx.event.platform, reason, ctx.now);
  return ctx.tx.loadApplication(reference);
}

async function notClaimable(ctx: DeskContext, reference: string, application: ApplicationForReview | null): Promise<Reply[] | null> {
  if (!application) return [toReviewer(ctx, [msg("review.notFound", { reference })])];
  if (application.status !== "submitted")
    return [toReviewer(ctx, [msg("review.claim.notWaiting", { reference, status: msg(`status.${application.status}.label`) })])];
  const { claim } = application;
  if (claim && !reviewerActors(ctx).has(claim.by) && claimHolds(claim, ctx.now)) return [await heldBy(ctx, reference, claim)];
  // Not even to hold others off: a reviewer never reviews their own application, under any account.
  if (await isOwnApplication(ctx.tx, reviewerAccounts(ctx), application)) {
    await ctx.tx.auditWithoutChange(reference, actorId.reviewer(ctx.event), ctx.event.platform, "refused:own_application", ctx.now);
    return [toReviewer(ctx, [msg("review.ownApplication")])];
  }
  return null;
}

/** The refusal naming who holds the application, and until when. */
export async function heldBy(ctx: DeskContext, reference: string, claim: { by: string; until: string }): Promise<Reply> {
  const actor = actorName(claim.by, await ctx.tx.reviewerNames([claim.by]));
  return toReviewer(ctx, [msg("review.claimedBy", { reference, actor, until: timeMessage(claim.until, ctx.timeZone) })]);
}

function until(ctx: DeskContext, application: ApplicationForReview): Message {
  return timeMessage(application.claim!.until, ctx.timeZone);
}

/** A card's buttons and attachments, for a reply to the reviewer that carries it. */
function pick(card: ReturnType<typeof reviewCard>): Partial<Reply> {
  return { ...(card.choices ? { choices: card.choices } : {}), ...(card.attachments ? { attachments: card.attachments } : {}) };
}
