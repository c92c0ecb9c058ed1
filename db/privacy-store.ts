import { type Kysely, sql, type Transaction } from "kysely";
import { maskedIdentity } from "../src/domain/identity-numbers.js";
import { type HeldData, NO_ERASURES, type PrivacyStore, type RetentionCutoffs } from "../src/ports/privacy-store.js";
import { documentIdsIn, referencedDocuments } from "./referenced-documents.js";
import { DRAFT, draftFromRow, openDetails, openNullable, parseJson } from "./rows.js";
import type { Database } from "./schema.js";
import { place, type Vault } from "./vault.js";

type Db = Transaction<Database> | Kysely<Database>;

/** Export, erasure and retention over the tables; which data is due is the caller's cutoffs, never decided here. */
export function sqlPrivacyStore(trx: Db, vault: Vault): PrivacyStore {
  /**
   * Erases one application's personal data: answers, documents, the reviewer's note, revisions and
   * audit notes. Status, method, dates, the masked number and the keyed digests of its numbers stay (not the phone's).
   */
  async function eraseApplication(
    row: { id: string; user_id: string; status: string; details: string; documents: string },
    actor: string,
    why: string,
    at: string,
  ): Promise<string[]> {
    const seal = await vault.user(trx, row.user_id);
    const documentIds = documentIdsIn(row.documents);
    const revisions = await trx.selectFrom("application_revisions").select("previous").where("application_id", "=", row.id).execute();
    for (const revision of revisions)
      documentIds.push(...documentIdsIn(seal.open(revision.previous, place("application_revisions", "previous", row.id))));
    await trx
      .updateTable("applications")
      .set({
        // Nobody's data any more: sealed under the data keys, so it still opens once the user's key is destroyed.
        details: vault.service.text("{}", place("applications", "details", row.id)),
        documents: "{}",
        note: null,
        masked_identity: maskedIdentity(draftFromRow(row, seal)),
        erased_at: at,
      })
      .where("id", "=", row.id)
      .execute();
    await trx.deleteFrom("application_revisions").where("application_id", "=", row.id).execute();
    // The phone's digest served only to recognise the applicant as a reviewer while it was decided.
    await trx.deleteFrom("identity_digests").where("application_id", "=", row.id).where("kind", "=", "phone").execute();
    // The audit log is append-only except for its sealed notes, which may hold personal data.
    await trx.updateTable("audit_log").set({ note: null }).where("application_id", "=", row.id).where("note", "is not", null).execute();
    await trx
      .insertInto("audit_log")
      .values({
        application_id: row.id,
        actor,
        platform: null,
        at,
        from_status: row.status,
        to_status: row.status,
        reason: why,
        note: null,
      })
      .execute();
    await trx.insertInto("erasures").values({ at, actor, kind: "application", subject: row.id, items: 1 }).execute();
    return documentIds;
  }

  const decidedDue = (cutoffs: RetentionCutoffs) =>
    trx
      .selectFrom("applications")
      .where("status", "in", [...cutoffs.finalStatuses])
      .where("erased_at", "is", null)
      .where(sql<string>`coalesce(decided_at, updated_at)`, "<", cutoffs.decidedBefore.toISOString());
  const idleConversations = (cutoffs: RetentionCutoffs) =>
    trx.selectFrom("conversations").where("updated_at", "<", cutoffs.idleBefore.toISOString());
  // A draft held during maintenance is submitted when it ends: never erased as idle.
  const idleDrafts = (cutoffs: RetentionCutoffs) =>
    trx
      .selectFrom("applications")
      .where("status", "=", DRAFT)
      .where("held_at", "is", null)
      .where("updated_at", "<", cutoffs.idleBefore.toISOString());
  const oldNotifications = (cutoffs: RetentionCutoffs) =>
    trx.selectFrom("notifications").where("created_at", "<", cutoffs.createdBefore.toISOString());
  const oldSupportTexts = (cutoffs: RetentionCutoffs) =>
    trx.selectFrom("support_requests").where("created_at", "<", cutoffs.createdBefore.toISOString()).where("question", "is not", null);

  const oldFaqQuestions = (cutoffs: RetentionCutoffs) =>
    trx.selectFrom("faq_misses").where("created_at", "<", cutoffs.createdBefore.toISOString());

  async function deleteNotifications(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await trx.deleteFrom("deliveries").where("notification_id", "in", ids).execute();
    await trx.deleteFrom("notifications").where("id", "in", ids).execute();
  }

  const COUNT = sql<number | string>`count(*)`.as("n");
  const number = (row: { n: number | string }) => Number(row.n);

  return {
    async heldData(userId) {
      const user = await trx.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
      const accounts = await trx.selectFrom("identities").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();
      const rows = await trx.selectFrom("applications").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();
      const seal = await vault.user(trx, userId);
      const applications: HeldData["applications"] = [];
      for (const row of rows) {
        const revisions = await trx
          .selectFrom("application_revisions")
          .selectAll()
          .where("application_id", "=", row.id)
          .orderBy("id")
          .execute();
        const history = await trx.selectFrom("audit_log").selectAll().where("application_id", "=", row.id).orderBy("id").execute();
        applications.push({
          reference: row.reference,
          status: row.status,
          method: row.method,
          createdAt: row.created_at,
          submittedAt: row.submitted_at,
          expectedBy: row.expected_by,
          decidedAt: row.decided_at,
          decidedBy: row.decided_by,
          reasons: parseJson(row.reasons) as string[],
          note: openNullable(row.note, seal, place("applications", "note", row.id)),
          answers: openDetails(row, seal),
          documents: parseJson(row.documents) as HeldData["applications"][number]["documents"],
          erasedAt: row.erased_at,
          maskedIdentity: row.masked_identity,
          revisions: revisions.map((revision) => ({
            at: revision.at,
            actor: revision.actor,
            fields: parseJson(revision.fields) as string[],
            previous: parseJson(seal.open(revision.previous, place("application_revisions", "previous", row.id))),
          })),
          history: history.map((entry) => ({
            at: entry.at,
            actor: entry.actor,
            platform: entry.platform,
            from: entry.from_status,
            to: entry.to_status,
            reason: entry.reason,
            note: openNullable(entry.note, seal, place("audit_log", "note", row.id)),
          })),
        });
      }
      const conversations = await trx.selectFrom("conversations").selectAll().where("user_id", "=", userId).execute();
      const notifications = await trx.selectFrom("notifications").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();
      const deliveries = notifications.length
        ? await trx
            .selectFrom("deliveries")
            .selectAll()
            .where(
              "notification_id",
              "in",
              notifications.map((notification) => notification.id),
            )
            .execute()
        : [];
      const support = await trx.selectFrom("support_requests").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();
      return {
        user: {
          createdAt: user.created_at,
          locale: user.locale,
          accountStatus: user.account_status,
          accounts: accounts.map((account) => ({
            platform: account.platform,
            userId: account.platform_user_id,
            since: account.created_at,
          })),
        },
        applications,
        conversations: conversations.map((conversation) => ({
          platform: conversation.platform,
          chatId: conversation.chat_id,
          updatedAt: conversation.updated_at,
          state: parseJson(
            seal.open(conversation.snapshot, place("conversations", "snapshot", conversation.platform, conversation.chat_id)),
          ),
        })),
        notifications: notifications.map((notification) => ({
          kind: notification.kind,
          reference: notification.reference,
          createdAt: notification.created_at,
          content: parseJson(seal.open(notification.content, place("notifications", "content", notification.id))),
          deliveries: deliveries
            .filter((delivery) => delivery.notification_id === notification.id)
            .map((delivery) => ({
              channel: delivery.channel,
              address: seal.open(delivery.address, place("deliveries", "address", notification.id, delivery.channel)),
              status: delivery.status,
            })),
        })),
        supportRequests: support.map((request) => ({
          reference: request.reference,
          createdAt: request.created_at,
          question: openNullable(request.question, seal, place("support_requests", "question", request.reference)),
          answeredAt: request.answered_at,
        })),
      };
    },

    async eraseUserData(userId, actor, at) {
      const when = at.toISOString();
      const documentIds: string[] = [];
      const counts = { ...NO_ERASURES };
      const rows = await trx
        .selectFrom("applications")
        .select(["id", "user_id", "status", "details", "documents", "erased_at"])
        .where("user_id", "=", userId)
        .execute();
      for (const row of rows) {
        if (row.status === "draft") {
          documentIds.push(...documentIdsIn(row.documents));
          await trx.deleteFrom("applications").where("id", "=", row.id).execute();
          counts.drafts++;
          continue;
        }
        // The user asked: the keyed digests of their numbers go too (retention keeps them).
        await trx.deleteFrom("identity_digests").where("application_id", "=", row.id).execute();
        if (row.erased_at) continue;
        documentIds.push(...(await eraseApplication(row, actor, "erased:user_request", when)));
        counts.applications++;
      }
      const conversations = await trx
        .selectFrom("conversations")
        .select(["platform", "chat_id", "snapshot"])
        .where("user_id", "=", userId)
        .execute();
      const seal = await vault.user(trx, userId);
      for (const { platform, chat_id, snapshot } of conversations)
        documentIds.push(...documentIdsIn(seal.open(snapshot, place("conversations", "snapshot", platform, chat_id))));
      await trx.deleteFrom("conversations").where("user_id", "=", userId).execute();
      counts.conversations = conversations.length;
      const notifications = await trx.selectFrom("notifications").select("id").where("user_id", "=", userId).execute();
      await deleteNotifications(notifications.map((notification) => notification.id));
      counts.notifications = notifications.length;
      const support = await trx
        .updateTable("support_requests")
        .set({ question: null })
        .where("user_id", "=", userId)
        .where("question", "is not", null)
        .executeTakeFirst();
      counts.supportTexts = Number(support.numUpdatedRows);
      // The one-time-code ledger stays: it holds only keyed hashes, and its 24-hour limits must outlive erasure.
      // Replies kept for a redelivery that never came (their sending was not confirmed).
      await trx
        .updateTable("processed_events")
        .set({ replies: null, replies_user_id: null })
        .where("replies_user_id", "=", userId)
        .execute();
      // Crypto-shredding: every copy of what was sealed under the user's key — old row versions, logs, backups — is unreadable now.
      await vault.userKeys.destroy(trx, userId);
      const items = Object.values(counts).reduce((sum, n) => sum + n, 0);
      await trx.insertInto("erasures").values({ at: when, actor, kind: "user", subject: userId, items }).execute();
      return { counts, documentIds };
    },

    async countDueForErasure(cutoffs) {
      return {
        applications: number(await decidedDue(cutoffs).select(COUNT).executeTakeFirstOrThrow()),
        conversations: number(await idleConversations(cutoffs).select(COUNT).executeTakeFirstOrThrow()),
        drafts: number(await idleDrafts(cutoffs).select(COUNT).executeTakeFirstOrThrow()),
        notifications: number(await oldNotifications(cutoffs).select(COUNT).executeTakeFirstOrThrow()),
        supportTexts: number(await oldSupportTexts(cutoffs).select(COUNT).executeTakeFirstOrThrow()),
        faqQuestions: number(await oldFaqQuestions(cutoffs).select(COUNT).executeTakeFirstOrThrow()),
      };
    },

    async eraseDueBatch(cutoffs, limit, actor, at) {
      const when = at.toISOString();
      const counts = { ...NO_ERASURES };
      const batch = async (kind: string, items: number) => {
        if (items > 0) await trx.insertInto("erasures").values({ at: when, actor, kind, subject: null, items }).execute();
      };

      const applications = await decidedDue(cutoffs).select(["id", "user_id", "status", "details", "documents"]).limit(limit).execute();
      for (const row of applications) await eraseApplication(row, actor, "erased:retention", when);
      counts.applications = applications.length;

      const conversations = await idleConversations(cutoffs).select(["platform", "chat_id"]).limit(limit).execute();
      for (const conversation of conversations) {
        await trx
          .deleteFrom("conversations")
          .where("platform", "=", conversation.platform)
          .where("chat_id", "=", conversation.chat_id)
          .execute();
      }
      counts.conversations = conversations.length;
      await batch("conversation", conversations.length);

      const drafts = await idleDrafts(cutoffs).select("id").limit(limit).execute();
      if (drafts.length)
        await trx
          .deleteFrom("applications")
          .where(
            "id",
            "in",
            drafts.map((draft) => draft.id),
          )
          .execute();
      counts.drafts = drafts.length;
      await batch("draft", drafts.length);

      const notifications = await oldNotifications(cutoffs).select("id").limit(limit).execute();
      await deleteNotifications(notifications.map((notification) => notification.id));
      counts.notifications = notifications.length;
      await batch("notification", notifications.length);

      const texts = await oldSupportTexts(cutoffs).select("reference").limit(limit).execute();
      if (texts.length)
        await trx
          .updateTable("support_requests")
          .set({ question: null })
          .where(
            "reference",
            "in",
            texts.map((text) => text.reference),
          )
          .execute();
      counts.supportTexts = texts.length;
      await batch("support_text", texts.length);

      const questions = await oldFaqQuestions(cutoffs).select("id").limit(limit).execute();
      if (questions.length)
        await trx
          .deleteFrom("faq_misses")
          .where(
            "id",
            "in",
            questions.map((question) => question.id),
          )
          .execute();
      counts.faqQuestions = questions.length;
      await batch("faq_question", questions.length);
      return counts;
    },

    referencedDocuments: () => referencedDocuments(trx, vault),
  };
}
