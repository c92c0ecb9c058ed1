import type { ChatEvent } from "../chat/chat-event.js";
import type { Reply } from "../chat/reply.js";
import type { StoreTransaction } from "../ports/store.js";
import type { Logger } from "../runtime/logger.js";
import { deserializeReplies, unsentReplies } from "./reply-record.js";

/**
 * A redelivery this soon after the event was processed may be a duplicate in flight (another
 * instance sending its replies right now, confirmed within a second or two): it waits out the rest
 * of this time, then sends the replies if they are still unconfirmed (their sender died: a restart
 * can be that quick).
 */
export const REDELIVERY_GRACE_MS = 5_000;

/**
 * An event seen before. If its replies were never all confirmed sent (the process died after the commit),
 * those still unsent go now, once (the kept copy is forgotten as it is taken); processed within the grace,
 * it says since when, to be asked again after.
 */
export async function redeliveredReplies(
  tx: StoreTransaction,
  event: ChatEvent,
  { now, graceOver, logger }: { now: Date; graceOver: boolean; logger: Logger },
): Promise<{ replies: Reply[]; unconfirmedSince?: Date }> {
  const processedBefore = graceOver ? new Date("9999-12-31T23:59:59Z") : new Date(now.getTime() - REDELIVERY_GRACE_MS);
  const unconfirmed = await tx.takeUnconfirmedReplies(event.platform, event.id, processedBefore);
  if (unconfirmed && "processedAt" in unconfirmed) return { replies: [], unconfirmedSince: unconfirmed.processedAt };
  logger.info(
    { platform: event.platform, eventId: event.id },
    unconfirmed ? "redelivered event: its unconfirmed replies are sent again" : "duplicate event ignored",
  );
  return { replies: unconfirmed ? unsentReplies(deserializeReplies(unconfirmed.replies), unconfirmed.sent) : [] };
}
