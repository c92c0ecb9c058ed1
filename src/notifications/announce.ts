import type { Locale } from "../i18n/locale.js";
import type { AnnouncementTexts } from "../ports/announcement-store.js";
import type { Store } from "../ports/store.js";
import { announcementNotification } from "./notification-content.js";
import { notify } from "./notify.js";

export interface AnnouncementProgress {
  announcementId: string;
  total: number;
  /** Users handled so far in this run (queued now or found queued by an earlier run). */
  done: number;
  queued: number;
}

/** Users per transaction: small enough to keep each commit short while the assistant runs beside. */
const BATCH = 100;

/**
 * Queues an announcement for every user who chatted in the last `sinceDays`
 * days, to their most recent chat. Re-running with the same texts resumes
 * the unfinished announcement (same recipients, fixed at its start): a user
 * who already has it is skipped, so a crash mid-way never sends anyone the
 * announcement twice. The running assistant's dispatcher delivers it.
 */
export async function queueAnnouncement(
  store: Pick<Store, "transaction" | "announcements">,
  texts: AnnouncementTexts,
  sinceDays: number,
  now: Date,
  onProgress: (progress: AnnouncementProgress) => void = () => undefined,
  officialChannels?: string,
): Promise<AnnouncementProgress> {
  const announcements = store.announcements();
  const announcement = await announcements.findOrStartAnnouncement(texts, new Date(now.getTime() - sinceDays * 86_400_000), now);
  const recipients = await announcements.recipientsSince(announcement.since);
  const progress: AnnouncementProgress = { announcementId: announcement.id, total: recipients.length, done: 0, queued: 0 };
  for (let start = 0; start < recipients.length; start += BATCH) {
    const batch = recipients.slice(start, start + BATCH);
    const queued = await store.transaction(async (tx) => {
      let count = 0;
      for (const user of batch) {
        const notice = await notify(tx, {
          userId: user.id,
          kind: "announcement",
          reference: null,
          content: announcementNotification(texts, user.locale as Locale, officialChannels),
          channels: ["chat"],
          announcementId: announcement.id,
          at: now,
        });
        if (notice) count++;
      }
      return count;
    });
    progress.done += batch.length;
    progress.queued += queued;
    onProgress({ ...progress });
  }
  await announcements.finishAnnouncement(announcement.id, new Date());
  return progress;
}
