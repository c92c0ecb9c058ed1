import { queueAnnouncement } from "../../notifications/announce.js";
import type { AnnouncementStore } from "../../ports/announcement-store.js";
import { type CliCommand, expectArgs, print, UsageError, withStore } from "./cli-command.js";
import { progressBar } from "./progress-bar.js";

/** How long the delivery progress may stand still before the command stops following it. */
const STALLED_MS = 60_000;

/**
 * `announce --zh … --en … [--since-days N] [--no-wait]`: queues an announcement
 * (resuming an unfinished one with the same texts), then follows its delivery.
 */
export const announce: CliCommand = ({ rest, zh, en, sinceDays: days, noWait }) => {
  expectArgs(rest, 0);
  if (!zh?.trim() || !en?.trim()) throw new UsageError('announce needs both --zh "<text>" and --en "<text>"');
  const sinceDays = Number(days ?? 30);
  if (!Number.isInteger(sinceDays) || sinceDays < 1) throw new UsageError("--since-days must be a whole number of days ≥ 1");
  const texts = { zh: zh.trim(), en: en.trim() };
  return withStore(async (store, config) => {
    const result = await queueAnnouncement(
      store,
      texts,
      sinceDays,
      new Date(),
      (progress) => {
        process.stderr.write(`\rqueueing   ${progressBar(progress.done, progress.total)} ${progress.done}/${progress.total} users`);
      },
      config.officialChannels,
    );
    process.stderr.write("\n");
    const already = result.total - result.queued;
    print(
      `announcement ${result.announcementId}: queued for ${result.queued} user(s)${already ? `, ${already} already had it` : ""}; ${result.total} recipient(s) in all`,
    );
    if (noWait || result.total === 0) return 0;
    return followDelivery(store.announcements(), result.announcementId);
  });
};

/** Progress of the running assistant's deliveries until none is pending, or nothing moves for a minute. */
async function followDelivery(announcements: AnnouncementStore, announcementId: string): Promise<number> {
  let last = "";
  let stalledSince = Date.now();
  for (;;) {
    const { sent, failed, pending } = await announcements.announcementDeliveries(announcementId);
    const total = sent + failed + pending;
    process.stderr.write(`\rdelivering ${progressBar(sent + failed, total)} ${sent + failed}/${total}`);
    const state = `${sent}/${failed}/${pending}`;
    if (state !== last) stalledSince = Date.now();
    last = state;
    if (pending === 0 || Date.now() - stalledSince > STALLED_MS) {
      process.stderr.write("\n");
      print(`delivered ${sent}, failed ${failed}, pending ${pending}${pending ? " (is the assistant running? it delivers them)" : ""}`);
      return 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
