import type { DocumentSlot, LifecycleStatus, StoredDocument } from "../domain/application.js";
import type { AuditEntry } from "./audit-store.js";

/** Everything held about one user, opened: what an export gives them (documents by content address; the caller adds the bytes). */
export interface HeldData {
  user: { createdAt: string; locale: string; accountStatus: string; accounts: Array<{ platform: string; userId: string; since: string }> };
  applications: HeldApplication[];
  conversations: Array<{ platform: string; chatId: string; updatedAt: string; state: unknown }>;
  notifications: Array<{
    kind: string;
    reference: string | null;
    createdAt: string;
    content: unknown;
    deliveries: Array<{ channel: string; address: string; status: string }>;
  }>;
  supportRequests: Array<{ reference: string; createdAt: string; question: string | null; answeredAt: string | null }>;
}

export interface HeldApplication {
  /** Null for a draft. */
  reference: string | null;
  status: string;
  method: string | null;
  createdAt: string;
  submittedAt: string | null;
  expectedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  reasons: string[];
  note: string | null;
  answers: Record<string, unknown>;
  documents: Partial<Record<DocumentSlot, StoredDocument>>;
  erasedAt: string | null;
  maskedIdentity: string | null;
  revisions: Array<{ at: string; actor: string; fields: string[]; previous: unknown }>;
  /** The audit trail: status changes, who opened the application and when, refusals. */
  history: AuditEntry[];
}

/** The limits of one retention pass: what is older than these instants goes. */
export interface RetentionCutoffs {
  /** Applications decided (a final status) before this: their personal data and documents are erased. */
  decidedBefore: Date;
  finalStatuses: readonly LifecycleStatus[];
  /** Conversations (and drafts) untouched since this are erased. */
  idleBefore: Date;
  /** Notifications (contents and delivery addresses) and support-request texts older than this are erased. */
  createdBefore: Date;
}

/** How many items of each kind a pass erased (or, dry, would erase). */
export interface ErasureCounts {
  applications: number;
  conversations: number;
  drafts: number;
  notifications: number;
  supportTexts: number;
  /** Questions the FAQ missed (kept without a user, so erased by retention only). */
  faqQuestions: number;
}

/** Nothing erased: where counting starts. */
export const NO_ERASURES: Readonly<ErasureCounts> = Object.freeze({
  applications: 0,
  conversations: 0,
  drafts: 0,
  notifications: 0,
  supportTexts: 0,
  faqQuestions: 0,
});

/** A user's erasure: the counts, and the documents the erased rows referred to (deleted once nothing else does). */
export interface ErasureBatch {
  counts: ErasureCounts;
  documentIds: string[];
}

/**
 * Personal data by person and by age: export, erasure at a user's request,
 * and retention. Erasure keeps what proves a result (status, method, dates,
 * the masked number, keyed digests) and removes the rest; each is recorded in
 * the append-only `erasures` log and, for an application, its audit trail.
 */
export interface PrivacyStore {
  heldData(userId: string): Promise<HeldData>;
  /** Erases everything personal held about the user (every account, application, conversation, message). */
  eraseUserData(userId: string, actor: string, at: Date): Promise<ErasureBatch>;
  /** What a retention pass would erase now. */
  countDueForErasure(cutoffs: RetentionCutoffs): Promise<ErasureCounts>;
  /**
   * Erases up to `limit` items of each kind that are due; a pass repeats it until a batch erases
   * nothing. Their document files are left to `DocumentStore.sweep` (content addresses may be shared).
   */
  eraseDueBatch(cutoffs: RetentionCutoffs, limit: number, actor: string, at: Date): Promise<ErasureCounts>;
  /** Every document id any row still refers to (applications, revisions, conversation snapshots). */
  referencedDocuments(): Promise<Set<string>>;
}
