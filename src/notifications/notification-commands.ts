import { findUserId } from "../../db/identity-lookup.js";
import { writeMaintenance, readMaintenance } from "../../db/maintenance-settings.js";
import { migrateToLatest } from "../../db/migrate.js";
import { openSqlite } from "../../db/open-database.js";
import { SqlNotificationStore } from "../../db/notification-store.js";
import { SqlStore } from "../../db/sql-store.js";
import type { Platform } from "../chat/chat-event.js";
import type { Config } from "../config.js";
import { announcementDeliveries, queueAnnouncement, type AnnouncementTexts } from "./announce.js";

/** Operators' notification commands (`npm run cli -- notifications|announce|maintenance`); each returns its exit code. */
export class NotificationCommands {
  constructor(
    private readonly config: Readonly<Config>,
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly err: NodeJS.WritableStream = process.stderr,
  ) {}

  /** A user's recent notifications and each channel's delivery state; exit 1 for an unknown user. */
  async notifications(platform: Platform, user: string, json: boolean): Promise<number> {
    return this.withDatabase(async (db) => {
      const userId = await findUserId(db, platform, user);
      if (!userId) {
        this.err.write(`no ${platform} user "${user}" has talked to the assistant\n`);
        return 1;
      }
      const notifications = await new SqlNotificationStore(db).recentForUser(userId, 20);
      if (json) {
        this.out.write(`${JSON.stringify({ platform, user, notifications })}\n`);
        return 0;
      }
      if (notifications.length === 0) this.out.write(`${platform} user ${user}: no notifications yet\n`);
      for (const notification of notifications) {
        this.out.write(
          `${notification.createdAt}  ${notification.kind}${notification.reference ? ` ${notification.reference}` : ""}  (${notification.id})\n`,
        );
        for (const delivery of notification.deliveries) {
          const detail = [
            `${delivery.attempts} attempt(s)`,
            delivery.lastAttemptAt ? `last ${delivery.lastAttemptAt}` : "",
            delivery.failure ?? "",
          ]
            .filter(Boolean)
            .join(", ");
          this.out.write(`    ${delivery.channel.padEnd(5)} ${delivery.status.padEnd(7)} ${detail}\n`);
        }
      }
      return 0;
    });
  }

  /** Queues an announcement (resuming an unfinished one with the same texts), then follows its delivery unless `wait` is false. */
  async announce(texts: AnnouncementTexts, sinceDays: number, wait: boolean): Promise<number> {
    const { db } = openSqlite(this.config.sqlitePath);
    await migrateToLatest(db);
    const store = new SqlStore(db);
    try {
      const result = await queueAnnouncement(db, store, texts, sinceDays, new Date(), (progress) => {
        this.err.write(`\rqueueing   ${bar(progress.done, progress.total)} ${progress.done}/${progress.total} users`);
      });
      this.err.write("\n");
      const already = result.total - result.queued;
      this.out.write(
        `announcement ${result.announcementId}: queued for ${result.queued} user(s)${already ? `, ${already} already had it` : ""}; ${result.total} recipient(s) in all\n`,
      );
      if (!wait || result.total === 0) return 0;
      return await this.followDelivery(db, result.announcementId);
    } finally {
      await store.close();
    }
  }

  /** `maintenance on --until <ISO> [--zh …] [--en …]` or `maintenance off`. */
  async maintenance(action: string, until: string | undefined, note: { zh?: string; en?: string }): Promise<number> {
    return this.withDatabase(async (db) => {
      if (action === "off") {
        await writeMaintenance(db, null);
        this.out.write("maintenance off: held submissions go through at the running assistant's next tick (within a minute)\n");
        return 0;
      }
      if (action === "status") {
        const current = await readMaintenance(db);
        const active = current && new Date(current.until) > new Date();
        this.out.write(active ? `maintenance on until ${current.until}\n` : "maintenance off\n");
        return 0;
      }
      const end = until ? new Date(until) : null;
      if (!end || Number.isNaN(end.getTime()) || end <= new Date()) {
        this.err.write('maintenance on needs --until <ISO time in the future>, e.g. --until "2026-11-25T02:00:00Z"\n');
        return 2;
      }
      await writeMaintenance(db, { until: end.toISOString(), note });
      this.out.write(`maintenance on until ${end.toISOString()}: new submissions are held and go through when it ends\n`);
      return 0;
    });
  }

  /** Progress of the running assistant's deliveries until none is pending, or nothing moves for a minute. */
  private async followDelivery(db: Parameters<typeof announcementDeliveries>[0], announcementId: string): Promise<number> {
    let last = "";
    let stalledSince = Date.now();
    for (;;) {
      const { sent, failed, pending } = await announcementDeliveries(db, announcementId);
      const total = sent + failed + pending;
      this.err.write(`\rdelivering ${bar(sent + failed, total)} ${sent + failed}/${total}`);
      const state = `${sent}/${failed}/${pending}`;
      if (state !== last) stalledSince = Date.now();
      last = state;
      if (pending === 0 || Date.now() - stalledSince > 60_000) {
        this.err.write("\n");
        this.out.write(
          `delivered ${sent}, failed ${failed}, pending ${pending}${pending ? " (is the assistant running? it delivers them)" : ""}\n`,
        );
        return 0;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  private async withDatabase(work: (db: ReturnType<typeof openSqlite>["db"]) => Promise<number>): Promise<number> {
    const { db } = openSqlite(this.config.sqlitePath);
    try {
      await migrateToLatest(db);
      return await work(db);
    } finally {
      await db.destroy();
    }
  }
}

function bar(done: number, total: number, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}
