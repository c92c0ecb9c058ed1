import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Draft, Method } from "../src/domain/application.js";
import type { IsoDate } from "../src/domain/business-days.js";
import type { AccountStatus, ApplicationSummary, UserRecord } from "../src/domain/user-record.js";
import type { Platform } from "../src/chat/chat-event.js";
import type {
  NewSubmission,
  Store,
  StoredConversation,
  StoredUser,
  StoreTransaction,
} from "../src/engine/store-port.js";
import type { Database } from "./schema.js";

/** The store over Kysely. Queries stick to what SQLite and PostgreSQL both accept. */
export class SqlStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly onClose: () => Promise<void> = () => db.destroy(),
  ) {}

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new SqlTransaction(trx)));
  }

  async findUserRecord(platform: Platform, platformUserId: string, today: IsoDate): Promise<UserRecord | null> {
    const identity = await this.db
      .selectFrom("identities")
      .select("user_id")
      .where("platform", "=", platform)
      .where("platform_user_id", "=", platformUserId)
      .executeTakeFirst();
    return identity ? loadUserRecord(this.db, identity.user_id, today) : null;
  }

  close(): Promise<void> {
    return this.onClose();
  }
}

class SqlTransaction implements StoreTransaction {
  constructor(private readonly trx: Transaction<Database>) {}

  async markEventProcessed(platform: Platform, eventId: string, at: Date): Promise<boolean> {
    const result = await this.trx
      .insertInto("processed_events")
      .values({ platform, event_id: eventId, processed_at: at.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async ensureUser(platform: Platform, platformUserId: string, locale: string, at: Date): Promise<StoredUser> {
    const existing = await this.trx
      .selectFrom("identities")
      .innerJoin("users", "users.id", "identities.user_id")
      .select(["users.id", "users.locale", "users.account_status"])
      .where("identities.platform", "=", platform)
      .where("identities.platform_user_id", "=", platformUserId)
      .executeTakeFirst();
    if (existing) return { id: existing.id, locale: existing.locale, account: existing.account_status as AccountStatus };

    const id = randomUUID();
    const now = at.toISOString();
    await this.trx.insertInto("users").values({ id, account_status: "active", locale, created_at: now }).execute();
    await this.trx
      .insertInto("identities")
      .values({ platform, platform_user_id: platformUserId, user_id: id, created_at: now })
      .execute();
    return { id, locale, account: "active" };
  }

  async setUserLocale(userId: string, locale: string): Promise<void> {
    await this.trx.updateTable("users").set({ locale }).where("id", "=", userId).execute();
  }

  loadUserRecord(userId: string, today: IsoDate): Promise<UserRecord> {
    return loadUserRecord(this.trx, userId, today);
  }

  async loadConversation(platform: Platform, chatId: string): Promise<StoredConversation | null> {
    const row = await this.trx
      .selectFrom("conversations")
      .select(["machine_version", "snapshot"])
      .where("platform", "=", platform)
      .where("chat_id", "=", chatId)
      .executeTakeFirst();
    return row ? { machineVersion: row.machine_version, snapshot: parseJson(row.snapshot) } : null;
  }

  async saveConversation(
    platform: Platform,
    chatId: string,
    userId: string,
    conversation: StoredConversation,
    at: Date,
  ): Promise<void> {
    const values = {
      user_id: userId,
      machine_version: conversation.machineVersion,
      snapshot: JSON.stringify(conversation.snapshot),
      updated_at: at.toISOString(),
    };
    await this.trx
      .insertInto("conversations")
      .values({ platform, chat_id: chatId, ...values })
      .onConflict((oc) => oc.columns(["platform", "chat_id"]).doUpdateSet(values))
      .execute();
  }

  async loadDraft(userId: string): Promise<Draft | null> {
    const row = await this.trx
      .selectFrom("applications")
      .select(["details", "documents"])
      .where("user_id", "=", userId)
      .where("status", "=", "draft")
      .executeTakeFirst();
    return row ? { ...(parseJson(row.details) as Omit<Draft, "documents">), documents: parseJson(row.documents) as Draft["documents"] } : null;
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
    const updated = await this.trx
      .updateTable("applications")
      .set(values)
      .where("user_id", "=", userId)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await this.trx
        .insertInto("applications")
        .values({ id: randomUUID(), user_id: userId, reference: null, status: "draft", created_at: now, reasons: "[]", ...values })
        .execute();
    }
  }

  async isReferenceTaken(reference: string): Promise<boolean> {
    const row = await this.trx.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirst();
    return row !== undefined;
  }

  async submitApplication(submission: NewSubmission): Promise<void> {
    const { documents, ...details } = submission.draft;
    const now = submission.submittedAt.toISOString();
    await this.trx
      .deleteFrom("applications")
      .where("user_id", "=", submission.userId)
      .where("status", "=", "draft")
      .execute();
    const id = randomUUID();
    await this.trx
      .insertInto("applications")
      .values({
        id,
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
}

async function loadUserRecord(db: Kysely<Database>, userId: string, today: IsoDate): Promise<UserRecord> {
  const user = await db.selectFrom("users").select("account_status").where("id", "=", userId).executeTakeFirstOrThrow();
  const applications = await db
    .selectFrom("applications")
    .select(["reference", "status", "method", "submitted_at", "expected_by", "reasons"])
    .where("user_id", "=", userId)
    .where("status", "!=", "draft")
    .orderBy("submitted_at", "desc")
    .execute();
  const latest = applications[0];
  return {
    account: user.account_status as AccountStatus,
    verified: applications.some((application) => application.status === "approved"),
    application: latest ? toSummary(latest, today) : null,
  };
}

function toSummary(
  row: { reference: string | null; status: string; method: string | null; submitted_at: string | null; expected_by: string | null; reasons: string },
  today: IsoDate,
): ApplicationSummary {
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
