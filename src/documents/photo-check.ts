import sharp, { type Metadata } from "sharp";
import type { DocumentFormat } from "../domain/application.js";
import type { DocumentProblem, DocumentRules, DocumentWarning } from "../domain/document-rules.js";
import { measurePhoto, type PhotoMetrics } from "./photo-metrics.js";
import { sniffFormat } from "./sniff-format.js";

// Uploads are one-off inputs: libvips' operation cache would only keep them in memory.
sharp.cache(false);

/** Quality is judged on a copy at most this large, decoded with shrink-on-load (fast, and enough to see blur). */
const ANALYSIS_SIZE = 1024;
/** Below this mean luma, normalising by brightness would amplify noise. */
const BRIGHTNESS_FLOOR = 16;

export interface PhotoInspection {
  problems: DocumentProblem[];
  /** Accepted with advice (a greyscale photo). */
  warnings: DocumentWarning[];
  format: DocumentFormat | null;
  /** After EXIF orientation. */
  width: number | null;
  height: number | null;
  metrics: PhotoMetrics | null;
}

/**
 * Checks one uploaded document photo: format by content, size, pixel count
 * (from the header, before decoding), resolution after EXIF orientation,
 * then blur, colour and exposure on a downscaled decode. Never throws for
 * bad input; every problem found is reported, not just the first.
 */
export async function inspectPhoto(bytes: Buffer, rules: DocumentRules): Promise<PhotoInspection> {
  const problems: DocumentProblem[] = [];
  const warnings: DocumentWarning[] = [];
  const result = (
    format: DocumentFormat | null,
    width: number | null = null,
    height: number | null = null,
    metrics: PhotoMetrics | null = null,
  ) => ({
    problems,
    warnings,
    format,
    width,
    height,
    metrics,
  });
  if (bytes.length > rules.maxBytes) problems.push("file_too_large");
  const format = sniffFormat(bytes);
  if (!format) {
    problems.push(bytes.length === 0 ? "corrupt" : "unsupported_format");
    return result(null);
  }

  let header: Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    problems.push("corrupt");
    return result(format);
  }
  if (!header.width || !header.height) {
    problems.push("corrupt");
    return result(format);
  }
  const sideways = (header.orientation ?? 1) >= 5; // EXIF orientations 5–8 swap width and height
  const width = sideways ? header.height : header.width;
  const height = sideways ? header.width : header.height;
  if (width * height > rules.maxPixels) {
    problems.push("too_many_pixels");
    return result(format, width, height);
  }
  if (Math.min(width, height) < rules.minShortSide) problems.push("too_small");

  let metrics: PhotoMetrics;
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: rules.maxPixels, failOn: "error" })
      .rotate()
      .resize({ width: ANALYSIS_SIZE, height: ANALYSIS_SIZE, fit: "inside", withoutEnlargement: true })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    metrics = measurePhoto(data, info.width, info.height, info.channels);
  } catch {
    problems.push("corrupt");
    return result(format, width, height);
  }
  problems.push(...qualityProblems(metrics, rules));
  if (metrics.colourfulness / exposureOf(metrics) < rules.minColourfulness) warnings.push("greyscale");
  return result(format, width, height, metrics);
}

/** Darkening shrinks edges and colour differences along with brightness: they are judged relative to it. */
function exposureOf(metrics: PhotoMetrics): number {
  return Math.max(metrics.brightness, BRIGHTNESS_FLOOR) / 128;
}

function qualityProblems(metrics: PhotoMetrics, rules: DocumentRules): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const exposure = exposureOf(metrics);
  if (metrics.sharpness / (exposure * exposure) < rules.minSharpness) problems.push("blurry");
  if (metrics.brightness < rules.minBrightness) problems.push("too_dark");
  // A thresholded black-and-white copy has many pure-white pixels too, but not a bright mean.
  if (metrics.clipped > rules.maxClipped && metrics.brightness > 170) problems.push("overexposed");
  return problems;
}

export interface NormalizedPhoto {
  /** Orientation applied, every metadata block (EXIF, GPS, XMP, ICC) dropped. */
  keep: Buffer;
  /** A small JPEG for reviewers' cards. */
  preview: Buffer;
}

/** The copy we store of an accepted photo; the upload as received is not kept. */
export async function normalizePhoto(bytes: Buffer, format: DocumentFormat, rules: DocumentRules): Promise<NormalizedPhoto> {
  const oriented = sharp(bytes, { limitInputPixels: rules.maxPixels, failOn: "error" }).rotate();
  const [keep, preview] = await Promise.all([
    format === "png" ? oriented.clone().png().toBuffer() : oriented.clone().jpeg({ quality: 90 }).toBuffer(),
    oriented.clone().resize({ width: 480, height: 480, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer(),
  ]);
  return { keep, preview };
}
