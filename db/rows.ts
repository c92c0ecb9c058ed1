import { sql } from "kysely";
import type { Draft, Method, Step } from "../src/domain/application.js";
import type { Workspace } from "../src/domain/platform.js";
import type { ApplicationHistory, SubmittedApplication } from "../src/domain/user-record.js";
import type { SealedPlace } from "../src/ports/sealer.js";
import { place, type Seal } from "./vault.js";

/** JSON columns are text in both SQLite and PostgreSQL. */
export function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** A draft (answers and documents) from an application row's JSON columns; the answers are sealed at rest. */
export function draftFromRow(row: { id: string; details: string; documents: string }, seal: Seal): Draft {
  return { ...(openDetails(row, seal) as Omit<Draft, "documents">), documents: parseJson(row.documents) as Draft["documents"] };
}

/** A draft's JSON columns for application `id`: the answers (names, contacts, ID numbers) sealed, the documents' content addresses in clear. */
export function draftColumns(id: string, draft: Draft, seal: Seal): { details: string; documents: string } {
  const { documents, ...details } = draft;
  return { details: sealDetails(id, details, seal), documents: JSON.stringify(documents) };
}

export function sealDetails(id: string, details: object, seal: Seal): string {
  return seal.text(JSON.stringify(details), place("applications", "details", id));
}

/** An application's answers, opened. */
export function openDetails(row: { id: string; details: string }, seal: Seal): Record<string, unknown> {
  return parseJson(seal.open(row.details, place("applications", "details", row.id))) as Record<string, unknown>;
}

/** A nullable text column holding personal data (a note, a question, an address). */
export function sealNullable(text: string | null, seal: Seal, at: SealedPlace): string | null {
  return text === null ? null : seal.text(text, at);
}

export function openNullable(text: string | null, seal: Seal, at: SealedPlace): string | null {
  return text === null ? null : seal.open(text, at);
}

export function workspaceFromRow(row: { workspace_team_id: string | null; workspace_enterprise_id: string | null }): Workspace | null {
  if (!row.workspace_team_id) return null;
  return { teamId: row.workspace_team_id, ...(row.workspace_enterprise_id ? { enterpriseId: row.workspace_enterprise_id } : {}) };
}

export interface SubmittedRow {
  id: string;
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
 * `seal` opens the reviewer's note to the user: given for the latest application only, whose
 * note the conversation may show (one decryption per event at most, and only when there is a note).
 */
export function submittedFromRow(row: SubmittedRow, seal?: Seal): SubmittedApplication {
  return {
    reference: row.reference ?? "",
    status: row.status as SubmittedApplication["status"],
    method: row.method as Method,
    submittedAt: row.submitted_at ?? "",
    expectedBy: row.expected_by ?? "",
    reasons: parseJson(row.reasons) as string[],
    decidedAt: row.decided_at,
    requestedItems: parseJson(row.requested_items) as Step[],
    note: seal ? openNullable(row.note, seal, place("applications", "note", row.id)) : null,
  };
}

/** A user's applications, newest first, as the conversation reads them (the latest one's note opened). */
export function historyFromRows(rows: readonly (SubmittedRow & { held_at: string | null })[], seal: Seal): ApplicationHistory {
  const heldRow = rows.find((row) => row.status === "draft");
  const submitted = rows.filter((row) => row !== heldRow);
  return {
    submitted: submitted.map((row, index) => submittedFromRow(row, index === 0 ? seal : undefined)),
    held: heldRow?.held_at ? { method: heldRow.method as Method, heldAt: heldRow.held_at } : null,
  };
}

/**
 * `status = 'draft'` written as a literal, not a parameter: only then can SQLite use the partial index
 * of one draft per user (`applications_one_draft_idx`); with a parameter it scanned every draft.
 */
export const DRAFT = sql.lit("draft");
