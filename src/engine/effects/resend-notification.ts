import { resentNotification } from "../../notifications/notification-content.js";
import { notify } from "../../notifications/notify.js";
import type { EffectHandler } from "./effect.js";

/** Users may ask for their last notification again this often (a guard against mail and SMS bombing). */
const RESENDS_PER_WINDOW = 3;
const RESEND_WINDOW_MS = 3_600_000;

/** Queues the user's last notification again to their current details, at most 3 times an hour. */
export const resendNotification: EffectHandler<"effect.resendNotification"> = async (_effect, ctx) => {
  const { tx, now } = ctx;
  const userId = ctx.user.id;
  const recent = await tx.notificationTimesSince(userId, "resend", new Date(now.getTime() - RESEND_WINDOW_MS));
  if (recent.length >= RESENDS_PER_WINDOW) return { type: "notification.resendRefused", until: recent[0]!.getTime() + RESEND_WINDOW_MS };
  const last = await tx.latestNotification(userId);
  if (!last) return { type: "notification.resendRefused", until: null };
  const content = resentNotification(last.kind === "resend" ? { ...last.content, body: last.content.body.slice(1) } : last.content);
  const notice = await notify(tx, {
    userId,
    kind: "resend",
    reference: last.reference,
    content,
    channels: ctx.deps.channels,
    at: now,
    live: true,
  });
  if (notice?.reply) ctx.outgoing.push(notice.reply);
  return { type: "notification.resent", channels: notice?.channels ?? [] };
};
