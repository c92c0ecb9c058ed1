import type { Kysely } from "kysely";
import type { SqlStore } from "../../db/sql-store.js";
import type { Database } from "../../db/schema.js";
import type { Locale } from "../i18n/locale.js";
import { announcementNotification } from "./notification-content.js";
import { notify } from "./notify.js";

export interface AnnouncementTexts {
  zh: string;
  en: string;
}

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
  db: Kysely<Database>,
  store: SqlStore,
  texts: AnnouncementTexts,
  sinceDays: number,
  now: Date,
  onProgress: (progress: AnnouncementProgress) => void = () => undefined,
): Promise<AnnouncementProgress> {
  const announcement = await findOrStart(db, texts, sinceDays, now);
  const recipients = await db
    .selectFrom("conversations")
    .innerJoin("users", "users.id", "conversations.user_id")
    .select(["users.id", "users.locale"])
    .groupBy(["users.id", "users.locale"])
    .having((eb) => eb.fn.max("conversations.updated_at"), ">=", announcement.since)
    .orderBy("users.id")
    .execute();
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
          content: announcementNotification(texts, user.locale as Locale),
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
  await db.updateTable("announcements").set({ finished_at: new Date().toISOString() }).where("id", "=", announcement.id).execute();
  return progress;
}

async function findOrStart(
  db: Kysely<Database>,
  texts: AnnouncementTexts,
  sinceDays: number,
  now: Date,
): Promise<{ id: string; since: string }> {
  const unfinished = await db
    .selectFrom("announcements")
    .select(["id", "since"])
    .where("text_zh", "=", texts.zh)
    .where("text_en", "=", texts.en)
    .where("finished_at", "is", null)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  if (unfinished) return unfinished;
  const started = { id: `ann-${now.getTime().toString(36)}`, since: new Date(now.getTime() - sinceDays * 86_400_000).toISOString() };
  await db
    .insertInto("announcements")
    .values({ ...started, text_zh: texts.zh, text_en: texts.en, created_at: now.toISOString(), finished_at: null })
    .execute();
  return started;
}

/** How an announcement's chat messages are faring: for the progress bar while the assistant delivers. */
export async function announcementDeliveries(
  db: Kysely<Database>,
  announcementId: string,
): Promise<{ sent: number; failed: number; pending: number }> {
  const rows = await db
    .selectFrom("deliveries")
    .innerJoin("notifications", "notifications.id", "deliveries.notification_id")
    .select(["deliveries.status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("notifications.announcement_id", "=", announcementId)
    .groupBy("deliveries.status")
    .execute();
  const count = (status: string) => rows.filter((row) => row.status === status).reduce((sum, row) => sum + Number(row.count), 0);
  return { sent: count("sent"), failed: count("failed"), pending: count("pending") + count("sending") };
}
