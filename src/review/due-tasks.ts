import { maintenanceInForce } from "../applications/maintenance.js";
import { submitDraft } from "../applications/submit-draft.js";
import type { Reply } from "../chat/reply.js";
import { actorId } from "../domain/actor.js";
import { type IsoDate, isBusinessDay, localDate } from "../domain/business-days.js";
import type { Channel } from "../domain/delivery.js";
import type { ChatAddress } from "../domain/platform.js";
import { newReferenceCode } from "../domain/reference-code.js";
import { dayMessage } from "../i18n/dates.js";
import type { Locale } from "../i18n/locale.js";
import { msg } from "../i18n/message.js";
import { heldReleasedNotification, overdueNotification } from "../notifications/notification-content.js";
import { notify } from "../notifications/notify.js";
import type { Store, StoreTransaction } from "../ports/store.js";
import { type Metrics, NO_METRICS } from "../runtime/metrics.js";
import { reviewCard } from "./review-card.js";
import type { Reviewers } from "./reviewers.js";

/** How long processed event ids are kept for deduplication (Telegram and Slack redeliver within hours). */
export const PROCESSED_EVENT_RETENTION_MS = 30 * 86_400_000;
/**
 * How long an event's replies not confirmed sent are kept for its redelivery: Telegram keeps an update it
 * could not deliver 24 hours at most, Slack retries within minutes. (A reply carried by the answer to a
 * Telegram webhook is never confirmed: its copy goes at this age.)
 */
export const KEPT_REPLIES_MS = 86_400_000;
/** How long a delivered webhook event can still be replayed. */
export const DELIVERED_WEBHOOK_RETENTION_MS = 30 * 86_400_000;

export interface DueTaskSettings {
  /** Review cards and reminders in shared rooms (`REVIEW_LOCALE`). */
  reviewLocale: Locale;
  timeZone: string;
  holidays?: ReadonlySet<string>;
  notifyChannels?: readonly Channel[];
  /** `REVIEW_ESCALATE_TO`: told of overdue applications nobody holds, once per business day they stay so. */
  reviewEscalateTo?: ChatAddress | undefined;
}

/**
 * One scheduler tick (every minute, and on start): finds what is due from
 * the times stored with each application — never an in-memory timer, since
 * these wait for days and must survive restarts — and returns the messages
 * to send; it also forgets event ids, and replies kept for them, too old to be redelivered. Each task is
 * marked done in the same transaction, so its message is sent at most once
 * (the outbox of the notifications issue will make it at least once too);
 * of several instances ticking at once, one does the work.
 */
export async function runDueTasks(
  store: Store,
  reviewers: Reviewers,
  settings: DueTaskSettings,
  now: Date,
  metrics: Pick<Metrics, "escalation"> = NO_METRICS,
): Promise<Reply[]> {
  const today = localDate(now, settings.timeZone);
  // Delivered webhook events stay a month for `cli webhooks replay`, then go (harmless if two instances both prune).
  await store.webhooks().pruneDelivered(new Date(now.getTime() - DELIVERED_WEBHOOK_RETENTION_MS));
  return store.transaction(async (tx) => {
    // Several instances tick: one does the work, the others find it taken and do nothing this time.
    if (!(await tx.tryLock("scheduler"))) return [];
    const replies: Reply[] = [];
    await tx.pruneProcessedEvents(new Date(now.getTime() - PROCESSED_EVENT_RETENTION_MS));
    await tx.forgetKeptReplies(new Date(now.getTime() - KEPT_REPLIES_MS));
    for (const application of await tx.takeDueReviewerReminders(now)) {
      const card = reviewCard(application, reviewers.roomDetails, now, settings.timeZone);
      const reminder = msg("review.reminder", { reference: application.reference, expectedBy: dayMessage(application.expectedBy) });
      for (const to of reviewers.destinations) {
        replies.push({ locale: settings.reviewLocale, to, ...card, body: [reminder, ...card.body], repost: true });
      }
    }
    if (settings.reviewEscalateTo && isBusinessDay(today, settings.holidays ?? new Set()))
      replies.push(...(await escalate(tx, reviewers, settings, settings.reviewEscalateTo, now, today, metrics)));
    for (const application of await tx.takeOverdueNotices(today, now)) {
      const { reference, userId } = application;
      const notice = await notify(tx, {
        userId,
        kind: "overdue",
        reference,
        content: overdueNotification(application),
        channels: settings.notifyChannels ?? ["chat"],
        at: now,
        live: true,
      });
      if (notice?.reply) replies.push(notice.reply);
    }
    if (!(await maintenanceInForce(tx, now))) replies.push(...(await releaseHeldSubmissions(tx, reviewers, settings, now)));
    return replies;
  });
}

/** After maintenance, the submissions held during it go through, oldest first; reviewers get cards, users are told. */
async function releaseHeldSubmissions(tx: StoreTransaction, reviewers: Reviewers, settings: DueTaskSettings, now: Date): Promise<Reply[]> {
  const replies: Reply[] = [];
  const calendar = {
    timeZone: settings.timeZone,
    holidays: settings.holidays ?? new Set<string>(),
    newReference: () => newReferenceCode(),
  };
  for (const held of await tx.heldDrafts()) {
    const { reference, expectedBy } = await submitDraft(tx, calendar, {
      userId: held.userId,
      draft: held.draft,
      submittedAt: now,
      actor: actorId.system("maintenance_ended"),
      platform: held.platform,
      ...(held.previousReference ? { previousReference: held.previousReference } : {}),
      ...(held.workspace ? { workspace: held.workspace } : {}),
    });
    const application = (await tx.loadApplication(reference))!;
    for (const to of reviewers.destinations)
      replies.push({ locale: settings.reviewLocale, to, ...reviewCard(application, reviewers.roomDetails, now, settings.timeZone) });
    const notice = await notify(tx, {
      userId: held.userId,
      kind: "held_released",
      reference,
      content: heldReleasedNotification(reference, expectedBy),
      channels: settings.notifyChannels ?? ["chat"],
      at: now,
      live: true,
    });
    if (notice?.reply) replies.push(notice.reply);
  }
  return replies;
}

/**
 * Overdue and nobody on it: each such application is announced to `REVIEW_ESCALATE_TO` with its card
 * (claim it from there), once per business day it stays so; audited `escalated`, counted.
 */
async function escalate(
  tx: StoreTransaction,
  reviewers: Reviewers,
  settings: DueTaskSettings,
  to: ChatAddress,
  now: Date,
  today: IsoDate,
  metrics: Pick<Metrics, "escalation">,
): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const application of await tx.takeDueEscalations(today, now)) {
    const { reference, expectedBy } = application;
    await tx.auditWithoutChange(reference, actorId.system("escalation"), to.platform, "escalated", now);
    metrics.escalation();
    // Not the room's card (no `card`: the room's own message stays the one that is edited), with its buttons.
    const { card: _room, ...card } = reviewCard(application, reviewers.roomDetails, now, settings.timeZone);
    const alert = msg("review.escalation", { reference, expectedBy: dayMessage(expectedBy) });
    replies.push({ locale: settings.reviewLocale, to, ...card, body: [alert, ...card.body] });
  }
  return replies;
}
