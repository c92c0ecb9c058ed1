import type { Draft, Method } from "../src/domain/application.js";
import type { Workspace } from "../src/domain/platform.js";
import type { SubmittedApplication } from "../src/domain/user-record.js";

/** JSON columns are text in both SQLite and PostgreSQL. */
export function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** A draft (answers and documents) from an application row's JSON columns. */
export function draftFromRow(row: { details: string; documents: string }): Draft {
  return { ...(parseJson(row.details) as Omit<Draft, "documents">), documents: parseJson(row.documents) as Draft["documents"] };
}

/** A draft's JSON columns. */
export function draftColumns(draft: Draft): { details: string; documents: string } {
  const { documents, ...details } = draft;
  return { details: JSON.stringify(details), documents: JSON.stringify(documents) };
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
}

export function submittedFromRow(row: SubmittedRow): SubmittedApplication {
  return {
    reference: row.reference ?? "",
    status: row.status as SubmittedApplication["status"],
    method: row.method as Method,
    submittedAt: row.submitted_at ?? "",
    expectedBy: row.expected_by ?? "",
    reasons: parseJson(row.reasons) as string[],
  };
}
