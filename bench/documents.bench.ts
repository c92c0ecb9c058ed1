/**
 * `npm run bench:documents`: median time to check a 12-megapixel JPEG photo
 * against, in the same run, the floor of sharp merely downscaling the same
 * file to ~1024 px raw pixels (target: check ≤ 1.5 × floor); then the peak
 * RSS of refusing a PNG decompression bomb, measured in a fresh process;
 * then reading documents (OCR) in a fresh process: p50/p99 per photo, one at
 * a time and four at once on one reader (`OCR_CONCURRENCY` 1), the workers'
 * start, and the peak RSS (target: p99 ≤ 2 s, the time a photo's reply waits).
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import pino from "pino";
import sharp, { type OverlayOptions } from "sharp";
import { createDocumentReader } from "../src/documents/document-reader.js";
import { inspectPhoto, normalizePhoto } from "../src/documents/photo-check.js";
import { DEFAULT_DOCUMENT_RULES } from "../src/domain/document-rules.js";
import { renderCard } from "../test/helpers/document-cards.js";
import { pngBomb } from "../test/helpers/hostile-files.js";
import { fixturePhoto } from "../test/helpers/photo-corpus.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
/** Rendered cards read, of each kind (portrait side, emblem side, licence). */
const READ_CARDS = Number(process.env.BENCH_READ_CARDS ?? 10);

if (process.argv.includes("--read")) {
  const cards: Buffer[] = [];
  for (let i = 0; i < READ_CARDS; i++)
    for (const kind of ["portrait", "emblem", "licence"] as const) {
      // As the engine reads them: the copy kept after the checks.
      const { bytes } = await renderCard(kind, 3000 + i);
      cards.push((await normalizePhoto(bytes, "jpeg", DEFAULT_DOCUMENT_RULES)).keep);
    }
  const before = process.resourceUsage().maxRSS;
  const reader = createDocumentReader(1, pino({ level: "silent" }));
  const startMs = await time(() => reader.read(cards[0]!));
  const oneAtATime: number[] = [];
  for (const card of cards) oneAtATime.push(await time(() => reader.read(card)));
  const fourAtOnce: number[] = [];
  for (let i = 0; i + 4 <= cards.length; i += 4)
    fourAtOnce.push(...(await Promise.all(cards.slice(i, i + 4).map((card) => time(() => reader.read(card))))));
  const after = process.resourceUsage().maxRSS;
  await reader.close();
  console.log(JSON.stringify({ photos: cards.length, startMs, oneAtATime, fourAtOnce, peakBeforeKb: before, peakAfterKb: after }));
  process.exit(0);
}

if (process.argv.includes("--bomb")) {
  const bomb = pngBomb();
  const before = process.resourceUsage().maxRSS;
  const inspection = await inspectPhoto(bomb, DEFAULT_DOCUMENT_RULES);
  const after = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ bytes: bomb.length, problems: inspection.problems, peakBeforeKb: before, peakAfterKb: after }));
  process.exit(0);
}

/** A 4000×3000 photo-like JPEG: real photographs tiled at native resolution, encoded like a phone camera would. */
async function twelveMegapixelPhoto(): Promise<Buffer> {
  const tiles = await Promise.all(
    ["coffee", "rocket", "chelsea", "astronaut"].map((name) => sharp(fixturePhoto(name)).toBuffer({ resolveWithObject: true })),
  );
  const composites: OverlayOptions[] = [];
  let i = 0;
  for (let top = 0; top < 3000; top += 300) {
    for (let left = 0; left < 4000; left += 451) {
      const tile = tiles[i++ % tiles.length]!;
      composites.push({ input: await sharp(tile.data).extract({ left: 0, top: 0, width: 451, height: 300 }).toBuffer(), left, top });
    }
  }
  const canvas = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#777" } })
    .composite(composites)
    .png()
    .toBuffer();
  return sharp(canvas).jpeg({ quality: 85 }).toBuffer();
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const photo = await twelveMegapixelPhoto();
const { width, height } = await sharp(photo).metadata();
console.log(`photo: ${width}×${height} JPEG, ${(photo.length / 1024 / 1024).toFixed(1)} MB; ${RUNS} runs each, interleaved`);

const floor = () => sharp(photo).resize({ width: 1024, height: 1024, fit: "inside" }).raw().toBuffer();
// Rules without the byte limit, so the check runs to the end whatever this photo weighs.
const rules = { ...DEFAULT_DOCUMENT_RULES, maxBytes: Number.MAX_SAFE_INTEGER };
const check = () => inspectPhoto(photo, rules);
await floor();
await check(); // warm-up: libvips and the JIT
const floorTimes: number[] = [];
const checkTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  floorTimes.push(await time(floor));
  checkTimes.push(await time(check));
}
const normalizeTimes: number[] = [];
for (let run = 0; run < 5; run++) normalizeTimes.push(await time(() => normalizePhoto(photo, "jpeg", rules)));

const ratio = median(checkTimes) / median(floorTimes);
console.log(`floor (downscale to 1024 px raw)  median ${median(floorTimes).toFixed(1)} ms`);
console.log(`check (all rules)                 median ${median(checkTimes).toFixed(1)} ms`);
console.log(`ratio check/floor ${ratio.toFixed(2)} (target ≤ 1.5)`);
console.log(`re-encoding an accepted photo (stored copy + preview), not part of the check: median ${median(normalizeTimes).toFixed(0)} ms`);

const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--bomb"], { encoding: "utf8" });
const bomb = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
  bytes: number;
  problems: string[];
  peakBeforeKb: number;
  peakAfterKb: number;
};
console.log(
  `PNG bomb (20000×20000, ${(bomb.bytes / 1024).toFixed(0)} KB on disk): ${bomb.problems.join(", ")}; peak RSS ${(bomb.peakBeforeKb / 1024).toFixed(0)} MB before the check, ${(bomb.peakAfterKb / 1024).toFixed(0)} MB after (decoding would need ~1.2 GB)`,
);

const reading = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--read"], { encoding: "utf8" });
const read = JSON.parse(reading.stdout.trim().split("\n").at(-1)!) as {
  photos: number;
  startMs: number;
  oneAtATime: number[];
  fourAtOnce: number[];
  peakBeforeKb: number;
  peakAfterKb: number;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`reading (OCR), ${read.photos} rendered cards and licences, OCR_CONCURRENCY 1:`);
console.log(`  first read, with the workers' start      ${seconds(read.startMs)}`);
console.log(`  one photo at a time   p50 ${seconds(percentile(read.oneAtATime, 50))}  p99 ${seconds(percentile(read.oneAtATime, 99))}`);
console.log(
  `  four photos at once   p50 ${seconds(percentile(read.fourAtOnce, 50))}  p99 ${seconds(percentile(read.fourAtOnce, 99))} (queued behind each other; a read over 2 s follows its photo's reply)`,
);
console.log(
  `  share of reads over 2 s one at a time: ${((read.oneAtATime.filter((ms) => ms > 2000).length / read.oneAtATime.length) * 100).toFixed(0)} %`,
);
console.log(
  `  peak RSS ${(read.peakBeforeKb / 1024).toFixed(0)} MB before the reader, ${(read.peakAfterKb / 1024).toFixed(0)} MB after (the process, photos included)`,
);
