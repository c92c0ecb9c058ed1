/**
 * What a document photo must satisfy. Defaults come from the product rules
 * (JPEG/PNG, ≤ 5 MB, ≤ 40 MP, shorter side ≥ 600 px) and from calibration on
 * real photographs and their degraded variants (see docs/behaviour.md › Document photo checks).
 */
export interface DocumentRules {
  maxBytes: number;
  /** Refused from the header alone, before any decoding (decompression bombs). */
  maxPixels: number;
  minShortSide: number;
  /** Brightness-normalised Laplacian variance; sharp photos score in the hundreds, blurred ones single digits. */
  minSharpness: number;
  /** Brightness-normalised colourfulness; greyscale and black-and-white copies score ~0. */
  minColourfulness: number;
  /** Mean luma (0–255) below which a photo is too dark to read. */
  minBrightness: number;
  /** Share of blown-out pixels above which a bright photo is overexposed. */
  maxClipped: number;
}

export const DEFAULT_DOCUMENT_RULES: Readonly<DocumentRules> = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  maxPixels: 40_000_000,
  minShortSide: 600,
  minSharpness: 50,
  minColourfulness: 10,
  minBrightness: 50,
  maxClipped: 0.2,
});

export const DOCUMENT_PROBLEMS = [
  "unsupported_format",
  "corrupt",
  "file_too_large",
  "too_many_pixels",
  "too_small",
  "blurry",
  "too_dark",
  "overexposed",
] as const;
export type DocumentProblem = (typeof DOCUMENT_PROBLEMS)[number];

/**
 * What is accepted, with advice: a black-and-white or greyscale photo (a photocopy) passes — the seeds
 * ask for "身份证复印件" and say colour "更能提高通过率" — but the user hears that a colour photo of the
 * original is more likely to pass, and reviewers see it flagged.
 */
export const DOCUMENT_WARNINGS = ["greyscale"] as const;
export type DocumentWarning = (typeof DOCUMENT_WARNINGS)[number];

/** One problem found in an upload, with what its message needs ("the shorter side is 480 px"). */
export interface ProblemReport {
  /** `no_access`: the platform would not give us the file (the app lacks permission). */
  /** `too_many_uploads`: the user's 10 uploads in 10 minutes are used up (`minutes` to wait). */
  code: DocumentProblem | "unreadable" | "missing" | "no_access" | "too_many_uploads";
  params?: Record<string, number>;
}
