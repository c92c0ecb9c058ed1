import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { createDocumentCheck, type DocumentInspection } from "../../src/documents/document-check.js";
import { DEFAULT_DOCUMENT_RULES } from "../../src/domain/document-rules.js";
import { goodJpeg, jpegWithGps, largeJpeg, notJpegOrPng, pngBomb } from "../helpers/hostile-files.js";
import { fixturePhoto } from "../helpers/photo-corpus.js";

const check = createDocumentCheck(DEFAULT_DOCUMENT_RULES);
const codes = (inspection: DocumentInspection) => inspection.problems.map((problem) => problem.code);

let good: Buffer;
beforeAll(async () => {
  good = await goodJpeg();
});

describe("hostile and broken uploads", () => {
  it("accepts a good photo and keeps a re-encoded copy plus a small preview", async () => {
    const inspection = await check(good);
    expect(inspection).toMatchObject({ problems: [], format: "jpeg", width: 1200, height: 800 });
    const preview = await sharp(inspection.accepted!.preview).metadata();
    expect(Math.max(preview.width!, preview.height!)).toBeLessThanOrEqual(480);
  });

  it("refuses zero bytes and truncated JPEGs as corrupt", async () => {
    expect(codes(await check(Buffer.alloc(0)))).toEqual(["corrupt"]);
    expect(codes(await check(fixturePhoto("truncated")))).toEqual(["corrupt"]);
    expect(codes(await check(good.subarray(0, Math.floor(good.length * 0.6))))).toEqual(["corrupt"]);
  });

  it("refuses a PNG decompression bomb from its header, without decoding it", async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(100_000);
    const before = process.memoryUsage().rss;
    const inspection = await check(bomb);
    expect(inspection).toMatchObject({ problems: [{ code: "too_many_pixels", params: { megapixels: 400, limit: 40 } }], width: 20_000 });
    // Decoding 400 megapixels would take gigabytes; the refusal must not.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("refuses GIF, WebP, HEIC, SVG, PDF and text, whatever they are called", async () => {
    for (const [kind, bytes] of Object.entries(await notJpegOrPng())) {
      expect(codes(await check(bytes)), kind).toEqual(["unsupported_format"]);
    }
  });

  it("accepts a JPEG with a script appended, and the stored copy no longer carries it", async () => {
    const inspection = await check(Buffer.concat([good, Buffer.from("<script>alert(1)</script>")]));
    expect(codes(inspection)).toEqual([]);
    expect(inspection.accepted!.keep.includes(Buffer.from("<script>"))).toBe(false);
  });

  it("refuses a 6 MB photo as too large, saying by how much", async () => {
    const big = await largeJpeg();
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const inspection = await check(big);
    expect(codes(inspection)).toContain("file_too_large");
    expect(inspection.problems[0]?.params?.limit).toBe(5);
  });

  it("strips EXIF and GPS from the stored copy", async () => {
    const withGps = await jpegWithGps();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    const stored = await check(withGps);
    const metadata = await sharp(stored.accepted!.keep).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(stored.accepted!.keep.includes(Buffer.from("PhoneMaker"))).toBe(false);
  });

  it("applies EXIF orientation before judging size, and stores the photo upright", async () => {
    // 800×600 pixels stored sideways (orientation 6: rotate 90° to display) is a 600×800 portrait photo.
    const sideways = await sharp(good).resize(800, 600).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const inspection = await check(sideways);
    expect(inspection).toMatchObject({ width: 600, height: 800 });
    const stored = await sharp(inspection.accepted!.keep).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([600, 800, undefined]);
  });

  it("reports several problems at once", async () => {
    const smallBlurryGrey = await sharp(good).resize(400).blur(6).greyscale().jpeg().toBuffer();
    const inspection = await check(smallBlurryGrey);
    expect(codes(inspection).sort()).toEqual(["blurry", "too_small"]);
    expect(inspection.warnings).toEqual(["greyscale"]);
  });
});
