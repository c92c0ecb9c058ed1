import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { LifecycleStatus } from "../machines/application-lifecycle.machine.js";
import type { Draft, Method, Step } from "../src/domain/application.js";
import type { RejectionReason } from "../src/domain/rejection-reasons.js";
import type { ChatAddress } from "../src/chat/reply.js";
import type { ApplicationForReview, ChangeResult, LifecycleChange, ReviewSession } from "../src/review/review-port.js";
import type { IsoDate } from "../src/domain/business-days.js";
import type { AccountStatus, ApplicationSummary, UserRecord } from "../src/domain/user-record.js";
import type { Platform } from "../src/chat/chat-event.js";
import type {
  ChatKey,
  HeldDraft,
  Maintenance,
  NewSubmission,
  NewSupportRequest,
  OpenedChat,
  Store,
  StoredConversation,
  StoredUser,
  StoreTransaction,
} from "../src/engine/store-port.js";
import type { CardMessages } from "../src/chat/card-messages.js";
import { SqlCardMessages } from "./card-message-store.js";
import { GroupCommit } from "./group-commit.js";
import { readMaintenance } from "./maintenance-settings.js";
import { enqueueNotification, SqlNotificationStore } from "./notification-store.js";
import type { NewNotification, NotificationContent, NotificationKind, NotificationSummary } from "../src/notifications/notification.js";
import { findUserId } from "./identity-lookup.js";
import { queryTemplate } from "./query-template.js";
import { applyLifecycleChange } from "./review-store.js";
import type { Database } from "./schema.js";

/** The store over Kysely. Queries stick to what SQLite and PostgreSQL both accept. */
export class SqlStore implements Store {
  private readonly queries: HotQueries;
  private readonly groupCommit: GroupCommit;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onClose: () => Promise<void> = () => db.destroy(),
  ) {
    this.queries = hotQueries(db);
    this.groupCommit = new GroupCommit(db);
  }

  /** Concurrent chats' transactions share commits (see `GroupCommit`); each is still all-or-nothing. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.groupCommit.run((trx) => work(new SqlTransaction(trx, this.queries)));
  }

  async findUserRecord(platform: Platform, platformUserId: string, today: IsoDate): Promise<UserRecord | null> {
    const userId = await findUserId(this.db, platform, platformUserId);
    if (!userId) return null;
    const user = await this.db.selectFrom("users").select("account_status").where("id", "=", userId).executeTakeFirstOrThrow();
    const { rows } = await this.db.executeQuery(this.queries.applicationsOfUser(userId, "draft"));
    return toUserRecord(rows, user.account_status as AccountStatus, today);
  }

  /** The outbox's delivery states (notifications are written inside transactions). */
  outbox(): SqlNotificationStore {
    return new SqlNotificationStore(this.db);
  }

  /** Where review cards were posted, for adapters that edit them. */
  cardMessages(): CardMessages {
    return new SqlCardMessages(this.db);
  }

  close(): Promise<void> {
    return this.onClose();
  }
}

/** The queries made on every chat event, compiled once (see `queryTemplate`). */
type HotQueries = ReturnType<typeof hotQueries>;

function hotQueries(db: Kysely<Database>) {
  const $ = "?"; // placeholder values; the real ones are passed in the same order
  return {
    markEventProcessed: queryTemplate(
      db
        .insertInto("processed_events")
        .values({ platform: $, event_id: $, processed_at: $ })
        .onConflict((oc) => oc.doNothing()),
      3,
    ),
    openChat: queryTemplate(
      db
        .selectFrom("identities")
        .innerJoin("users", "users.id", "identities.user_id")
        .leftJoin("conversations", (join) =>
          join.onRef("conversations.platform", "=", "identities.platform").on("conversations.chat_id", "=", $),
        )
        .select(["users.id", "users.locale", "users.account_status", "conversations.machine_version", "conversations.snapshot"])
        .where("identities.platform", "=", $)
        .where("identities.platform_user_id", "=", $),
      3,
    ),
    applicationsOfUser: queryTemplate(
      db
        .selectFrom("applications")
        .select(["reference", "status", "method", "submitted_at", "expected_by", "reasons"])
        .where("user_id", "=", $)
        .where("status", "!=", "draft")
        .orderBy("submitted_at", "desc"),
      2,
    ),
    updateDraft: queryTemplate(
      db
        .updateTable("applications")
        .set({ method: $, details: $, documents: $, updated_at: $ })
        .where("user_id", "=", $)
        .where("status", "=", "draft"),
      6,
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

class SqlTransaction implements StoreTransaction {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly queries: HotQueries,
  ) {}

  async pruneProcessedEvents(before: Date): Promise<number> {
    const result = await this.trx.deleteFrom("processed_events").where("processed_at", "<", before.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async markEventProcessed(platform: Platform, eventId: string, at: Date): Promise<boolean> {
    const result = await this.trx.executeQuery(this.queries.markEventProcessed(platform, eventId, at.toISOString()));
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  async openChat(chat: ChatKey, locale: string, at: Date): Promise<OpenedChat> {
    // Parameters in SQL order: the join's, then the where clause's.
    const [row] = (await this.trx.executeQuery(this.queries.openChat(chat.chatId, chat.platform, chat.platformUserId))).rows;
    if (row) {
      const user = { id: row.id, locale: row.locale, account: row.account_status as AccountStatus };
      const conversation =
        row.machine_version !== null && row.snapshot !== null
          ? { machineVersion: row.machine_version, snapshot: parseJson(row.snapshot) }
          : null;
      return { user, conversation };
    }

    const id = randomUUID();
    const now = at.toISOString();
    await this.trx.insertInto("users").values({ id, account_status: "active", locale, created_at: now }).execute();
    await this.trx
      .insertInto("identities")
      .values({ platform: chat.platform, platform_user_id: chat.platformUserId, user_id: id, created_at: now })
      .execute();
    const conversation = await this.loadConversation(chat.platform, chat.chatId);
    return { user: { id, locale, account: "active" }, conversation };
  }

  async setUserLocale(userId: string, locale: string): Promise<void> {
    await this.trx.updateTable("users").set({ locale }).where("id", "=", userId).execute();
  }

  async loadUserRecord(user: StoredUser, today: IsoDate): Promise<UserRecord> {
    const { rows } = await this.trx.executeQuery(this.queries.applicationsOfUser(user.id, "draft"));
    return toUserRecord(rows, user.account, today);
  }

  private async loadConversation(platform: Platform, chatId: string): Promise<StoredConversation | null> {
    const row = await this.trx
      .selectFrom("conversations")
      .select(["machine_version", "snapshot"])
      .where("platform", "=", platform)
      .where("chat_id", "=", chatId)
      .executeTakeFirst();
    return row ? { machineVersion: row.machine_version, snapshot: parseJson(row.snapshot) } : null;
  }

  async saveConversation(platform: Platform, chatId: string, userId: string, conversation: StoredConversation, at: Date): Promise<void> {
    const snapshot = JSON.stringify(conversation.snapshot);
    const updatedAt = at.toISOString();
    await this.trx.executeQuery(
      this.queries.saveConversation(
        platform,
        chatId,
        userId,
        conversation.machineVersion,
        snapshot,
        updatedAt,
        userId,
        conversation.machineVersion,
        snapshot,
        updatedAt,
      ),
    );
  }

  async maintenance(now: Date): Promise<Maintenance | null> {
    const maintenance = await readMaintenance(this.trx);
    return maintenance && new Date(maintenance.until) > now ? maintenance : null;
  }

  async holdDraft({ userId, draft, platform, previousReference, workspace }: HeldDraft, at: Date): Promise<void> {
    await this.saveDraft(userId, draft, at);
    await this.trx
      .updateTable("applications")
      .set({
        held_at: at.toISOString(),
        held_platform: platform,
        held_previous_reference: previousReference ?? null,
        workspace_team_id: workspace?.teamId ?? null,
        workspace_enterprise_id: workspace?.enterpriseId ?? null,
      })
      .where("user_id", "=", userId)
      .where("status", "=", "draft")
      .execute();
  }

  async heldDrafts(): Promise<HeldDraft[]> {
    const rows = await this.trx
      .selectFrom("applications")
      .select([
        "user_id",
        "details",
        "documents",
        "held_platform",
        "held_previous_reference",
        "workspace_team_id",
        "workspace_enterprise_id",
      ])
      .where("status", "=", "draft")
      .where("held_at", "is not", null)
      .orderBy("held_at")
      .execute();
    return rows.map((row) => ({
      userId: row.user_id,
      draft: draftFromRow(row),
      platform: (row.held_platform ?? "console") as Platform,
      ...(row.held_previous_reference ? { previousReference: row.held_previous_reference } : {}),
      ...(row.workspace_team_id
        ? {
            workspace: {
              teamId: row.workspace_team_id,
              ...(row.workspace_enterprise_id ? { enterpriseId: row.workspace_enterprise_id } : {}),
            },
          }
        : {}),
    }));
  }

  async loadDraft(userId: string): Promise<Draft | null> {
    const row = await this.trx
      .selectFrom("applications")
      .select(["details", "documents"])
      .where("user_id", "=", userId)
      .where("status", "=", "draft")
      .executeTakeFirst();
    return row ? draftFromRow(row) : null;
  }

  async saveDraft(userId: string, draft: Draft, at: Date): Promise<void> {
    const { documents, ...details } = draft;
    const isEmpty = Object.keys(details).length === 0 && Object.keys(documents).length === 0;
    if (isEmpty) {
      await this.trx.deleteFrom("applications").where("user_id", "=", userId).where("status", "=", "draft").execute();
      return;
    }
    const now = at.toISOString();
    const values = {
      method: draft.method ?? null,
      details: JSON.stringify(details),
      documents: JSON.stringify(documents),
      updated_at: now,
    };
    const updated = await this.trx.executeQuery(
      this.queries.updateDraft(values.method, values.details, values.documents, values.updated_at, userId, "draft"),
    );
    if (Number(updated.numAffectedRows ?? 0) === 0) {
      await this.trx
        .insertInto("applications")
        .values({ id: randomUUID(), user_id: userId, reference: null, status: "draft", created_at: now, reasons: "[]", ...values })
        .execute();
    }
  }

  async isReferenceTaken(reference: string): Promise<boolean> {
    const application = await this.trx.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirst();
    const request = await this.trx.selectFrom("support_requests").select("reference").where("reference", "=", reference).executeTakeFirst();
    return application !== undefined || request !== undefined;
  }

  async latestContactDetails(userId: string): Promise<{ email?: string; phone?: string } | null> {
    const row = await this.trx
      .selectFrom("applications")
      .select("details")
      .where("user_id", "=", userId)
      .where("status", "!=", "draft")
      .orderBy("submitted_at", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!row) return null;
    const { email, phone } = parseJson(row.details) as { email?: string; phone?: string };
    return { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
  }

  latestNotification(userId: string): Promise<(NotificationSummary & { content: NotificationContent }) | null> {
    return new SqlNotificationStore(this.trx).latestPersonal(userId);
  }

  async notificationTimesSince(userId: string, kind: NotificationKind, since: Date): Promise<Date[]> {
    const rows = await this.trx
      .selectFrom("notifications")
      .select("created_at")
      .where("user_id", "=", userId)
      .where("kind", "=", kind)
      .where("created_at", ">=", since.toISOString())
      .orderBy("created_at")
      .execute();
    return rows.map((row) => new Date(row.created_at));
  }

  enqueueNotification(notification: NewNotification): Promise<string | null> {
    return enqueueNotification(this.trx, notification);
  }

  async recordSupportRequest(request: NewSupportRequest): Promise<void> {
    await this.trx
      .insertInto("support_requests")
      .values({
        reference: request.reference,
        user_id: request.userId,
        platform: request.platform,
        platform_user_id: request.platformUserId,
        question: request.question,
        created_at: request.at.toISOString(),
      })
      .execute();
  }

  async submitApplication(submission: NewSubmission): Promise<void> {
    const { documents, ...details } = submission.draft;
    const now = submission.submittedAt.toISOString();
    await this.trx.deleteFrom("applications").where("user_id", "=", submission.userId).where("status", "=", "draft").execute();
    const id = randomUUID();
    const previous = submission.previousReference
      ? await this.trx.selectFrom("applications").select("id").where("reference", "=", submission.previousReference).executeTakeFirst()
      : undefined;
    await this.trx
      .insertInto("applications")
      .values({
        id,
        previous_application_id: previous?.id ?? null,
        workspace_team_id: submission.workspace?.teamId ?? null,
        workspace_enterprise_id: submission.workspace?.enterpriseId ?? null,
        user_id: submission.userId,
        reference: submission.reference,
        status: "submitted",
        method: submission.draft.method ?? null,
        details: JSON.stringify(details),
        documents: JSON.stringify(documents),
        created_at: now,
        updated_at: now,
        submitted_at: now,
        consented_at: now,
        expected_by: submission.expectedBy,
        remind_reviewers_at: submission.remindReviewersAt.toISOString(),
        decided_at: null,
        reasons: "[]",
      })
      .execute();
    await this.trx
      .insertInto("audit_log")
      .values({
        application_id: id,
        actor: submission.actor,
        platform: submission.platform,
        at: now,
        from_status: "draft",
        to_status: "submitted",
        reason: null,
        note: null,
      })
      .execute();
  }
  changeApplication(change: LifecycleChange): Promise<ChangeResult> {
    return applyLifecycleChange(this.trx, change);
  }

  async updateContactDetails(
    userId: string,
    field: "email" | "phone",
    value: string,
    actor: string,
    platform: Platform,
    at: Date,
  ): Promise<boolean> {
    const latest = await this.trx
      .selectFrom("applications")
      .select(["id", "details", "status"])
      .where("user_id", "=", userId)
      .where("status", "!=", "draft")
      .orderBy("submitted_at", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!latest) return false;
    const details = { ...(parseJson(latest.details) as object), [field]: value };
    await this.trx
      .updateTable("applications")
      .set({ details: JSON.stringify(details), updated_at: at.toISOString() })
      .where("id", "=", latest.id)
      .execute();
    await this.trx
      .insertInto("audit_log")
      .values({
        application_id: latest.id,
        actor,
        platform,
        at: at.toISOString(),
        from_status: latest.status,
        to_status: latest.status,
        reason: `${field}_updated`,
        note: null,
      })
      .execute();
    return true;
  }

  async updateApplicationDetails(reference: string, draft: Draft, at: Date): Promise<void> {
    const { documents, ...details } = draft;
    await this.trx
      .updateTable("applications")
      .set({ details: JSON.stringify(details), documents: JSON.stringify(documents), updated_at: at.toISOString() })
      .where("reference", "=", reference)
      .execute();
  }

  async loadApplication(reference: string): Promise<ApplicationForReview | null> {
    const row = await this.trx.selectFrom("applications").selectAll().where("reference", "=", reference).executeTakeFirst();
    if (!row || row.status === "draft") return null;
    return {
      reference,
      previousApplicationId: row.previous_application_id,
      workspace: row.workspace_team_id
        ? { teamId: row.workspace_team_id, ...(row.workspace_enterprise_id ? { enterpriseId: row.workspace_enterprise_id } : {}) }
        : null,
      userId: row.user_id,
      status: row.status as LifecycleStatus,
      draft: draftFromRow(row),
      submittedAt: row.submitted_at ?? "",
      expectedBy: row.expected_by ?? "",
      reasons: parseJson(row.reasons) as RejectionReason[],
      note: row.note,
      requestedItems: parseJson(row.requested_items) as Step[],
      decidedBy: row.decided_by,
      decidedAt: row.decided_at,
    };
  }

  async applicantChat(userId: string): Promise<{ address: ChatAddress | null; locale: string } | null> {
    const row = await this.trx
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
  }

  async loadReviewSession(reviewer: ChatAddress): Promise<ReviewSession | null> {
    const row = await this.trx
      .selectFrom("review_sessions")
      .select(["reference", "reasons"])
      .where("platform", "=", reviewer.platform)
      .where("chat_id", "=", reviewer.chatId)
      .executeTakeFirst();
    return row ? { reference: row.reference, reasons: parseJson(row.reasons) as RejectionReason[] } : null;
  }

  async saveReviewSession(reviewer: ChatAddress, session: ReviewSession | null, at: Date): Promise<void> {
    await this.trx.deleteFrom("review_sessions").where("platform", "=", reviewer.platform).where("chat_id", "=", reviewer.chatId).execute();
    if (!session) return;
    await this.trx
      .insertInto("review_sessions")
      .values({
        platform: reviewer.platform,
        chat_id: reviewer.chatId,
        reference: session.reference,
        reasons: JSON.stringify(session.reasons),
        created_at: at.toISOString(),
      })
      .execute();
  }

  async takeDueReviewerReminders(now: Date): Promise<ApplicationForReview[]> {
    const due = await this.trx
      .selectFrom("applications")
      .select("reference")
      .where("status", "=", "submitted")
      .where("reviewers_reminded_at", "is", null)
      .where("remind_reviewers_at", "<=", now.toISOString())
      .orderBy("submitted_at", "asc")
      .execute();
    return this.take(due, { reviewers_reminded_at: now.toISOString() });
  }

  async takeOverdueNotices(today: IsoDate, now: Date): Promise<ApplicationForReview[]> {
    const due = await this.trx
      .selectFrom("applications")
      .select("reference")
      .where("status", "=", "submitted")
      .where("user_told_overdue_at", "is", null)
      .where("expected_by", "<", today)
      .orderBy("submitted_at", "asc")
      .execute();
    return this.take(due, { user_told_overdue_at: now.toISOString() });
  }

  private async take(
    due: Array<{ reference: string | null }>,
    mark: { reviewers_reminded_at: string } | { user_told_overdue_at: string },
  ): Promise<ApplicationForReview[]> {
    const applications: ApplicationForReview[] = [];
    for (const { reference } of due) {
      if (!reference) continue;
      await this.trx.updateTable("applications").set(mark).where("reference", "=", reference).execute();
      const application = await this.loadApplication(reference);
      if (application) applications.push(application);
    }
    return applications;
  }

  async auditWithoutChange(reference: string, actor: string, platform: Platform, reason: string, at: Date): Promise<void> {
    const application = await this.trx
      .selectFrom("applications")
      .select(["id", "status"])
      .where("reference", "=", reference)
      .executeTakeFirst();
    if (!application) return;
    await this.trx
      .insertInto("audit_log")
      .values({
        application_id: application.id,
        actor,
        platform,
        at: at.toISOString(),
        from_status: application.status,
        to_status: application.status,
        reason,
        note: null,
      })
      .execute();
  }
}

type ApplicationRow = {
  reference: string | null;
  status: string;
  method: string | null;
  submitted_at: string | null;
  expected_by: string | null;
  reasons: string;
};

/** Rows are the user's non-draft applications, newest first. */
function toUserRecord(rows: ApplicationRow[], account: AccountStatus, today: IsoDate): UserRecord {
  const latest = rows[0];
  const monthAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString();
  return {
    account,
    verified: rows.some((application) => application.status === "approved"),
    application: latest ? toSummary(latest, today) : null,
    recentRejections: rows.filter((row) => row.status === "rejected" && (row.submitted_at ?? "") >= monthAgo).length,
  };
}

function toSummary(row: ApplicationRow, today: IsoDate): ApplicationSummary {
  const status = row.status as ApplicationSummary["status"];
  const awaiting = status === "submitted" || status === "needs_more_info";
  return {
    reference: row.reference ?? "",
    status,
    method: row.method as Method,
    submittedAt: row.submitted_at ?? "",
    expectedBy: row.expected_by ?? "",
    overdue: awaiting && row.expected_by !== null && today > row.expected_by,
    reasons: parseJson(row.reasons) as string[],
  };
}

function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** A draft (answers and documents) from an application row's JSON columns. */
function draftFromRow(row: { details: string; documents: string }): Draft {
  return { ...(parseJson(row.details) as Omit<Draft, "documents">), documents: parseJson(row.documents) as Draft["documents"] };
}
