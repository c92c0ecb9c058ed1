import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Platform } from "../src/domain/platform.js";
import type { AccountStatus } from "../src/domain/user-record.js";
import type { ConversationStore, ReplyConfirmation, StoredConversation } from "../src/ports/conversation-store.js";
import type { HotQueries } from "./hot-queries.js";
import { findUserId } from "./identity-lookup.js";
import { parseJson } from "./rows.js";
import type { Database } from "./schema.js";
import { place, type Vault } from "./vault.js";

/** Forgets the kept replies of these events: one statement, whatever their number. */
async function forget(
  trx: Transaction<Database> | Kysely<Database>,
  events: ReadonlyArray<{ platform: string; eventId: string }>,
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .updateTable("processed_events")
    .set({ replies: null, replies_user_id: null })
    .where((eb) => eb.or(events.map(({ platform, eventId }) => eb.and([eb("platform", "=", platform), eb("event_id", "=", eventId)]))))
    .execute();
}

/**
 * Confirmations as the platform gave them, in one statement whatever their number: the time until it
 * is committed is the window in which a crash repeats a reply (under load, each statement more was
 * milliseconds more). Events whose replies were all accepted are forgotten; those accepted in part note
 * how many. Merged per event first (a whole confirmation outranks a count; a count never goes down):
 * an update joined to two rows of one event would take either.
 */
export async function confirm(trx: Transaction<Database> | Kysely<Database>, confirmations: readonly ReplyConfirmation[]): Promise<void> {
  const byEvent = new Map<string, ReplyConfirmation>();
  for (const { platform, eventId, sent } of confirmations) {
    const key = `${platform}\0${eventId}`;
    const earlier = byEvent.get(key);
    const whole = sent === undefined || (earlier !== undefined && earlier.sent === undefined);
    byEvent.set(key, whole ? { platform, eventId } : { platform, eventId, sent: Math.max(earlier?.sent ?? 0, sent) });
  }
  if (byEvent.size === 0) return;
  const rows = sql.join(
    [...byEvent.values()].map(
      ({ platform, eventId, sent }) =>
        sql`select cast(${platform} as text) as platform, cast(${eventId} as text) as event_id, cast(${sent ?? null} as integer) as sent`,
    ),
    sql` union all `,
  );
  await sql`update processed_events set
      replies_sent = case when v.sent > processed_events.replies_sent then v.sent else processed_events.replies_sent end,
      replies = case when v.sent is null then null else processed_events.replies end,
      replies_user_id = case when v.sent is null then null else processed_events.replies_user_id end
    from (${rows}) as v
    where processed_events.platform = v.platform and processed_events.event_id = v.event_id and processed_events.replies is not null`.execute(
    trx,
  );
}

/** Users, identities, conversation snapshots and processed event ids, inside one transaction. */
export function sqlConversationStore(trx: Transaction<Database> | Kysely<Database>, queries: HotQueries, vault: Vault): ConversationStore {
  /** A chat's snapshot holds its user's draft: sealed under their key, bound to the chat. */
  const snapshotPlace = (platform: string, chatId: string) => place("conversations", "snapshot", platform, chatId);
  const openSnapshot = async (row: { snapshot: string; user_id: string }, platform: string, chatId: string) =>
    parseJson((await vault.user(trx, row.user_id)).open(row.snapshot, snapshotPlace(platform, chatId)));

  const loadConversation = async (platform: Platform, chatId: string): Promise<StoredConversation | null> => {
    const row = await trx
      .selectFrom("conversations")
      .select(["machine_version", "snapshot", "user_id"])
      .where("platform", "=", platform)
      .where("chat_id", "=", chatId)
      .executeTakeFirst();
    return row ? { machineVersion: row.machine_version, snapshot: await openSnapshot(row, platform, chatId) } : null;
  };
  /** An event's replies, sealed under their user's key (a review room's, nobody's, under the data keys). */
  const sealReplies = async (platform: string, eventId: string, userId: string | null, replies: string) =>
    (await vault.owner(trx, userId)).text(replies, place("processed_events", "replies", platform, eventId));
  return {
    async markEventProcessed(platform, eventId, at) {
      const result = await trx.executeQuery(queries.markEventProcessed(platform, eventId, at.toISOString()));
      return Number(result.numAffectedRows ?? 0) === 1;
    },

    async recordReplies(platform, eventId, userId, replies) {
      await trx.executeQuery(queries.recordReplies(await sealReplies(platform, eventId, userId, replies), userId, platform, eventId));
    },

    async takeUnconfirmedReplies(platform, eventId, processedBefore) {
      const row = await trx
        .selectFrom("processed_events")
        .select(["replies", "replies_user_id", "replies_sent", "processed_at"])
        .where("platform", "=", platform)
        .where("event_id", "=", eventId)
        .where("replies", "is not", null)
        .executeTakeFirst();
      if (!row?.replies) return null;
      if (row.processed_at >= processedBefore.toISOString()) return { processedAt: new Date(row.processed_at) };
      await forget(trx, [{ platform, eventId }]);
      const seal = await vault.owner(trx, row.replies_user_id);
      return { replies: seal.open(row.replies, place("processed_events", "replies", platform, eventId)), sent: row.replies_sent };
    },

    async forgetKeptReplies(before) {
      const result = await trx
        .updateTable("processed_events")
        .set({ replies: null, replies_user_id: null })
        .where("replies", "is not", null)
        .where("processed_at", "<", before.toISOString())
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async pruneProcessedEvents(before) {
      const result = await trx.deleteFrom("processed_events").where("processed_at", "<", before.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async openChat(chat, locale, at) {
      // Parameters in SQL order: the join's, then the where clause's.
      const [row] = (await trx.executeQuery(queries.openChat(chat.chatId, chat.platform, chat.platformUserId))).rows;
      if (row) {
        const user = { id: row.id, locale: row.locale, account: row.account_status as AccountStatus };
        const conversation =
          row.machine_version !== null && row.snapshot !== null && row.conversation_user_id !== null
            ? {
                machineVersion: row.machine_version,
                snapshot: await openSnapshot({ snapshot: row.snapshot, user_id: row.conversation_user_id }, chat.platform, chat.chatId),
              }
            : null;
        return { user, conversation };
      }
      const id = randomUUID();
      const now = at.toISOString();
      await trx.insertInto("users").values({ id, account_status: "active", locale, created_at: now }).execute();
      await trx
        .insertInto("identities")
        .values({ platform: chat.platform, platform_user_id: chat.platformUserId, user_id: id, created_at: now })
        .execute();
      return { user: { id, locale, account: "active" }, conversation: await loadConversation(chat.platform, chat.chatId) };
    },

    async setUserLocale(userId, locale) {
      await trx.updateTable("users").set({ locale }).where("id", "=", userId).execute();
    },

    async saveConversation(platform, chatId, userId, conversation, at) {
      // The snapshot holds the draft's answers: sealed like the application's. The chat's next event opens it.
      const snapshot = (await vault.user(trx, userId)).text(JSON.stringify(conversation.snapshot), snapshotPlace(platform, chatId), {
        reopenedSoon: true,
      });
      const updatedAt = at.toISOString();
      const version = conversation.machineVersion;
      await trx.executeQuery(
        queries.saveConversation(platform, chatId, userId, version, snapshot, updatedAt, userId, version, snapshot, updatedAt),
      );
    },

    async findUserId(platform, platformUserId) {
      return (await findUserId(trx, platform, platformUserId)) ?? null;
    },

    async userLocale(platform, platformUserId) {
      const row = await trx
        .selectFrom("identities")
        .innerJoin("users", "users.id", "identities.user_id")
        .select("users.locale")
        .where("identities.platform", "=", platform)
        .where("identities.platform_user_id", "=", platformUserId)
        .executeTakeFirst();
      return row?.locale ?? null;
    },

    async applicantChat(userId) {
      const row = await trx
        .selectFrom("users")
        .leftJoin("conversations", "conversations.user_id", "users.id")
        .select(["conversations.platform", "conversations.chat_id", "users.locale"])
        .where("users.id", "=", userId)
        .orderBy("conversations.updated_at", "desc")
        .limit(1)
        .executeTakeFirst();
      if (!row) return null;
      const address = row.platform && row.chat_id ? { platform: row.platform as Platform, chatId: row.chat_id } : null;
      return { address, locale: row.locale };
    },
  };
}
