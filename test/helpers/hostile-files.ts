import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { fixturePhoto } from "./photo-corpus.js";

/** The smallest photo the checks accept (640×600): real photos tiled at native resolution. */
export async function minimalGoodJpeg(shade = 0): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 600, channels: 3, background: { r: shade % 256, g: 128, b: 128 } } })
    .composite([
      { input: await sharp(fixturePhoto("rocket")).extract({ left: 0, top: 0, width: 640, height: 300 }).toBuffer(), left: 0, top: 0 },
      { input: await sharp(fixturePhoto("coffee")).extract({ left: 0, top: 0, width: 600, height: 300 }).toBuffer(), left: 0, top: 300 },
    ])
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** A sharp, colourful 1200×800 JPEG made from a real photo (tiled, native resolution). */
export async function goodJpeg(): Promise<Buffer> {
  const tile = await sharp(fixturePhoto("coffee")).toBuffer();
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: "#888" } })
    .composite([
      { input: tile, left: 0, top: 0 },
      { input: tile, left: 600, top: 400 },
      { input: await sharp(fixturePhoto("rocket")).extract({ left: 0, top: 0, width: 600, height: 400 }).toBuffer(), left: 600, top: 0 },
      { input: await sharp(fixturePhoto("astronaut")).extract({ left: 0, top: 0, width: 512, height: 400 }).toBuffer(), left: 0, top: 400 },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/**
 * A PNG that declares 20,000 × 20,000 pixels (400 MP, 50 MB of 1-bit rows)
 * in about 50 KB: decoding it would take gigabytes once expanded to RGB.
 */
export function pngBomb(side = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // 1-bit greyscale
  const rows = Buffer.alloc(side * (1 + Math.ceil(side / 8))); // filter byte 0 + all-black pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  let c = 0xffffffff;
  for (const byte of body) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  crc.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** Random noise compresses badly: a real JPEG of about 6.5 MB. */
export async function largeJpeg(): Promise<Buffer> {
  const width = 2400;
  const height = 1900;
  const noise = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = seed >> 23;
  }
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
}

/** Files that are not JPEG or PNG, whatever their name says. */
export async function notJpegOrPng(): Promise<Record<string, Buffer>> {
  const base = sharp(await goodJpeg());
  return {
    gif: await base.clone().gif().toBuffer(),
    webp: await base.clone().webp().toBuffer(),
    heic: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic\0\0\0\0mif1heic"), Buffer.alloc(64, 1)]),
    svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="4000"><rect width="100%" height="100%"/></svg>'),
    pdf: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    text: Buffer.from("This is not a photo, just text renamed to .jpg\n"),
  };
}

/** A good JPEG carrying EXIF with GPS coordinates and a camera model. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp(await goodJpeg())
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: "Phone 12" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 2700/100", GPSLongitudeRef: "E", GPSLongitude: "116/1 23/1 2900/100" },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}
