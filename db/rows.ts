import type { Draft, Method, Step } from "../src/domain/application.js";
import type { Workspace } from "../src/domain/platform.js";
import type { SubmittedApplication } from "../src/domain/user-record.js";
import type { Sealer } from "../src/ports/sealer.js";

/** JSON columns are text in both SQLite and PostgreSQL. */
export function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** A draft (answers and documents) from an application row's JSON columns; the answers are sealed at rest. */
export function draftFromRow(row: { details: string; documents: string }, sealer: Sealer): Draft {
  return { ...(openDetails(row.details, sealer) as Omit<Draft, "documents">), documents: parseJson(row.documents) as Draft["documents"] };
}

/** A draft's JSON columns: the answers (names, contacts, ID numbers) sealed, the documents' content addresses in clear. */
export function draftColumns(draft: Draft, sealer: Sealer): { details: string; documents: string } {
  const { documents, ...details } = draft;
  return { details: sealer.sealText(JSON.stringify(details)), documents: JSON.stringify(documents) };
}

/** An application's answers, opened. */
export function openDetails(details: string, sealer: Sealer): Record<string, unknown> {
  return parseJson(sealer.openText(details)) as Record<string, unknown>;
}

/** A nullable text column holding personal data (a note, a question, an address). */
export function sealNullable(text: string | null, sealer: Sealer): string | null {
  return text === null ? null : sealer.sealText(text);
}

export function openNullable(text: string | null, sealer: Sealer): string | null {
  return text === null ? null : sealer.openText(text);
}

export function workspaceFromRow(row: { workspace_team_id: string | null; workspace_enterprise_id: string | null }): Workspace | null {
  if (!row.workspace_team_id) return null;
  return { teamId: row.workspace_team_id, ...(row.workspace_enterprise_id ? { enterpriseId: row.workspace_enterprise_id } : {}) };
}

export interface SubmittedRow {
  reference: string | null;
  status: string;
  method: string | null;
  submitted_at: string | null;
  expected_by: string | null;
  reasons: string;
  decided_at: string | null;
  requested_items: string;
  note: string | null;
}

/**
 * `sealer` opens the reviewer's note to the user: given for the latest application only, whose
 * note the conversation may show (one decryption per event at most, and only when there is a note).
 */
export function submittedFromRow(row: SubmittedRow, sealer?: Sealer): SubmittedApplication {
  return {
    reference: row.reference ?? "",
    status: row.status as SubmittedApplication["status"],
    method: row.method as Method,
    submittedAt: row.submitted_at ?? "",
    expectedBy: row.expected_by ?? "",
    reasons: parseJson(row.reasons) as string[],
    decidedAt: row.decided_at,
    requestedItems: parseJson(row.requested_items) as Step[],
    note: sealer ? openNullable(row.note, sealer) : null,
  };
}

/** A user's applications, newest first, as the conversation reads them (the latest one's note opened). */
export function historyFromRows(rows: readonly SubmittedRow[], sealer: Sealer): SubmittedApplication[] {
  return rows.map((row, index) => submittedFromRow(row, index === 0 ? sealer : undefined));
}
