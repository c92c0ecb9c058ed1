import type { ChatEvent } from "../chat/chat-event.js";
import type { DocumentCheck } from "../documents/document-check.js";
import type { DocumentStore } from "../documents/document-store.js";
import { DOCUMENT_STEPS } from "../domain/application.js";
import type { Store } from "../ports/store.js";
import type { PreparedUpload } from "./effects/effect.js";
import type { UploadRate } from "./upload-rate.js";

/** What deciding whether to check an upload needs. */
export interface UploadGate {
  store: Pick<Store, "conversationState">;
  checkDocument: DocumentCheck;
  documents: Pick<DocumentStore, "idOf">;
  uploadRate: UploadRate;
  now: Date;
}

/**
 * Checks an upload before the transaction (image work must not hold the database), but only
 * where a document step waits for one — anywhere else the conversation explains it is not
 * expected, and the bytes are never decoded — and at most 10 per user in 10 minutes.
 */
export async function prepareUpload(gate: UploadGate, event: ChatEvent, bytes: Buffer): Promise<PreparedUpload> {
  const conversation = await gate.store.conversationState(event.platform, event.chatId);
  if (!conversation || !Object.hasOwn(DOCUMENT_STEPS, conversation.state)) return { upload: { problems: [] }, accepted: null };
  const rate = gate.uploadRate.take(`${event.platform}:${event.userId}`, gate.now.getTime());
  if (!rate.allowed) {
    return { upload: { problems: [{ code: "too_many_uploads", params: { minutes: Math.ceil(rate.waitMs / 60_000) } }] }, accepted: null };
  }
  return checkUpload(gate, bytes, conversation.userId);
}

/** Checks (and re-encodes) an upload before the transaction: image work must not hold the database. */
async function checkUpload({ checkDocument, documents }: UploadGate, bytes: Buffer, ownerId: string): Promise<PreparedUpload> {
  const inspection = await checkDocument(bytes);
  const { accepted, format } = inspection;
  if (!accepted || !format) {
    const problems = inspection.problems.length > 0 ? inspection.problems : [{ code: "unreadable" as const }];
    return { upload: { problems }, accepted: null };
  }
  const document = {
    id: documents.idOf(accepted.keep, ownerId),
    previewId: documents.idOf(accepted.preview, ownerId),
    format,
    bytes: accepted.keep.length,
    width: inspection.width,
    height: inspection.height,
    ...(inspection.warnings.includes("greyscale") ? { greyscale: true as const } : {}),
  };
  return { upload: { document, problems: [] }, accepted: { ...accepted, ownerId } };
}
