import type { DocumentSlot, Draft, StoredDocument } from "../src/domain/application.js";
import type { DocumentRead } from "../src/domain/document-read.js";
import { differenceSummary, type ReadFinding } from "../src/domain/read-findings.js";
import { type Message, msg } from "../src/i18n/message.js";
import { type ConversationChoice, choice } from "./conversation.choices.js";

/** The draft once `document` is the photo in `slot`, with its read (if any) kept beside the answers. */
export function withDocument(draft: Draft, slot: DocumentSlot, document: StoredDocument, read: DocumentRead | undefined): Draft {
  const { [slot]: _replaced, ...otherReads } = draft.photoReads ?? {};
  return {
    ...draft,
    documents: { ...draft.documents, [slot]: document },
    photoReads: read ? { ...otherReads, [slot]: { ...read, documentId: document.id } } : otherReads,
  };
}

/**
 * What the user is told when a photo's read disagrees with their answers, with the buttons to
 * settle it. `late`: the read finished after the photo's reply, so the message says which photo.
 */
export function findingReply(finding: ReadFinding, late: boolean): { body: Message[]; choices: ConversationChoice[] } {
  const intro = late ? [msg("read.aboutPhoto", { field: msg(`read.field.${finding.slot}`) })] : [];
  if (finding.kind === "greyscale") {
    return {
      body: [msg("document.greyscale")],
      choices: [
        choice(`photo.retake.${finding.slot}`, "choice.sendColourPhoto"),
        choice(`photo.keep.${finding.slot}`, "choice.keepThisOne"),
      ],
    };
  }
  const retake = choice(`photo.retake.${finding.slot}`, "choice.photoRetake");
  if (finding.kind === "wrong_side") {
    const expected = finding.slot === "id_front" || finding.slot === "legal_rep_front" ? "portrait" : "emblem";
    const whose = finding.slot === "legal_rep_front" || finding.slot === "legal_rep_back" ? "legalRep." : "";
    return {
      body: [...intro, msg(`read.wrongSide.${whose}${expected}`)],
      choices: [retake, choice(`photo.keep.${finding.slot}`, "choice.photoKeep")],
    };
  }
  const { sameEnd, ...difference } = differenceSummary(finding);
  return {
    body: [
      ...intro,
      msg(sameEnd ? "read.numberDiffersBefore" : "read.numberDiffers", { field: msg(`read.field.${finding.field}`), ...difference }),
    ],
    choices: [
      choice(`photo.fix.${finding.slot}`, "choice.photoFix"),
      retake,
      choice(`photo.keep.${finding.slot}`, "choice.photoKeepTyped"),
    ],
  };
}
