import type { IsoDate } from "../domain/business-days.js";
import type { Platform } from "../domain/platform.js";
import { type UserRecord, userRecord } from "../domain/user-record.js";
import type { Store } from "../ports/store.js";

/** The status view the CLI, the App Home and support staff see; null when the platform user never wrote to us. */
export async function findUserRecord(
  store: Pick<Store, "findUser">,
  platform: Platform,
  platformUserId: string,
  today: IsoDate,
): Promise<UserRecord | null> {
  const user = await store.findUser(platform, platformUserId);
  return user && userRecord(user.account, user.history, today);
}

/** The user's request to the team still waiting for its answer, for the App Home to name as /status does; null if none. */
export async function findWaitingSupport(
  store: Pick<Store, "transaction">,
  platform: Platform,
  platformUserId: string,
): Promise<{ reference: string; since: string } | null> {
  return store.transaction(async (tx) => {
    const userId = await tx.findUserId(platform, platformUserId);
    const waiting = userId ? await tx.waitingSupportRequest(userId) : null;
    return waiting && { reference: waiting.reference, since: waiting.createdAt };
  });
}
