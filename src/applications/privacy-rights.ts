import type { DocumentStore } from "../documents/document-store.js";
import { isAwaitingDecisionStatus } from "../domain/user-record.js";
import type { ApplicationStore } from "../ports/application-store.js";
import type { ErasureBatch, HeldApplication, HeldData, PrivacyStore } from "../ports/privacy-store.js";
import type { Store } from "../ports/store.js";

/** What a user gets when they ask for their data: everything held, who opened their applications, their documents. */
export interface UserDataExport extends HeldData {
  exportedAt: string;
  /** Every time someone opened one of their applications' full details, and who. */
  openedBy: Array<{ reference: string | null; by: string; at: string }>;
  /** The document files, as stored (base64), by content address. */
  documentFiles: Array<{ id: string; base64: string }>;
}

/** Audit reasons that mean "a reviewer saw the full details". */
const VIEWS = new Set(["opened", "show_details"]);

export async function exportUserData(tx: PrivacyStore, documents: DocumentStore, userId: string, now: Date): Promise<UserDataExport> {
  const stored = await tx.heldData(userId);
  const held = { ...stored, applications: stored.applications.map(reviewersByRole) };
  const openedBy = held.applications.flatMap((application) =>
    application.history
      .filter((entry) => entry.reason !== null && VIEWS.has(entry.reason))
      .map((entry) => ({ reference: application.reference, by: entry.actor, at: entry.at })),
  );
  const ids = new Set(held.applications.flatMap((application) => Object.values(application.documents).map((document) => document.id)));
  const documentFiles: UserDataExport["documentFiles"] = [];
  for (const id of ids) {
    const bytes = await documents.get(id).catch(() => null);
    if (bytes) documentFiles.push({ id, base64: bytes.toString("base64") });
  }
  return { exportedAt: now.toISOString(), ...held, openedBy, documentFiles };
}

/** How the export names the reviewers of one application, in order of appearance: their accounts are not the user's to know. */
const REVIEWER_ROLES = ["a reviewer", "a second reviewer", "another reviewer"];
const REVIEWER_ACTOR = /reviewer:(?:console|telegram|slack):[^\s,]+/g;

/** The application with every reviewer's actor string (in actors, the decider, reasons such as a claim take-over) replaced by a role. */
function reviewersByRole(application: HeldApplication): HeldApplication {
  const roles = new Map<string, string>();
  const role = (actor: string) => {
    if (!roles.has(actor)) roles.set(actor, REVIEWER_ROLES[Math.min(roles.size, REVIEWER_ROLES.length - 1)]!);
    return roles.get(actor)!;
  };
  const named = (text: string) => text.replace(REVIEWER_ACTOR, role);
  return {
    ...application,
    decidedBy: application.decidedBy && named(application.decidedBy),
    revisions: application.revisions.map((revision) => ({ ...revision, actor: named(revision.actor) })),
    history: application.history.map((entry) => ({ ...entry, actor: named(entry.actor), reason: entry.reason && named(entry.reason) })),
  };
}

/** Why an erasure was refused: an application is still being decided (withdraw it first). */
export interface ErasureRefusal {
  refused: "under_review";
  reference: string;
}

/**
 * Erases everything personal held about a user — answers, documents,
 * conversations, messages and their addresses, support texts — keeping the
 * results (status, method, dates, masked number), so an approval stays valid.
 * Refused while an application waits for a decision: it could not be decided
 * without its details. The files go after the commit, where nothing else refers to them.
 */
export async function eraseUserData(
  store: ErasingStore,
  documents: DocumentStore,
  userId: string,
  actor: string,
  now: Date,
): Promise<ErasureBatch | ErasureRefusal> {
  const result = await store.exclusiveTransaction((tx) => eraseInTransaction(tx, userId, actor, now));
  if ("refused" in result) return result;
  await afterErasure(store, documents, result);
  return result;
}

/** The erasure's database part, in the caller's transaction (the chat's, or the CLI's). */
export async function eraseInTransaction(
  tx: PrivacyStore & Pick<ApplicationStore, "applicationHistory">,
  userId: string,
  actor: string,
  now: Date,
): Promise<ErasureBatch | ErasureRefusal> {
  const pending = (await tx.applicationHistory(userId)).submitted.find((application) => isAwaitingDecisionStatus(application.status));
  if (pending) return { refused: "under_review", reference: pending.reference };
  return tx.eraseUserData(userId, actor, now);
}

/** After the commit: the erased rows' files that nothing else refers to (a shared content address stays), and no old copy in the log. */
export async function afterErasure(store: ErasingStore, documents: DocumentStore, erased: ErasureBatch): Promise<void> {
  if (erased.documentIds.length > 0) {
    const referenced = await store.exclusiveTransaction((tx) => tx.referencedDocuments());
    await documents.deleteUnreferenced(erased.documentIds, referenced);
  }
  await store.forgetErased();
}

export type ErasingStore = Pick<Store, "exclusiveTransaction" | "forgetErased">;
