import { type Kysely, sql } from "kysely";
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
        .select([
          "id",
          "reference",
          "status",
          "method",
          "submitted_at",
          "expected_by",
          "reasons",
          "decided_at",
          "requested_items",
          "note",
          "held_at",
        ])
        .where("user_id", "=", $)
        // The submitted ones, and a draft held during maintenance: the user sees it as sent, not as a draft.
        .where((eb) => eb.or([eb("status", "!=", $), eb("held_at", "is not", null)]))
        .orderBy("submitted_at", "desc"),
      2,
    ),
    draftIdOfUser: queryTemplate(db.selectFrom("applications").select("id").where("user_id", "=", $).where("status", "=", DRAFT), 1),
    updateDraft: queryTemplate(
      db
        .updateTable("applications")
        // Answers changed after a held submission make it a draft again: it is submitted again, or not at all.
        .set({ method: $, details: $, documents: $, updated_at: $, held_at: sql.lit(null) })
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
