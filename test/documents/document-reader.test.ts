import pino from "pino";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { createDocumentReader } from "../../src/documents/document-reader.js";

/** The reader's own limits: what it does with bytes it cannot read, and with more photos than it can read soon. */
const warnings: string[] = [];
const logger = pino({ level: "warn" }, { write: (line: string) => void warnings.push(line) });
const reader = createDocumentReader(1, logger);
afterAll(() => reader.close());

const blank = () =>
  sharp({ create: { width: 320, height: 200, channels: 3, background: "#f4f0e8" } })
    .png()
    .toBuffer();

describe("the document reader", () => {
  it("bytes that are no image: not read (null), logged without their content, never thrown", async () => {
    expect(await reader.read(Buffer.from("not an image at all"))).toBeNull();
    expect(warnings.join("")).toContain("could not be read (OCR)");
    expect(warnings.join("")).not.toContain("not an image at all");
  });

  it("a blank photo reads as nothing: no side, no number", async () => {
    expect(await reader.read(await blank())).toMatchObject({ side: "unknown", idNumber: null, uscc: null, name: null });
  });

  it("past 20 photos waiting per slot, further ones are kept unread at once; the others are read", async () => {
    const image = await blank();
    const reads = await Promise.all(Array.from({ length: 24 }, () => reader.read(image)));
    expect(reads.filter((read) => read === null)).toHaveLength(4);
    expect(reads.filter((read) => read?.side === "unknown")).toHaveLength(20);
    expect(warnings.join("")).toContain("document reading is saturated");
  });
});
