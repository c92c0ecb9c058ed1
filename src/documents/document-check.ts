import type { DocumentFormat } from "../domain/application.js";
import type { UploadProblem } from "../../machines/conversation.events.js";

/** The result of checking one uploaded document photo. */
export interface DocumentInspection {
  problems: UploadProblem[];
  format: DocumentFormat | null;
  width: number | null;
  height: number | null;
  /** The bytes to keep when the photo is accepted (issue #3 re-encodes them; today the upload itself). */
  keep: Buffer | null;
}

/**
 * The seam for document photo checks: the engine calls it for every upload
 * before the conversation sees the file. Replaceable as a whole, so the
 * sharp-based quality checks slot in without touching the conversation.
 */
export type DocumentCheck = (bytes: Buffer) => Promise<DocumentInspection>;

/** Accepts any JPEG or PNG, recognised by content (magic bytes), never by name or declared type. */
export const acceptAnyImage: DocumentCheck = async (bytes) => {
  const format = sniffFormat(bytes);
  if (!format) return { problems: ["unsupported_format"], format: null, width: null, height: null, keep: null };
  return { problems: [], format, width: null, height: null, keep: bytes };
};

export function sniffFormat(bytes: Buffer): DocumentFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return "png";
  return null;
}
