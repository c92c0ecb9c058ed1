import type { Reply } from "../chat/reply.js";
import { actorId } from "../domain/actor.js";
import type { NotificationContent } from "../domain/notification.js";
import { msg } from "../i18n/message.js";
import { notify } from "../notifications/notify.js";
import type { ApplicationForReview } from "../ports/application-store.js";
import { type DeskContext, toReviewer } from "./desk-context.js";
import { encodeReviewButton } from "./review-buttons.js";

/**
 * The seeds: false information fails the verification "甚至可能导致账号被封禁". A reviewer who rejects
 * for false information is offered to disable the applicant's account too — a second decision, asked
 * to confirm, audited, and told to the applicant with the way to support. Never for any other reason.
 */
export function mayDisableAccount(application: Pick<ApplicationForReview, "status" | "reasons">): boolean {
  return application.status === "rejected" && application.reasons.includes("false_information");
}

/** Offered to the reviewer after such a rejection. */
export function disableOffer(ctx: DeskContext, application: ApplicationForReview): Reply | null {
  if (!mayDisableAccount(application)) return null;
  const { reference } = application;
  return toReviewer(
    ctx,
    [msg("review.disable.offer", { reference })],
    [{ id: encodeReviewButton("dx", reference), label: msg("choice.disableAccount") }],
  );
}

/** "Also disable the account": what it means, and the confirmation. */
export async function confirmDisabling(ctx: DeskContext, reference: string): Promise<Reply[]> {
  const application = await ctx.tx.loadApplication(reference);
  if (!application || !mayDisableAccount(application))
    return [toReviewer(ctx, [msg("review.disable.notAllowed", { reference })], undefined, true)];
  return [
    toReviewer(
      ctx,
      [msg("review.disable.confirm", { reference })],
      [
        { id: encodeReviewButton("dy", reference), label: msg("choice.disableAccountConfirm") },
        { id: encodeReviewButton("cx"), label: msg("choice.cancelReview") },
      ],
      true,
    ),
  ];
}

/** Confirmed: the account is disabled (audited on the application) and the applicant told, with the way to support. */
export async function disableAccount(ctx: DeskContext, reference: string): Promise<Reply[]> {
  const application = await ctx.tx.loadApplication(reference);
  if (!application || !mayDisableAccount(application))
    return [toReviewer(ctx, [msg("review.disable.notAllowed", { reference })], undefined, true)];
  await ctx.tx.disableAccount(application.userId, reference, actorId.reviewer(ctx.event), ctx.event.platform, ctx.now);
  const content: NotificationContent = {
    body: [msg("account.disabledForFalseInformation", { reference, support: ctx.supportContact })],
    subject: msg("notification.subject.accountDisabled"),
    sms: msg("notification.sms.accountDisabled", { support: ctx.supportContact }),
  };
  const notice = await notify(ctx.tx, {
    userId: application.userId,
    kind: "account",
    reference,
    content,
    channels: ctx.channels,
    at: ctx.now,
    live: true,
  });
  return [toReviewer(ctx, [msg("review.disable.done", { reference })], undefined, true), ...(notice?.reply ? [notice.reply] : [])];
}
