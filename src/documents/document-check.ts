import type { DocumentFormat } from "../domain/application.js";
import type { DocumentProblem, DocumentRules, DocumentWarning, ProblemReport } from "../domain/document-rules.js";
import { inspectPhoto, normalizePhoto } from "./photo-check.js";

/** The result of checking one uploaded document photo. */
export interface DocumentInspection {
  problems: ProblemReport[];
  /** Accepted with advice: a greyscale photo (a photocopy). */
  warnings: DocumentWarning[];
  format: DocumentFormat | null;
  width: number | null;
  height: number | null;
  /** Set when the photo is accepted: the copy to store and a preview for reviewers. */
  accepted: { keep: Buffer; preview: Buffer } | null;
}

/**
 * The seam between the engine and the document checks: called for every
 * upload before the conversation sees it, outside any database transaction.
 */
export type DocumentCheck = (bytes: Buffer) => Promise<DocumentInspection>;

/** The production check: the rules of `document-rules.ts`, then re-encoding of accepted photos. */
export function createDocumentCheck(rules: DocumentRules): DocumentCheck {
  return async (bytes) => {
    const inspection = await inspectPhoto(bytes, rules);
    const problems = inspection.problems.map((code) => reportProblem(code, inspection, rules, bytes.length));
    const { format, width, height, warnings } = inspection;
    if (problems.length > 0 || !format) return { problems, warnings, format, width, height, accepted: null };
    try {
      return { problems, warnings, format, width, height, accepted: await normalizePhoto(bytes, format, rules) };
    } catch {
      // Decoded fine for the checks but failed at full size: treat as damaged rather than fail the chat.
      return { problems: [{ code: "corrupt" }], warnings, format, width, height, accepted: null };
    }
  };
}

/** The report for a file refused by its size alone, before its bytes are read (an adapter knows the size first). */
export function fileTooLarge(bytes: number, limit: number): ProblemReport {
  const megabytes = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
  return { code: "file_too_large", params: { size: megabytes(bytes), limit: megabytes(limit) } };
}

function reportProblem(
  code: DocumentProblem,
  inspection: { width: number | null; height: number | null },
  rules: DocumentRules,
  bytes: number,
): ProblemReport {
  switch (code) {
    case "file_too_large":
      return fileTooLarge(bytes, rules.maxBytes);
    case "too_many_pixels":
      return {
        code,
        params: {
          megapixels: Math.round(((inspection.width ?? 0) * (inspection.height ?? 0)) / 1e6),
          limit: Math.round(rules.maxPixels / 1e6),
        },
      };
    case "too_small":
      return { code, params: { width: inspection.width ?? 0, height: inspection.height ?? 0, minimum: rules.minShortSide } };
    default:
      return { code };
  }
}
