import type { Kysely } from "kysely";
import type { AnnouncementStore } from "../src/ports/announcement-store.js";
import type { Database } from "./schema.js";

export function sqlAnnouncementStore(db: Kysely<Database>): AnnouncementStore {
  return {
    async findOrStartAnnouncement(texts, since, now) {
      const unfinished = await db
        .selectFrom("announcements")
        .select(["id", "since"])
        .where("text_zh", "=", texts.zh)
        .where("text_en", "=", texts.en)
        .where("finished_at", "is", null)
        .orderBy("created_at", "desc")
        .executeTakeFirst();
      if (unfinished) return unfinished;
      const started = { id: `ann-${now.getTime().toString(36)}`, since: since.toISOString() };
      await db
        .insertInto("announcements")
        .values({ ...started, text_zh: texts.zh, text_en: texts.en, created_at: now.toISOString(), finished_at: null })
        .execute();
      return started;
    },

    recipientsSince(since) {
      return db
        .selectFrom("conversations")
        .innerJoin("users", "users.id", "conversations.user_id")
        .select(["users.id", "users.locale"])
        .groupBy(["users.id", "users.locale"])
        .having((eb) => eb.fn.max("conversations.updated_at"), ">=", since)
        .orderBy("users.id")
        .execute();
    },

    async finishAnnouncement(id, at) {
      await db.updateTable("announcements").set({ finished_at: at.toISOString() }).where("id", "=", id).execute();
    },

    async announcementDeliveries(id) {
      const rows = await db
        .selectFrom("deliveries")
        .innerJoin("notifications", "notifications.id", "deliveries.notification_id")
        .select(["deliveries.status", (eb) => eb.fn.countAll<number>().as("count")])
        .where("notifications.announcement_id", "=", id)
        .groupBy("deliveries.status")
        .execute();
      const count = (status: string) => rows.filter((row) => row.status === status).reduce((sum, row) => sum + Number(row.count), 0);
      return { sent: count("sent"), failed: count("failed"), pending: count("pending") + count("sending") };
    },
  };
}
