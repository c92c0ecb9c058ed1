import type { ChatEvent } from "../chat/chat-event.js";
import type { Reply } from "../chat/reply.js";
import { actorId } from "../domain/actor.js";
import type { Choice } from "../domain/choice.js";
import type { Channel } from "../domain/delivery.js";
import type { ReviewPolicy } from "../domain/review-policy.js";
import type { Account } from "../domain/reviewer-people.js";
import type { Locale } from "../i18n/locale.js";
import type { Message } from "../i18n/message.js";
import type { ApplicationForReview, ApplicationStore } from "../ports/application-store.js";
import type { AuditStore } from "../ports/audit-store.js";
import type { ConversationStore } from "../ports/conversation-store.js";
import type { OutboxWriter } from "../ports/outbox.js";
import type { ReviewSessionStore } from "../ports/review-session-store.js";
import type { ReviewerNameStore } from "../ports/reviewer-name-store.js";
import type { WebhookEventWriter } from "../ports/webhook-outbox.js";
import type { Metrics } from "../runtime/metrics.js";
import { reviewCard } from "./review-card.js";
import type { Reviewers } from "./reviewers.js";

/** What the review desk works with while handling one reviewer's event. */
export interface DeskContext {
  tx: ApplicationStore & AuditStore & ReviewSessionStore & ReviewerNameStore & ConversationStore & OutboxWriter & WebhookEventWriter;
  event: ChatEvent;
  reviewerLocale: Locale;
  now: Date;
  reviewers: Reviewers;
  cardLocale: Locale;
  supportContact: string;
  /** The notification channels in use. */
  channels: readonly Channel[];
  /** Four eyes and claims. */
  policy: ReviewPolicy;
  /** Where times on cards are shown (claims, first approvals). */
  timeZone: string;
  /** Work for after the commit (counting a decision: a transaction re-run must not count twice). */
  afterCommit: Array<() => Promise<void>>;
  metrics: Metrics;
}

/** Every account of the acting reviewer's person (`REVIEWERS`), the acting one first. */
export function reviewerAccounts(ctx: Pick<DeskContext, "event" | "reviewers">): Account[] {
  const { platform, userId } = ctx.event;
  const all = ctx.reviewers.accountsOf(platform, userId);
  return [{ platform, userId }, ...all.filter((a) => a.platform !== platform || a.userId !== userId)];
}

/** The acting reviewer's person as audit actors: a claim, first approval or opening by any of them is theirs. */
export function reviewerActors(ctx: Pick<DeskContext, "event" | "reviewers">): Set<string> {
  return new Set(reviewerAccounts(ctx).map((account) => actorId.reviewer(account)));
}

/** A message to the reviewer who acted, in their language; `replacesPressed`: it takes the place of the message pressed. */
export function toReviewer(ctx: DeskContext, body: Message[], choices?: Choice[], replacesPressed = false): Reply {
  return { locale: ctx.reviewerLocale, body, ...(choices ? { choices } : {}), ...(replacesPressed ? { replacesPressed } : {}) };
}

/** The application's card as it is now, for every review destination (adapters that can edit replace the old one). */
export function roomCards(ctx: DeskContext, application: ApplicationForReview): Reply[] {
  return ctx.reviewers.destinations.map((to) => ({
    locale: ctx.cardLocale,
    to,
    ...reviewCard(application, ctx.reviewers.roomDetails, ctx.now, ctx.timeZone),
  }));
}
