import type { ChatEvent } from "../chat/chat-event.js";
import type { Reply } from "../chat/reply.js";
import type { Choice } from "../domain/choice.js";
import type { Channel } from "../domain/delivery.js";
import type { ReviewPolicy } from "../domain/review-policy.js";
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
