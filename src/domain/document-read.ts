/** What reading a document photo (OCR) found: the side it shows and the numbers on it. */

/** The side of the ID card a photo shows, a business licence, or nothing recognised. */
export type DocumentSide = "portrait" | "emblem" | "licence" | "unknown";

export interface DocumentRead {
  side: DocumentSide;
  /** A resident ID number read with its check character right; null when none was read with certainty. */
  idNumber: string | null;
  /** A unified social credit code read with its check character right; null otherwise. */
  uscc: string | null;
  /** The name on the portrait side, only when every character of it was read with high confidence. */
  name: string | null;
  /** The reader's mean confidence over the text it used, 0–100. */
  confidence: number;
}

/** A read kept with the draft (sealed with the answers): which photo it was, and whether the user stood by their typed value. */
export interface PhotoRead extends DocumentRead {
  documentId: string;
  /** The user pressed "The number I typed is right" for this photo. */
  typedConfirmed?: boolean;
}
