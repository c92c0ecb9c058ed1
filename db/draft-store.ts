import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Platform } from "../src/domain/platform.js";
import type { ApplicationStore, HeldDraft } from "../src/ports/application-store.js";
import type { HotQueries } from "./hot-queries.js";
import { DRAFT, draftColumns, draftFromRow, workspaceFromRow } from "./rows.js";
import type { Database } from "./schema.js";
import type { Vault } from "./vault.js";

type Db = Transaction<Database> | Kysely<Database>;
type DraftStore = Pick<ApplicationStore, "loadDraft" | "saveDraft" | "holdDraft" | "heldDrafts"> & {
  /** The user's draft was submitted (deleted) in this transaction. */
  draftGone(userId: string): void;
};

/** Users' drafts (one per user at most), inside one transaction. */
export function sqlDraftStore(trx: Db, queries: HotQueries, vault: Vault): DraftStore {
  /** Each user's draft's id, as read in this transaction: its answers are sealed for its row. */
  const draftIds = new Map<string, string | null>();
  async function draftIdOf(userId: string): Promise<string | null> {
    if (!draftIds.has(userId)) {
      const [row] = (await trx.executeQuery(queries.draftIdOfUser(userId))).rows;
      draftIds.set(userId, row?.id ?? null);
    }
    return draftIds.get(userId)!;
  }

  const drafts: DraftStore = {
    draftGone(userId) {
      draftIds.set(userId, null);
    },

    async loadDraft(userId) {
      const row = await trx
        .selectFrom("applications")
        .select(["id", "details", "documents", "held_at"])
        .where("user_id", "=", userId)
        .where("status", "=", DRAFT)
        .executeTakeFirst();
      draftIds.set(userId, row?.id ?? null);
      // A held draft is the user's submission, not answers to resume: the conversation starts without it.
      return row && row.held_at === null ? draftFromRow(row, await vault.user(trx, userId)) : null;
    },

    async saveDraft(userId, draft, at) {
      const { documents, ...details } = draft;
      const isEmpty = Object.keys(details).length === 0 && Object.keys(documents).length === 0;
      if (isEmpty) {
        // A conversation emptied by a held submission leaves it waiting for the end of maintenance.
        await trx
          .deleteFrom("applications")
          .where("user_id", "=", userId)
          .where("status", "=", DRAFT)
          .where("held_at", "is", null)
          .execute();
        draftIds.set(userId, null);
        return;
      }
      const now = at.toISOString();
      const existing = await draftIdOf(userId);
      const id = existing ?? randomUUID();
      const values = { method: draft.method ?? null, ...draftColumns(id, draft, await vault.user(trx, userId)), updated_at: now };
      if (existing) {
        await trx.executeQuery(queries.updateDraft(values.method, values.details, values.documents, values.updated_at, userId));
        return;
      }
      await trx
        .insertInto("applications")
        .values({ id, user_id: userId, reference: null, status: "draft", created_at: now, reasons: "[]", ...values })
        .execute();
      draftIds.set(userId, id);
    },

    async holdDraft({ userId, draft, platform, previousReference, workspace }, at) {
      await drafts.saveDraft(userId, draft, at);
      await trx
        .updateTable("applications")
        .set({
          held_at: at.toISOString(),
          held_platform: platform,
          held_previous_reference: previousReference ?? null,
          workspace_team_id: workspace?.teamId ?? null,
          workspace_enterprise_id: workspace?.enterpriseId ?? null,
        })
        .where("user_id", "=", userId)
        .where("status", "=", DRAFT)
        .execute();
    },

    async heldDrafts() {
      const rows = await trx
        .selectFrom("applications")
        .select([
          "id",
          "user_id",
          "details",
          "documents",
          "held_platform",
          "held_previous_reference",
          "workspace_team_id",
          "workspace_enterprise_id",
        ])
        .where("status", "=", DRAFT)
        .where("held_at", "is not", null)
        .orderBy("held_at")
        .execute();
      const held: HeldDraft[] = [];
      for (const row of rows) {
        const workspace = workspaceFromRow(row);
        held.push({
          userId: row.user_id,
          draft: draftFromRow(row, await vault.user(trx, row.user_id)),
          platform: (row.held_platform ?? "console") as Platform,
          ...(row.held_previous_reference ? { previousReference: row.held_previous_reference } : {}),
          ...(workspace ? { workspace } : {}),
        });
      }
      return held;
    },
  };
  return drafts;
}
