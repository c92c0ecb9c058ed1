import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import sharp from "sharp";
import type { Bbox, Page, PSM, Scheduler, WorkerParams } from "tesseract.js";
import type { DocumentRead } from "../domain/document-read.js";
import { errorSummary, type Logger } from "../runtime/logger.js";
import { interpretDocumentText, mayShowNumber, type OcrLine } from "./read-document-text.js";

/**
 * Reads the side and the numbers of a document photo (bytes as kept: a decoded, re-encoded JPEG
 * or PNG); null when it was not read (reading failed, or too many photos wait).
 */
export type ReadDocument = (image: Buffer) => Promise<DocumentRead | null>;

export interface DocumentReader {
  read: ReadDocument;
  /** Ends the worker threads (a read still queued gets nothing read). */
  close(): Promise<void>;
}

/** Photos waiting or being read, per slot of `OCR_CONCURRENCY`, before more are kept unread (~1 s each). */
const MAX_WAITING_PER_SLOT = 20;
/** Text is read at this width at most: enough for a card's smallest print, and reading time grows with the pixels. */
const READ_WIDTH = 1400;
/** The trained models, as installed from npm: the LSTM-only ("best_int") ones, small and the most accurate here. */
const MODEL_FOLDER = "4.0.0_best_int";
/** Lines turned less than this are read as they are. */
const MIN_SKEW_DEGREES = 0.7;
/** Only lines this wide (pixels) give a slope worth trusting. */
const MIN_LINE_WIDTH = 150;
/** What a read returns: the layout down to characters, no plain text. */
const LINES = { blocks: true, text: false } as const;
/** A word that may be an 18-character number: at least this many letters and digits. */
const MIN_CODE_WORD = 12;
/**
 * Dark print on a light card: a line read unsurely is not read again inverted, as Tesseract does by
 * default for light print on dark (~15 % of a photo's reading time; the same reads on the tuning cards).
 */
const READ_PARAMETERS: Partial<WorkerParams> = { tessedit_do_invert: "0" };
/** ID numbers and credit codes have only these characters (no I, O, S, V, Z), in one line. */
const CODE_LINE_PARAMETERS: Partial<WorkerParams> = {
  ...READ_PARAMETERS,
  tessedit_char_whitelist: "0123456789ABCDEFGHJKLMNPQRTUWXY",
  tessedit_pageseg_mode: "7" as PSM.SINGLE_LINE, // PSM.SINGLE_LINE, without loading tesseract.js for it
};

/**
 * OCR with tesseract.js: WebAssembly in worker threads, off the event loop. `concurrency` photos
 * are read at once, each by a Chinese, a Latin and a code-line worker (~250 MB together). The workers
 * start with the first read, load their models from the npm packages on disk and never touch the
 * network. A failed read is logged and the photo is kept unread: its quality checks still speak.
 */
export function createDocumentReader(concurrency: number, logger: Logger): DocumentReader {
  let started: Promise<{ chinese: Scheduler; latin: Scheduler; codes: Scheduler }> | undefined;
  const start = () => {
    started ??= Promise.all([
      startScheduler("chi_sim", concurrency, READ_PARAMETERS),
      startScheduler("eng", concurrency, READ_PARAMETERS),
      startScheduler("eng", concurrency, CODE_LINE_PARAMETERS),
    ]).then(([chinese, latin, codes]) => ({ chinese, latin, codes }));
    return started;
  };
  let waiting = 0;
  return {
    async read(image) {
      // Past this, a read would come long after the user moved on: the photo is kept unread (reviewers see it so).
      if (waiting >= MAX_WAITING_PER_SLOT * concurrency) {
        logger.warn({ waiting }, "document reading is saturated: a photo is kept without a read");
        return null;
      }
      waiting++;
      try {
        const { chinese, latin, codes } = await start();
        const prepared = await prepareForReading(image);
        const chinesePage = (await chinese.addJob("recognize", prepared, {}, LINES)).data;
        const chineseLines = linesOf(chinesePage);
        // No label of a side that carries a number (an emblem side, no document): a Latin reading could change nothing.
        if (!mayShowNumber(chineseLines)) return interpretDocumentText({ chinese: chineseLines, latin: [] }, new Date());
        // Digits are read along a line: a photo turned a few degrees is turned back first, by the slope of the lines just read.
        const skew = skewOf(chinesePage);
        const level = Math.abs(skew) < MIN_SKEW_DEGREES ? prepared : await turn(prepared, -skew);
        const latinPage = (await latin.addJob("recognize", level, {}, LINES)).data;
        const pages = { chinese: chineseLines, latin: linesOf(latinPage) };
        const read = interpretDocumentText(pages, new Date());
        if (!numberExpected(read)) return read;
        // A number is printed but none was read surely: it is read again on its own, larger, as code characters only.
        const again = await Promise.all(
          codeWords(latinPage).map(async (bbox) =>
            linesOf((await codes.addJob("recognize", await wordImage(level, bbox), {}, LINES)).data),
          ),
        );
        return interpretDocumentText({ ...pages, latin: [...pages.latin, ...again.flat()] }, new Date());
      } catch (error) {
        logger.warn({ error: errorSummary(error) }, "a document photo could not be read (OCR); it is kept without a read");
        return null;
      } finally {
        waiting--;
      }
    },
    async close() {
      if (!started) return;
      const { chinese, latin, codes } = await started;
      await Promise.all([chinese.terminate(), latin.terminate(), codes.terminate()]);
    },
  };
}

async function startScheduler(language: "chi_sim" | "eng", workers: number, parameters: Partial<WorkerParams>): Promise<Scheduler> {
  const require = createRequire(import.meta.url);
  const langPath = join(dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), MODEL_FOLDER);
  // Loaded with the first read, not with the program: with OCR off (or before any photo) nothing of it is needed.
  const { createScheduler, createWorker, OEM } = await import("tesseract.js");
  const scheduler = createScheduler();
  for (let i = 0; i < workers; i++) {
    // cacheMethod "none": the model is read from the package each start, never copied (or fetched) elsewhere.
    const worker = await createWorker(language, OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: "none" });
    await worker.setParameters(parameters);
    scheduler.addWorker(worker);
  }
  return scheduler;
}

/** Greyscale, stretched contrast, at most READ_WIDTH wide: what the recogniser reads best and fastest. */
async function prepareForReading(image: Buffer): Promise<Buffer> {
  return sharp(image)
    .resize({ width: READ_WIDTH, withoutEnlargement: true })
    .greyscale()
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** The median slope, in degrees, of the lines read (clockwise positive, as `sharp.rotate` turns). */
function skewOf(page: Page): number {
  const slopes = (page.blocks ?? [])
    .flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines))
    .map((line) => line.baseline)
    .filter((baseline) => baseline.x1 - baseline.x0 > MIN_LINE_WIDTH)
    .map((baseline) => (Math.atan2(baseline.y1 - baseline.y0, baseline.x1 - baseline.x0) * 180) / Math.PI)
    .sort((a, b) => a - b);
  return slopes.length === 0 ? 0 : slopes[Math.floor(slopes.length / 2)]!;
}

async function turn(image: Buffer, degrees: number): Promise<Buffer> {
  return sharp(image).rotate(degrees, { background: "#ffffff" }).png({ compressionLevel: 1 }).toBuffer();
}

/** The side shows a number (portrait side, licence) but none was read. */
function numberExpected(read: DocumentRead): boolean {
  return (read.side === "portrait" && !read.idNumber) || (read.side === "licence" && !read.uscc);
}

/** Where the number may be: long words of letters and digits (two at most). */
function codeWords(page: Page): Bbox[] {
  return (page.blocks ?? [])
    .flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines.flatMap((line) => line.words)))
    .filter((word) => word.text.replace(/[^0-9A-Za-z]/g, "").length >= MIN_CODE_WORD)
    .slice(0, 2)
    .map((word) => word.bbox);
}

/** One word cut out with a margin, at twice the size: small print reads better large. */
async function wordImage(image: Buffer, { x0, y0, x1, y1 }: Bbox): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(image).metadata();
  // A character's height around it: room for the last character should the word's box have cut it.
  const margin = y1 - y0;
  const left = Math.max(0, x0 - margin);
  const top = Math.max(0, y0 - Math.round(margin / 2));
  const region = { left, top, width: Math.min(width, x1 + margin) - left, height: Math.min(height, y1 + Math.round(margin / 2)) - top };
  return sharp(image)
    .extract(region)
    .resize({ height: region.height * 2 })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

function linesOf(page: Page): OcrLine[] {
  return (page.blocks ?? []).flatMap((block) =>
    block.paragraphs.flatMap((paragraph) =>
      paragraph.lines.map((line) => ({
        words: line.words.map((word) => ({
          text: word.text,
          confidence: word.confidence,
          symbols: word.symbols.map((symbol) => ({ text: symbol.text, confidence: symbol.confidence })),
        })),
      })),
    ),
  );
}
