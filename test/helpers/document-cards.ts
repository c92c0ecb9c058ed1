import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import sharp from "sharp";
import type { DocumentSide } from "../../src/domain/document-read.js";
import { idCardCheckCharacter } from "../../src/domain/id-card.js";
import { USCC_ALPHABET, usccCheckCharacter } from "../../src/domain/uscc.js";
import { fixturePhoto, LOSSLESS_FAST } from "./photo-corpus.js";

/**
 * Rendered specimen documents for the OCR tests: the portrait and emblem sides of a resident ID
 * card and a business licence, drawn with the Noto Sans CJK fonts from npm (no system font is
 * assumed), each stamped 样本 SPECIMEN, with invented names and random numbers whose check
 * characters are right. Variations — font weight, sizes, positions, rotation within ±8°, blur,
 * JPEG quality, background — come from a seed, so a corpus is the same on every machine.
 */
export type CardKind = Exclude<DocumentSide, "unknown">;

export interface RenderedCard {
  kind: CardKind;
  seed: number;
  bytes: Buffer;
  /** What is printed on it. */
  idNumber: string | null;
  uscc: string | null;
  name: string | null;
}

export interface CardStyle {
  rotation: number;
  blur: number;
  jpegQuality: number;
}

// The package exports only its index (in dist/): the fonts sit beside that folder.
const FONTS = join(dirname(createRequire(import.meta.url).resolve("@embedpdf/fonts-sc")), "..", "fonts");
const WEIGHTS = ["Light", "DemiLight", "Regular", "Medium", "Bold"] as const;
const NAMES = ["测试甲", "样例乙", "示例丙", "测试丁", "样本戊", "演示己", "测试庚申", "样例辛"];
const PROVINCES = ["11", "12", "31", "32", "33", "37", "44", "50", "51", "61"];
const BACKGROUNDS = ["#3b4a5c", "#6b4f3a", "#2f5d50", "#8a8f96", "#5a3d5c", "photo"] as const;

/** A small seeded generator (mulberry32): the same seed draws the same card. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: () => number, low: number, high: number) => low + random() * (high - low);
const digits = (random: () => number, count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join("");

export function randomIdNumber(random: () => number): string {
  const year = 1950 + Math.floor(random() * 55);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const first17 = `${pick(random, PROVINCES)}0101${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${digits(random, 3)}`;
  return first17 + idCardCheckCharacter(first17);
}

export function randomUscc(random: () => number): string {
  const body = Array.from({ length: 9 }, () => pick(random, USCC_ALPHABET.split(""))).join("");
  const first17 = `91${pick(random, PROVINCES)}0101${body}`;
  return first17 + usccCheckCharacter(first17);
}

/** `style` overrides the seeded variation; `printed` the number printed on it (conversation tests). */
export async function renderCard(
  kind: CardKind,
  seed: number,
  style?: Partial<CardStyle>,
  printed: { idNumber?: string; uscc?: string } = {},
): Promise<RenderedCard> {
  const random = seeded(seed * 7919 + kind.length);
  const weight = pick(random, WEIGHTS);
  const idNumber = kind === "portrait" ? (printed.idNumber ?? randomIdNumber(random)) : null;
  const uscc = kind === "licence" ? (printed.uscc ?? randomUscc(random)) : null;
  const name = kind === "emblem" ? null : pick(random, NAMES);
  const layout =
    kind === "portrait"
      ? portraitLayout(random, weight, name!, idNumber!)
      : kind === "emblem"
        ? emblemLayout(random, weight)
        : licenceLayout(random, weight, name!, uscc!);
  const card = await drawCard(layout, random);
  const chosen: CardStyle = {
    rotation: style?.rotation ?? between(random, -8, 8),
    blur: style?.blur ?? (random() < 0.5 ? 0 : between(random, 0.3, 0.7)),
    jpegQuality: style?.jpegQuality ?? Math.round(between(random, 55, 92)),
  };
  return { kind, seed, bytes: await photograph(card, layout, random, chosen), idNumber, uscc, name };
}

interface TextItem {
  text: string;
  x: number;
  y: number;
  size: number;
  weight: (typeof WEIGHTS)[number];
  colour?: string;
}

interface Layout {
  width: number;
  height: number;
  paper: [string, string];
  items: TextItem[];
  /** A coloured disc: the emblem, the licence's seal, or behind the portrait photo. */
  disc?: { x: number; y: number; r: number; colour: string };
  portrait?: { x: number; y: number; width: number; height: number };
}

function portraitLayout(random: () => number, weight: TextItem["weight"], name: string, idNumber: string): Layout {
  const label = (text: string, y: number): TextItem => ({ text, x: 60, y, size: 26, weight: "Regular", colour: "#2b4a7a" });
  const value = (text: string, x: number, y: number, size = 32): TextItem => ({ text, x, y, size, weight });
  const jitter = () => Math.round(between(random, -6, 6));
  const year = idNumber.slice(6, 10);
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  return {
    width: 1000,
    height: 630,
    paper: ["#dde9f3", "#f2e7d9"],
    portrait: { x: 690, y: 110, width: 250, height: 310 },
    items: [
      label("姓名", 70),
      value(name, 160 + jitter(), 64, Math.round(between(random, 32, 40))),
      label("性别", 140),
      value(random() < 0.5 ? "男" : "女", 160, 134),
      { ...label("民族", 140), x: 260 },
      value("汉", 360, 134),
      label("出生", 210),
      value(`${year} 年 ${month} 月 ${day} 日`, 160, 204),
      label("住址", 280),
      value("某省某市样例区测试路", 160, 274, 30),
      value(`${1 + Math.floor(random() * 99)} 号`, 160, 320, 30),
      { text: "样本 SPECIMEN", x: 560, y: 440, size: 28, weight: "Bold", colour: "#c0392b" },
      label("公民身份号码", 520),
      value(idNumber, 280 + jitter(), 510 + jitter(), Math.round(between(random, 36, 44))),
    ],
  };
}

function emblemLayout(random: () => number, weight: TextItem["weight"]): Layout {
  const start = 2005 + Math.floor(random() * 18);
  const date = `${String(1 + Math.floor(random() * 12)).padStart(2, "0")}.${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
  const period = random() < 0.2 ? `${start}.${date}-长期` : `${start}.${date}-${start + (random() < 0.5 ? 10 : 20)}.${date}`;
  return {
    width: 1000,
    height: 630,
    paper: ["#e4eef2", "#efe3d3"],
    disc: { x: 150, y: 150, r: 95, colour: "#c8102e" },
    items: [
      { text: "中华人民共和国", x: 300, y: 90, size: Math.round(between(random, 48, 58)), weight: "Bold" },
      { text: "居民身份证", x: 330, y: 190, size: Math.round(between(random, 64, 74)), weight: "Bold" },
      { text: "样本 SPECIMEN", x: 620, y: 330, size: 26, weight: "Bold", colour: "#c0392b" },
      { text: "签发机关", x: 120, y: 440, size: 26, weight: "Regular", colour: "#2b4a7a" },
      { text: "某市公安局测试分局", x: 300, y: 434, size: 30, weight },
      { text: "有效期限", x: 120, y: 510, size: 26, weight: "Regular", colour: "#2b4a7a" },
      { text: period, x: 300, y: 504, size: 30, weight },
    ],
  };
}

function licenceLayout(random: () => number, weight: TextItem["weight"], name: string, uscc: string): Layout {
  const row = (labelText: string, valueText: string, y: number): TextItem[] => [
    { text: labelText, x: 110, y, size: 28, weight: "Regular" },
    { text: valueText, x: 330, y: y - 2, size: 30, weight },
  ];
  return {
    width: 1400,
    height: 1000,
    paper: ["#fbf7ee", "#f1e6cf"],
    disc: { x: 1150, y: 820, r: 110, colour: "#d0342c" },
    items: [
      { text: "营业执照", x: 540, y: 70, size: Math.round(between(random, 78, 92)), weight: "Bold", colour: "#b22222" },
      { text: "统一社会信用代码", x: 110, y: 240, size: 28, weight: "Regular" },
      { text: uscc, x: 400, y: 232 + Math.round(between(random, -5, 5)), size: Math.round(between(random, 34, 42)), weight },
      ...row("名称", "测试样例科技有限公司", 340),
      ...row("类型", "有限责任公司", 420),
      ...row("法定代表人", name, 500),
      ...row("注册资本", "壹佰万元整", 580),
      ...row("成立日期", `${2000 + Math.floor(random() * 23)} 年 01 月 01 日`, 660),
      ...row("住所", "某省某市样例区测试路 1 号", 740),
      { text: "样本 SPECIMEN", x: 700, y: 880, size: 30, weight: "Bold", colour: "#c0392b" },
      { text: "登记机关", x: 1040, y: 700, size: 26, weight: "Regular" },
    ],
  };
}

async function drawText(item: TextItem): Promise<Buffer> {
  return sharp({
    text: {
      text: `<span foreground="${item.colour ?? "#1b1b1b"}">${item.text}</span>`,
      font: `Noto Sans Hans ${item.weight === "Regular" ? "" : item.weight} ${item.size}`,
      fontfile: join(FONTS, `NotoSansHans-${item.weight}.otf`),
      rgba: true,
      dpi: 72,
    },
  })
    .png(LOSSLESS_FAST)
    .toBuffer();
}

async function drawCard(layout: Layout, random: () => number): Promise<Buffer> {
  const { width, height, paper, disc } = layout;
  const background = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<defs><linearGradient id="p" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${paper[0]}"/><stop offset="1" stop-color="${paper[1]}"/></linearGradient></defs>` +
      `<rect width="${width}" height="${height}" rx="28" fill="url(#p)"/>` +
      `<path d="M0 ${height * 0.7} Q ${width / 2} ${height * (0.55 + random() * 0.2)} ${width} ${height * 0.75}" stroke="#c9d8e6" stroke-width="14" fill="none" opacity="0.7"/>` +
      (disc ? `<circle cx="${disc.x}" cy="${disc.y}" r="${disc.r}" fill="none" stroke="${disc.colour}" stroke-width="10"/>` : "") +
      "</svg>",
  );
  const layers = await Promise.all(layout.items.map(async (item) => ({ input: await drawText(item), left: item.x, top: item.y })));
  if (layout.portrait) {
    const { x, y, width: w, height: h } = layout.portrait;
    layers.push({
      input: await sharp(fixturePhoto("chelsea")).resize(w, h, { fit: "cover" }).png(LOSSLESS_FAST).toBuffer(),
      left: x,
      top: y,
    });
  }
  return sharp(background).composite(layers).png(LOSSLESS_FAST).toBuffer();
}

/** The card as a phone photo of it: on a table or a photo, turned a little, perhaps soft, compressed. */
async function photograph(card: Buffer, layout: Layout, random: () => number, style: CardStyle): Promise<Buffer> {
  const margin = Math.round(layout.width * 0.12);
  const turned = await sharp(card)
    .rotate(style.rotation, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png(LOSSLESS_FAST)
    .toBuffer();
  const { width = 0, height = 0 } = await sharp(turned).metadata();
  const canvas = { width: width + margin * 2, height: height + margin * 2 };
  const backdrop = pick(random, BACKGROUNDS);
  const base =
    backdrop === "photo"
      ? sharp(fixturePhoto(pick(random, ["coffee", "rocket", "astronaut"]))).resize(canvas.width, canvas.height, { fit: "cover" })
      : sharp({ create: { ...canvas, channels: 3, background: backdrop } });
  let image = sharp(
    await base
      .composite([{ input: turned, left: margin, top: margin }])
      .png(LOSSLESS_FAST)
      .toBuffer(),
  );
  if (style.blur > 0.3) image = image.blur(style.blur);
  return image.jpeg({ quality: style.jpegQuality }).toBuffer();
}
