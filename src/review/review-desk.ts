import type { LifecycleEvent } from "../../machines/application-lifecycle.machine.js";
import { changeApplication } from "../applications/change-application.js";
import { type ChatEvent, commandOf } from "../chat/chat-event.js";
import type { Reply } from "../chat/reply.js";
import { actorId } from "../domain/actor.js";
import type { Step } from "../domain/application.js";
import { afterPromisedDate } from "../domain/business-days.js";
import type { Choice } from "../domain/choice.js";
import type { ChatAddress } from "../domain/platform.js";
import { REJECTION_REASON_CODES, type RejectionReason, reasonsFor } from "../domain/rejection-reasons.js";
import { FIRST_APPROVAL } from "../domain/review-policy.js";
import { timeMessage } from "../i18n/dates.js";
import { type Message, msg } from "../i18n/message.js";
import { decisionNotification } from "../notifications/notification-content.js";
import { notify } from "../notifications/notify.js";
import type { ApplicationForReview } from "../ports/application-store.js";
import type { ReviewSession } from "../ports/review-session-store.js";
import { confirmDisabling, disableAccount, disableOffer } from "./account-disabling.js";
import { infoChoices, infoForm, reasonChoices, rejectForm, requestableItems } from "./decision-pickers.js";
import { type DeskContext, reviewerAccounts, reviewerActors, roomCards, toReviewer } from "./desk-context.js";
import { decodeReviewButton, encodeReviewButton, isReviewButton } from "./review-buttons.js";
import { detailLines, privateDetails, selected } from "./review-card.js";
import { claimApplication, heldBy, queueReply, releaseClaim, takeNext } from "./review-claims.js";
import { actorName, cleanDisplayName } from "./reviewer-display.js";
import { reviewerPeopleCount } from "./reviewers.js";

/**
 * A reviewer's button, form, pending note or `/queue`, handled here; null when the event is none of
 * these. Button ids carry everything a step needs (see `review-buttons.ts`), so choosing reasons
 * needs no server state; only a pending note is stored.
 */
export async function reviewerEvent(desk: DeskContext): Promise<Reply[] | null> {
  const { event, tx } = desk;
  await rememberName(desk);
  if (event.kind === "choice" && isReviewButton(event.choice)) return handleReviewAction(desk, event.choice);
  const command = commandOf(event)?.name;
  if (command === "queue" && desk.reviewers.isReviewer(event.platform, event.userId)) return queueReply(desk);
  // In a review room the conversation's commands do nothing: its help says what does.
  if (
    command === "help" &&
    desk.reviewers.isReviewRoom(event.platform, event.chatId) &&
    desk.reviewers.isReviewer(event.platform, event.userId)
  )
    return [toReviewer(desk, [msg("help.reviewRoom")])];
  if (event.kind === "form" && isReviewButton(event.form)) return handleReviewForm(desk, event);
  if (event.kind === "text" && desk.reviewers.isReviewer(event.platform, event.userId) && isNoteOrCancel(event.text)) {
    const session = await tx.loadReviewSession(reviewSessionAddress(event));
    if (session) return handleReviewNote(desk, session, event.text);
  }
  return null;
}

export async function handleReviewAction(ctx: DeskContext, choice: string): Promise<Reply[]> {
  const { verb, reference, mask: pickerMask } = decodeReviewButton(choice)!;
  // The card's buttons carry no mask; the pickers' buttons always do, so a mask means "replace the picker".
  const inPicker = pickerMask !== null;
  const mask = pickerMask ?? 0;
  const { event } = ctx;
  const actor = actorId.reviewer(event);
  const refusal = await refuseNonReviewer(ctx, reference);
  if (refusal) return refusal;
  const address = reviewSessionAddress(event);
  switch (verb) {
    case "ok":
      return (await notOpenedYet(ctx, reference)) ?? decide(ctx, reference, { type: "review.approve" }, {});
    case "no": {
      const offered = reasonsFor((await ctx.tx.loadApplication(reference))?.draft.method);
      const reply = toReviewer(ctx, [msg("review.reject.choose", { reference })], reasonChoices(reference, offered, mask), inPicker);
      return [inPicker ? reply : { ...reply, form: rejectForm(reference, offered) }];
    }
    case "nx": {
      // The bits index the whole catalogue, so a button stays meaningful whatever was offered; a reason
      // that can't be true of this application is never recorded, whatever a button says.
      const offered = reasonsFor((await ctx.tx.loadApplication(reference))?.draft.method);
      const reasons = selected(REJECTION_REASON_CODES, mask).filter((reason) => offered.includes(reason));
      if (reasons.length === 0) return [toReviewer(ctx, [msg("review.selectFirst")], reasonChoices(reference, offered, mask), true)];
      const setAside = await pendingElsewhere(ctx, address, reference);
      await ctx.tx.saveReviewSession(address, { reference, reasons, items: [] }, ctx.now);
      return [toReviewer(ctx, [...setAside, msg("review.reject.note", { reference })], noteChoices(), true)];
    }
    case "nn": {
      const session = await ctx.tx.loadReviewSession(address);
      if (!session) return [toReviewer(ctx, [msg("review.cancelled")], undefined, true)];
      await ctx.tx.saveReviewSession(address, null, ctx.now);
      return decideWithNote(ctx, session, "", true);
    }
    case "cx":
      await ctx.tx.saveReviewSession(address, null, ctx.now);
      return [toReviewer(ctx, [msg("review.cancelled")], undefined, true)];
    case "in":
    case "ig": {
      const application = await ctx.tx.loadApplication(reference);
      if (!application) return [toReviewer(ctx, [msg("review.notFound", { reference })])];
      const items = requestableItems(application.draft.method);
      if (verb === "ig" && selected(items, mask).length > 0) {
        // As a rejection does: the next message is the note to the applicant, or No note.
        const setAside = await pendingElsewhere(ctx, address, reference);
        await ctx.tx.saveReviewSession(address, { reference, reasons: [], items: selected(items, mask) }, ctx.now);
        return [toReviewer(ctx, [...setAside, msg("review.info.note", { reference, chars: INFO_NOTE_CHARS })], noteChoices(), true)];
      }
      const prompt = verb === "ig" ? [msg("review.selectFirst")] : [msg("review.info.choose", { reference })];
      const reply = toReviewer(ctx, prompt, infoChoices(reference, items, mask), inPicker);
      return [inPicker ? reply : { ...reply, form: infoForm(reference, items) }];
    }
    case "cl":
      return claimApplication(ctx, reference);
    case "rl":
      return releaseClaim(ctx, reference);
    case "tn":
      return takeNext(ctx);
    case "dx":
      return confirmDisabling(ctx, reference);
    case "dy":
      return disableAccount(ctx, reference);
    case "sd":
    case "op": {
      const application = await ctx.tx.loadApplication(reference);
      if (!application) return [toReviewer(ctx, [msg("review.notFound", { reference })])];
      // With private room details, a "Show details" button left on an older card also answers privately.
      if (verb === "op" || ctx.reviewers.roomDetails === "private") {
        await ctx.tx.auditWithoutChange(reference, actor, event.platform, "opened", ctx.now);
        return [{ locale: ctx.reviewerLocale, ...privateDetails(application, ctx.timeZone) }];
      }
      await ctx.tx.auditWithoutChange(reference, actor, event.platform, "show_details", ctx.now);
      return [toReviewer(ctx, [msg("review.details", { reference }), ...detailLines(application, { revealIdNumbers: true })])];
    }
    default:
      return [toReviewer(ctx, [msg("input.staleChoice")])];
  }
}

/** A submitted reject or request-info form: reasons or items ticked, and a note. */
export async function handleReviewForm(ctx: DeskContext, submission: { form: string; selected: number[]; note: string }): Promise<Reply[]> {
  const { verb: kind, reference } = decodeReviewButton(submission.form)!;
  const refusal = await refuseNonReviewer(ctx, reference);
  if (refusal) return refusal;
  const problem = reviewFormProblem(submission.selected);
  if (problem) return [toReviewer(ctx, [problem])];
  const note = submission.note.trim().slice(0, 1000);
  const pick = <T>(options: readonly T[]) => options.filter((_, index) => submission.selected.includes(index));
  const application = await ctx.tx.loadApplication(reference);
  if (!application) return [toReviewer(ctx, [msg("review.notFound", { reference })])];
  if (kind === "nf")
    return decide(
      ctx,
      reference,
      { type: "review.reject" },
      { reasons: pick(reasonsFor(application.draft.method)), ...(note ? { note } : {}) },
    );
  const items = pick(requestableItems(application.draft.method));
  // The note to the applicant is shown in chat, email and (shortened) SMS: kept to what a phone screen holds.
  const toApplicant = note.slice(0, INFO_NOTE_CHARS);
  return decide(ctx, reference, { type: "review.requestInfo" }, { items, ...(toApplicant ? { note: toApplicant } : {}) });
}

const INFO_NOTE_CHARS = 500;

/** Checked before a form is accepted, so a dialog can show the problem next to the options. */
export function reviewFormProblem(selected: readonly number[]): Message | null {
  return selected.length === 0 ? msg("review.selectFirst") : null;
}

/** The reviewer's display name as their platform gives it now: cards and the queue name them by it. */
async function rememberName({ event, reviewers, tx, now }: DeskContext): Promise<void> {
  const name = cleanDisplayName(event.displayName);
  if (name && reviewers.isReviewer(event.platform, event.userId)) await tx.rememberReviewerName(actorId.reviewer(event), name, now);
}

/**
 * Only reviewers decide; anyone else's attempt is refused to them alone, and audited once per user per
 * hour — the audit log is append-only, so pressing forged buttons in a loop must not flood it.
 */
async function refuseNonReviewer(ctx: DeskContext, reference: string): Promise<Reply[] | null> {
  const { event } = ctx;
  if (ctx.reviewers.isReviewer(event.platform, event.userId)) return null;
  const actor = actorId.user(event);
  const hourAgo = new Date(ctx.now.getTime() - 3_600_000);
  if (reference && !(await ctx.tx.auditedSince(actor, "refused:not_reviewer", hourAgo)))
    await ctx.tx.auditWithoutChange(reference, actor, event.platform, "refused:not_reviewer", ctx.now);
  return [{ ...toReviewer(ctx, [msg("review.notReviewer")]), ephemeral: true }];
}

/**
 * Approving what was not seen: with private room details the card shows no documents, so Approve and
 * Confirm approval wait until this reviewer has opened the application since it last changed (audited
 * `refused:not_opened`). Rejecting and asking for more information stay open: a card's facts can justify them.
 */
async function notOpenedYet(ctx: DeskContext, reference: string): Promise<Reply[] | null> {
  if (ctx.reviewers.roomDetails !== "private" || !ctx.policy.requireOpenBeforeApproval) return null;
  const application = await ctx.tx.loadApplication(reference);
  if (application?.status !== "submitted") return null; // decided meanwhile: decide() says so
  const actor = actorId.reviewer(ctx.event);
  if (await ctx.tx.openedSinceLastChange(reference, [...reviewerActors(ctx)])) return null;
  await ctx.tx.auditWithoutChange(reference, actor, ctx.event.platform, "refused:not_opened", ctx.now);
  const open = { id: encodeReviewButton("op", reference), label: msg("choice.open") };
  return [{ ...toReviewer(ctx, [msg("review.openFirst", { reference })], [open]), ephemeral: true }];
}

/** While a note is pending, plain text is the note and /cancel abandons the rejection; other commands work as usual. */
export function isNoteOrCancel(text: string): boolean {
  const trimmed = text.trim();
  return !trimmed.startsWith("/") || /^\/cancel\b/i.test(trimmed);
}

/**
 * Where a reviewer's pending rejection note is kept: per reviewer within a
 * chat, since several reviewers share a review room.
 */
export function reviewSessionAddress(event: ChatEvent): ChatAddress {
  return { platform: event.platform, chatId: `${event.chatId}#${event.userId}` };
}

/**
 * A reviewer has one pending note: starting another application's rejection or request sets the first
 * aside. Said, so that it is not taken as sent (its applicant was told nothing).
 */
async function pendingElsewhere(ctx: DeskContext, address: ChatAddress, reference: string): Promise<Message[]> {
  const pending = await ctx.tx.loadReviewSession(address);
  return pending && pending.reference !== reference ? [msg("review.note.setAside", { reference: pending.reference })] : [];
}

/** The reviewer's next message after choosing rejection reasons is the note to the user. */
export async function handleReviewNote(ctx: DeskContext, session: ReviewSession, note: string): Promise<Reply[]> {
  const text = note.trim();
  // A note too long for the applicant's screens is refused whole, not cut: the reviewer shortens it.
  if (session.items.length > 0 && !text.startsWith("/") && [...text].length > INFO_NOTE_CHARS)
    return [toReviewer(ctx, [msg("review.info.noteTooLong", { chars: [...text].length, max: INFO_NOTE_CHARS })], noteChoices())];
  await ctx.tx.saveReviewSession(reviewSessionAddress(ctx.event), null, ctx.now);
  if (text.startsWith("/")) return [toReviewer(ctx, [msg("review.cancelled")])];
  return decideWithNote(ctx, session, text);
}

/** The decision a note (possibly empty) completes: the rejection or the request for more information. */
function decideWithNote(ctx: DeskContext, session: ReviewSession, note: string, fromPicker = false): Promise<Reply[]> {
  const { reference, items, reasons } = session;
  if (items.length > 0) return decide(ctx, reference, { type: "review.requestInfo" }, { items, ...(note ? { note } : {}) }, fromPicker);
  return decide(ctx, reference, { type: "review.reject" }, { reasons, ...(note ? { note: note.slice(0, 1000) } : {}) }, fromPicker);
}

function noteChoices(): Choice[] {
  return [
    { id: encodeReviewButton("nn"), label: msg("choice.noNote") },
    { id: encodeReviewButton("cx"), label: msg("choice.cancelReview") },
  ];
}

async function decide(
  ctx: DeskContext,
  reference: string,
  event: LifecycleEvent,
  details: { reasons?: RejectionReason[]; note?: string; items?: Step[] },
  fromPicker = false,
): Promise<Reply[]> {
  const { event: chatEvent } = ctx;
  const actor = actorId.reviewer(chatEvent);
  const result = await changeApplication(ctx.tx, {
    reference,
    event,
    actor,
    actorIdentity: { platform: chatEvent.platform, userId: chatEvent.userId },
    actorAccounts: reviewerAccounts(ctx),
    at: ctx.now,
    fourEyes: ctx.policy.fourEyes,
    ...details,
  });
  if (!result.ok) {
    if (result.problem === "not_found") return [toReviewer(ctx, [msg("review.notFound", { reference })])];
    if (result.problem === "own_application" || result.problem === "same_reviewer" || result.problem === "claimed")
      await ctx.tx.auditWithoutChange(reference, actor, chatEvent.platform, `refused:${result.problem}`, ctx.now);
    if (result.problem === "own_application") return [toReviewer(ctx, [msg("review.ownApplication")])];
    if (result.problem === "same_reviewer") return [toReviewer(ctx, [msg("review.sameReviewer", { reference })])];
    if (result.problem === "claimed") return [await heldBy(ctx, reference, result)];
    const last = result.lastChange;
    return [
      toReviewer(ctx, [
        msg("review.alreadyDecided", {
          reference,
          status: msg(`status.${result.status}.label`),
          actor: last ? actorName(last.actor, await ctx.tx.reviewerNames([last.actor])) : "",
          at: last ? timeMessage(last.at, ctx.timeZone) : "",
        }),
      ]),
    ];
  }
  const application = (await ctx.tx.loadApplication(reference))!;
  const touched = await ctx.tx.firstTouch(reference, [...reviewerActors(ctx)]);
  const secondsOnCase = touched === null ? null : Math.max(0, (ctx.now.getTime() - Date.parse(touched)) / 1000);
  observeDecision(ctx, application, result.awaitingSecond ? FIRST_APPROVAL : application.status, actor, details, secondsOnCase);
  const replies = roomCards(ctx, application);
  // Four eyes: a first approval changes the card, not the status; the applicant hears nothing yet.
  if (result.awaitingSecond) {
    // With one reviewer configured nobody can confirm it: said, rather than promising a second reviewer who does not exist.
    const key = reviewerPeopleCount(ctx.reviewers) < 2 ? "review.firstApproval.noSecondReviewer" : "review.firstApproval.recorded";
    return [toReviewer(ctx, [msg(key, { reference })], undefined, fromPicker), ...replies];
  }
  // The picker the decision was taken from is spent: where it can be edited, it now says what happened.
  const offer = disableOffer(ctx, application);
  if (offer) replies.unshift(offer);
  if (fromPicker)
    replies.unshift(
      toReviewer(ctx, [msg("review.recorded", { reference, status: msg(`status.${application.status}.sentence`) })], undefined, true),
    );
  // The applicant is told through the outbox (chat, email, SMS); the chat message goes out right after the commit.
  const { kind, content } = decisionNotification(application, ctx.supportContact);
  const notice = await notify(ctx.tx, {
    userId: application.userId,
    kind,
    reference,
    content,
    channels: ctx.channels,
    at: ctx.now,
    live: true,
  });
  if (notice?.reply) replies.push(notice.reply);
  return replies;
}

/** Counted once the decision is committed: its outcome, reasons, time since submission and whether past the promised date. */
function observeDecision(
  ctx: DeskContext,
  application: ApplicationForReview,
  outcome: string,
  reviewer: string,
  details: { reasons?: readonly string[]; items?: readonly string[] },
  secondsOnCase: number | null,
): void {
  const observation = {
    secondsOnCase,
    reviewer: ctx.reviewers.personLabel(reviewer),
    outcome,
    reasons: [...(details.reasons ?? []), ...(details.items ?? [])],
    secondsSinceSubmission: Math.max(0, (ctx.now.getTime() - Date.parse(application.submittedAt)) / 1000),
    pastDue: afterPromisedDate(ctx.now, application.expectedBy, ctx.timeZone),
  };
  ctx.afterCommit.push(async () => ctx.metrics.decision(observation));
}
