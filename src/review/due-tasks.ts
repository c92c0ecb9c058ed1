import { localDate } from "../domain/business-days.js";
import type { Locale } from "../i18n/locale.js";
import { msg } from "../i18n/message.js";
import type { Reply } from "../chat/reply.js";
import type { Store } from "../engine/store-port.js";
import { reviewCard } from "./review-card.js";
import type { Channel } from "../notifications/notification.js";
import { overdueNotification } from "../notifications/notification-content.js";
import { notify } from "../notifications/notify.js";
import type { Reviewers } from "./reviewers.js";

/** How long processed event ids are kept for deduplication (Telegram and Slack redeliver within hours). */
export const PROCESSED_EVENT_RETENTION_MS = 30 * 86_400_000;

export interface DueTaskSettings {
  defaultLocale: Locale;
  timeZone: string;
  notifyChannels?: readonly Channel[];
}

/**
 * One scheduler tick (every minute, and on start): finds what is due from
 * the times stored with each application — never an in-memory timer, since
 * these wait for days and must survive restarts — and returns the messages
 * to send; it also forgets event ids too old to be redelivered. Each task is
 * marked done in the same transaction, so its message is sent at most once
 * (the outbox of the notifications issue will make it at least once too).
 */
export async function runDueTasks(store: Store, reviewers: Reviewers, settings: DueTaskSettings, now: Date): Promise<Reply[]> {
  const today = localDate(now, settings.timeZone);
  return store.transaction(async (tx) => {
    const replies: Reply[] = [];
    await tx.pruneProcessedEvents(new Date(now.getTime() - PROCESSED_EVENT_RETENTION_MS));
    for (const application of await tx.takeDueReviewerReminders(now)) {
      const card = reviewCard(application);
      const reminder = msg("review.reminder", { reference: application.reference, expectedBy: application.expectedBy });
      for (const to of reviewers.destinations) {
        replies.push({ locale: settings.defaultLocale, to, ...card, body: [reminder, ...card.body], repost: true });
      }
    }
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
    return replies;
  });
}
