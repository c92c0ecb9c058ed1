import type { Generated } from "kysely";

/**
 * Table types for Kysely. Portable between SQLite and PostgreSQL: text keys,
 * timestamps as ISO-8601 text, JSON as text, no booleans.
 */
export interface Database {
  users: UsersTable;
  identities: IdentitiesTable;
  applications: ApplicationsTable;
  audit_log: AuditLogTable;
  conversations: ConversationsTable;
  processed_events: ProcessedEventsTable;
  review_sessions: ReviewSessionsTable;
  support_requests: SupportRequestsTable;
  card_messages: CardMessagesTable;
  notifications: NotificationsTable;
  deliveries: DeliveriesTable;
  announcements: AnnouncementsTable;
  settings: SettingsTable;
  one_time_code_events: OneTimeCodeEventsTable;
  application_revisions: ApplicationRevisionsTable;
  identity_digests: IdentityDigestsTable;
  erasures: ErasuresTable;
  document_files: DocumentFilesTable;
  webhook_events: WebhookEventsTable;
  service_keys: ServiceKeysTable;
  reviewer_names: ReviewerNamesTable;
  faq_misses: FaqMissesTable;
  faq_phrasings: FaqPhrasingsTable;
  user_keys: UserKeysTable;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  reference: string | null;
  announcement_id: string | null;
  locale: string;
  content: string;
  created_at: string;
}

export interface DeliveriesTable {
  notification_id: string;
  channel: string;
  address: string;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_attempt_at: string | null;
  failure: string | null;
  /** While `sending`: until when its sender holds it (then another instance takes it as interrupted). */
  lease_until: Generated<string | null>;
}

export interface AnnouncementsTable {
  id: string;
  text_zh: string;
  text_en: string;
  since: string;
  created_at: string;
  finished_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface CardMessagesTable {
  platform: string;
  chat_id: string;
  card: string;
  message_id: string;
  updated_at: string;
}

export interface SupportRequestsTable {
  reference: string;
  user_id: string;
  platform: string;
  platform_user_id: string;
  question: string | null;
  created_at: string;
  /** When the team answered (`support reply`); null while the request waits. */
  answered_at: string | null;
}

export interface ReviewSessionsTable {
  platform: string;
  chat_id: string;
  reference: string;
  /** JSON array of rejection reason codes chosen so far. */
  reasons: string;
  /** JSON array of the items a request for more information asks for; empty for a rejection. */
  items: Generated<string>;
  created_at: string;
}

export interface UsersTable {
  id: string;
  account_status: string;
  locale: string;
  created_at: string;
}

/** A user's account on one platform; one user may have several. */
export interface IdentitiesTable {
  platform: string;
  platform_user_id: string;
  user_id: string;
  created_at: string;
}

export interface ApplicationsTable {
  id: string;
  user_id: string;
  /** Assigned at submission; null for drafts. */
  reference: string | null;
  status: string;
  method: string | null;
  /** JSON: the draft's answers (name, email, phone, ID numbers…). */
  details: string;
  /** JSON: document slot → stored document metadata. */
  documents: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  consented_at: string | null;
  expected_by: string | null;
  decided_at: string | null;
  /** JSON array of rejection reason codes. */
  reasons: string;
  /** The rejected application this one resubmits. */
  previous_application_id: Generated<string | null>;
  /** Who made the last decision (an actor string as in the audit log). */
  decided_by: Generated<string | null>;
  /** The reviewer's note to the user. */
  note: Generated<string | null>;
  /** JSON array of the steps a reviewer asked to provide again (needs_more_info); defaults to []. */
  requested_items: Generated<string>;
  /** When reviewers are reminded of an application still waiting (1 business day after submission). */
  remind_reviewers_at: Generated<string | null>;
  reviewers_reminded_at: Generated<string | null>;
  /** When the user was told the expected date had passed (once). */
  user_told_overdue_at: Generated<string | null>;
  escalated_on: Generated<string | null>;
  workspace_team_id: Generated<string | null>;
  workspace_enterprise_id: Generated<string | null>;
  held_at: Generated<string | null>;
  held_platform: Generated<string | null>;
  held_previous_reference: Generated<string | null>;
  /** When the personal data (answers, documents) was erased: by retention or at the user's request. */
  erased_at: Generated<string | null>;
  /** The method's identifying number, masked, kept after erasure ("110105********002X"). */
  masked_identity: Generated<string | null>;
  /** The reviewer (actor string) whose claim holds others' decisions off until `claimed_until`. */
  claimed_by: Generated<string | null>;
  claimed_until: Generated<string | null>;
  /** Four eyes: the first approval's reviewer and time, waiting for a second reviewer. */
  first_approved_by: Generated<string | null>;
  first_approved_at: Generated<string | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  application_id: string;
  actor: string;
  platform: string | null;
  at: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  note: string | null;
}

export interface ConversationsTable {
  platform: string;
  chat_id: string;
  user_id: string;
  machine_version: number;
  snapshot: string;
  updated_at: string;
}

export interface ProcessedEventsTable {
  platform: string;
  event_id: string;
  processed_at: string;
  /** The event's replies (sealed JSON) until the platform accepted them; null once it did. */
  replies: Generated<string | null>;
  /** Whose replies they are (an internal user id), so an erasure reaches them. */
  replies_user_id: Generated<string | null>;
  /** How many of the replies for the event's own chat the platform accepted so far (the rest are sent by a redelivery). */
  replies_sent: Generated<number>;
}

export interface OneTimeCodeEventsTable {
  id: Generated<number>;
  /** Keyed hash of the phone number (never the number). */
  phone_hash: string;
  /** Keyed hash of the user's id (empty for rows from before migration 015). */
  user_hash: string;
  kind: "sent" | "wrong";
  at: string;
}

export interface ApplicationRevisionsTable {
  id: Generated<number>;
  application_id: string;
  at: string;
  actor: string;
  platform: string | null;
  /** JSON array of the changed fields' names. */
  fields: string;
  /** The previous answers and documents (JSON), sealed. */
  previous: string;
}

/** Keyed digests of an application's ID numbers, credit code and phone, one per key (`Keyring.digests`). */
export interface IdentityDigestsTable {
  application_id: string;
  digest: string;
  /** `number` (ID numbers, credit code: duplicates) or `phone` (only to recognise the same person). */
  kind: Generated<string>;
}

/** One erasure of personal data: what, whose (internal ids only), how many items, by whom. Append-only. */
export interface ErasuresTable {
  id: Generated<number>;
  at: string;
  actor: string;
  /** `application`, `conversation`, `delivery_addresses`, `support_texts`, `user`. */
  kind: string;
  /** An application's or user's internal id; null for a batch of one kind. */
  subject: string | null;
  items: number;
}

/** Sealed document bytes by content address (PostgreSQL; SQLite keeps files under DATA_DIR). */
export interface DocumentFilesTable {
  id: string;
  bytes: Buffer;
  written_at: string;
}

/** Status changes queued for the platform's webhook receiver (`WEBHOOK_URL`). */
export interface WebhookEventsTable {
  seq: Generated<number>;
  id: string;
  reference: string;
  type: string;
  body: string;
  created_at: string;
  /** pending | delivered */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_until: Generated<string | null>;
  last_error: Generated<string | null>;
  failing_since: Generated<string | null>;
  delivered_at: Generated<string | null>;
}

/** A key the service keeps the same across data-key rotations, sealed under the data keys. */
export interface ServiceKeysTable {
  purpose: string;
  /** The key's bytes in base64, sealed. */
  sealed: string;
}

export interface ReviewerNamesTable {
  /** `reviewer:<platform>:<id>`. */
  actor: string;
  display_name: string;
  updated_at: string;
}

export interface FaqMissesTable {
  id: string;
  /** Sealed: a question as typed may hold personal data. */
  question: string;
  /** `no_topic`, `did_you_mean`, `unhelpful`. */
  outcome: string;
  topic: string | null;
  created_at: string;
}

export interface FaqPhrasingsTable {
  id: Generated<number>;
  question: string;
  topic: string;
  created_at: string;
}

/** Each user's own data key (`Keyring.wrapUserKey`): erasure deletes the row, and every copy of their values becomes unreadable. */
export interface UserKeysTable {
  user_id: string;
  key_id: string;
  wrapped: string;
  created_at: string;
}
