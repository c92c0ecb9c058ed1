import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp, { type Sharp } from "sharp";

/**
 * A labelled corpus of phone-photo-like scenes built from real photographs
 * (test/fixtures/photos): 2×2 mosaics of the colour photos, each cell a crop
 * at native resolution, and degraded variants of some of them. Built in
 * memory at test time, so the repository holds only the small originals.
 */
export type Label = "good" | "blurry" | "black_and_white" | "too_dark" | "overexposed" | "too_small";

export interface CorpusPhoto {
  name: string;
  label: Label;
  bytes: Buffer;
}

const PHOTOS = join(import.meta.dirname, "..", "fixtures", "photos");
const COLOUR = ["astronaut", "chelsea", "coffee", "rocket"];
const GREY = ["camera", "coins"];

/** Images passed between steps: PNG is lossless at any level, so none (each encode at the default level cost tens of ms). */
export const LOSSLESS_FAST = { compressionLevel: 0 } as const;

export function fixturePhoto(name: string): Buffer {
  return readFileSync(join(PHOTOS, `${name}.jpg`));
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Four photos, each centre-cropped (shifted by `offset`) to a cell, tiled 2×2 at native resolution. */
async function mosaic(names: string[], cellWidth: number, cellHeight: number, offset: number): Promise<Sharp> {
  const cells = await Promise.all(
    names.map(async (name) => {
      const image = sharp(fixturePhoto(name));
      const { width = 0, height = 0 } = await image.metadata();
      const left = Math.max(0, Math.min(width - cellWidth, Math.floor((width - cellWidth) / 2) + offset));
      const top = Math.max(0, Math.floor((height - cellHeight) / 2));
      return image.extract({ left, top, width: cellWidth, height: cellHeight }).toBuffer();
    }),
  );
  return sharp({ create: { width: cellWidth * 2, height: cellHeight * 2, channels: 3, background: "#808080" } }).composite(
    cells.map((input, i) => ({ input, left: (i % 2) * cellWidth, top: Math.floor(i / 2) * cellHeight })),
  );
}

/** Ordinary variation a real upload has (dim room, bright day, heavy compression): must still pass. */
const ACCEPTABLE: Array<{ name: string; apply: (image: Sharp) => Sharp }> = [
  { name: "dim", apply: (image) => image.linear(0.6, 0) },
  { name: "bright", apply: (image) => image.linear(1.25, 12) },
  { name: "soft", apply: (image) => image.blur(0.8) },
];

const DEGRADATIONS: Array<{ name: string; label: Label; apply: (image: Sharp) => Sharp }> = [
  { name: "blur3", label: "blurry", apply: (image) => image.blur(3) },
  { name: "blur5", label: "blurry", apply: (image) => image.blur(5) },
  { name: "blur8", label: "blurry", apply: (image) => image.blur(8) },
  { name: "grey", label: "black_and_white", apply: (image) => image.greyscale() },
  { name: "threshold", label: "black_and_white", apply: (image) => image.threshold(128) },
  { name: "dark", label: "too_dark", apply: (image) => image.linear(0.22, 0) },
  { name: "overexposed", label: "overexposed", apply: (image) => image.linear(2.2, 70) },
  { name: "small", label: "too_small", apply: (image) => image.resize({ height: 420 }) },
];

/** The colour mosaics: the corpus's first photos, all "good"; the first `count` of them (all 48 by default). */
export async function goodMosaics(count = Number.POSITIVE_INFINITY): Promise<CorpusPhoto[]> {
  const goods: CorpusPhoto[] = [];
  const layouts = [
    { cellWidth: 451, cellHeight: 300, offset: 0 },
    { cellWidth: 330, cellHeight: 300, offset: 40 },
  ];
  for (const [l, layout] of layouts.entries()) {
    for (const [p, order] of permutations(COLOUR).entries()) {
      if (goods.length >= count) return goods;
      const image = await mosaic(order, layout.cellWidth, layout.cellHeight, layout.offset);
      // Re-encode as a phone would; flatten the composite first so degradations apply to pixels, not layers.
      const bytes = await sharp(await image.png(LOSSLESS_FAST).toBuffer())
        .jpeg({ quality: 88 })
        .toBuffer();
      goods.push({ name: `mosaic-${l}-${p}`, label: "good", bytes });
    }
  }
  return goods;
}

export async function buildCorpus(): Promise<CorpusPhoto[]> {
  const goods = await goodMosaics();
  const corpus: CorpusPhoto[] = [...goods];
  for (const [i, good] of goods.entries()) {
    if (i % 3 !== 0) continue;
    for (const variation of ACCEPTABLE) {
      const bytes = await variation.apply(sharp(good.bytes)).jpeg({ quality: 60 }).toBuffer();
      corpus.push({ name: `${good.name}-${variation.name}`, label: "good", bytes });
    }
    for (const degradation of DEGRADATIONS) {
      const bytes = await degradation.apply(sharp(good.bytes)).jpeg({ quality: 88 }).toBuffer();
      corpus.push({ name: `${good.name}-${degradation.name}`, label: degradation.label, bytes });
    }
  }
  // Real greyscale photographs: copies, not colour photos.
  for (const [o, order] of [GREY.concat(GREY), [...GREY].reverse().concat(GREY)].entries()) {
    const bytes = await sharp(await (await mosaic(order, 384, 303, 0)).png(LOSSLESS_FAST).toBuffer())
      .jpeg({ quality: 88 })
      .toBuffer();
    corpus.push({ name: `grey-mosaic-${o}`, label: "black_and_white", bytes });
  }
  return corpus;
}
