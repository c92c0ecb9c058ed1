import type { DocumentCheck } from "../documents/document-check.js";
import { DocumentStore } from "../documents/document-store.js";
import type { PreparedUpload } from "./effects/effect.js";

/** Checks (and re-encodes) an upload before the transaction: image work must not hold the database. */
export async function checkUpload(checkDocument: DocumentCheck, bytes: Buffer): Promise<PreparedUpload> {
  const inspection = await checkDocument(bytes);
  const { accepted, format } = inspection;
  if (!accepted || !format) {
    const problems = inspection.problems.length > 0 ? inspection.problems : [{ code: "unreadable" as const }];
    return { upload: { problems }, accepted: null };
  }
  const document = {
    id: DocumentStore.idOf(accepted.keep),
    previewId: DocumentStore.idOf(accepted.preview),
    format,
    bytes: accepted.keep.length,
    width: inspection.width,
    height: inspection.height,
  };
  return { upload: { document, problems: [] }, accepted };
}
