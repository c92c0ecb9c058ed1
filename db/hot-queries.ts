import type { Kysely } from "kysely";
import { queryTemplate } from "./query-template.js";
import { DRAFT } from "./rows.js";
import type { Database } from "./schema.js";

/** The queries made on every chat event, compiled once (see `queryTemplate`). */
export type HotQueries = ReturnType<typeof hotQueries>;

export function hotQueries(db: Kysely<Database>) {
  const $ = "?"; // placeholder values; the real ones are passed in the same order
  return {
    markEventProcessed: queryTemplate(
      db
        .insertInto("processed_events")
        .values({ platform: $, event_id: $, processed_at: $ })
        .onConflict((oc) => oc.doNothing()),
      3,
    ),
    recordReplies: queryTemplate(
      db.updateTable("processed_events").set({ replies: $, replies_user_id: $ }).where("platform", "=", $).where("event_id", "=", $),
      4,
    ),
    openChat: queryTemplate(
      db
        .selectFrom("identities")
        .innerJoin("users", "users.id", "identities.user_id")
        .leftJoin("conversations", (join) =>
          join.onRef("conversations.platform", "=", "identities.platform").on("conversations.chat_id", "=", $),
        )
        .select([
          "users.id",
          "users.locale",
          "users.account_status",
          "conversations.user_id as conversation_user_id",
          "conversations.machine_version",
          "conversations.snapshot",
        ])
        .where("identities.platform", "=", $)
        .where("identities.platform_user_id", "=", $),
      3,
    ),
    applicationsOfUser: queryTemplate(
      db
        .selectFrom("applications")
        .select(["id", "reference", "status", "method", "submitted_at", "expected_by", "reasons", "decided_at", "requested_items", "note"])
        .where("user_id", "=", $)
        .where("status", "!=", "draft")
        .orderBy("submitted_at", "desc"),
      2,
    ),
    draftIdOfUser: queryTemplate(db.selectFrom("applications").select("id").where("user_id", "=", $).where("status", "=", DRAFT), 1),
    updateDraft: queryTemplate(
      db
        .updateTable("applications")
        .set({ method: $, details: $, documents: $, updated_at: $ })
        .where("user_id", "=", $)
        .where("status", "=", DRAFT),
      5,
    ),
    saveConversation: queryTemplate(
      db
        .insertInto("conversations")
        .values({ platform: $, chat_id: $, user_id: $, machine_version: 0, snapshot: $, updated_at: $ })
        .onConflict((oc) =>
          oc.columns(["platform", "chat_id"]).doUpdateSet({ user_id: $, machine_version: 0, snapshot: $, updated_at: $ }),
        ),
      10,
    ),
  };
}
