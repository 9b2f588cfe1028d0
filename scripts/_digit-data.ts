/**
 * Training and evaluation glyphs for the digit recogniser (src/ocr/digit-net.ts).
 *
 * A line is drawn with @napi-rs/canvas: a few Thai letters (some with
 * marks), a number (a BE year, a score, a date, an item number…), maybe a
 * word after it, at a random size, ink and paper grey, a slight rotation;
 * then degraded as scans are (blur, noise, JPEG, sometimes binarised at a
 * random level). Each digit is then cut out the way the number repair cuts
 * it (src/ocr/_number-glyphs.ts: the number's ink rows, the glyph's blobs
 * that reach the digits' body band), with the segmentation errors real
 * pages have: a box a little off, a neighbour's edge inside it, digits
 * squeezed until they touch, a dot or mark stuck to a digit. Letters, half
 * digits and two digits in one box are the "not one digit" class.
 *
 * Everything is driven by a seeded generator: same seed, same glyphs.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glyphFeatures, otsu } from '../src/ocr/digits.js';
import { glyphImage, inkRows, paperLevel } from '../src/ocr/_glyph-ink.js';
import { NET_CLASSES, netInput } from '../src/ocr/digit-net.js';
import type { GreyImage } from '../src/ocr/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const { GlobalFonts, ImageData, createCanvas, loadImage } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

export const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
export const REJECT = NET_CLASSES.length - 1;

/* ------------------------------------------------------------------------ */
/* Random numbers                                                            */
/* ------------------------------------------------------------------------ */

// the project's one seeded generator (mulberry32), as the layout generator and the benches use it
import { rng } from '../test/_support/variants.js';

export { rng };

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const between = (r: Rand, a: number, b: number): number => a + (b - a) * r();
function gauss(r: Rand): number {
  return Math.sqrt(-2 * Math.log(Math.max(1e-12, r()))) * Math.cos(2 * Math.PI * r());
}

/* ------------------------------------------------------------------------ */
/* Fonts                                                                     */
/* ------------------------------------------------------------------------ */

export interface FontSpec {
  /** Family and style, e.g. "Laksaman-Bold" or "sarabun-700". */
  name: string;
  path: string;
}

/** Where the TLWG fonts are (Debian's fonts-thai-tlwg), overridable by TLWG_FONT_DIR. */
export function tlwgDir(): string {
  return process.env.TLWG_FONT_DIR ?? '/usr/share/fonts/truetype/tlwg';
}

function tlwg(...names: string[]): FontSpec[] {
  return names.map((n) => ({ name: n, path: join(tlwgDir(), `${n}.ttf`) }));
}

/** Thai-subset WOFF files of a @fontsource package (npm), one per weight. */
export function fontsource(pkg: string, weights: number[]): FontSpec[] {
  return weights.map((w) => ({ name: `${pkg}-${w}`, path: join(ROOT, 'node_modules/@fontsource', pkg, 'files', `${pkg}-thai-${w}-normal.woff`) }));
}

/** Fonts the net learns from. */
export function trainingFonts(): FontSpec[] {
  const fams = ['Garuda', 'Kinnari', 'Laksaman', 'Loma', 'Sawasdee', 'Umpush', 'Waree', 'TlwgTypo', 'TlwgTypist', 'TlwgMono', 'Purisa'];
  const styles = (f: string): string[] => {
    const italic = f === 'Kinnari' || f === 'Laksaman' ? 'Italic' : 'Oblique';
    return [f, `${f}-Bold`, `${f}-${italic}`];
  };
  return [
    ...tlwg(...fams.flatMap(styles), 'Umpush-Light'),
    ...fontsource('sarabun', [300, 400, 600, 700]),
    ...fontsource('noto-sans-thai', [400, 700]),
    ...fontsource('noto-sans-thai-looped', [400, 700]),
    ...fontsource('noto-serif-thai', [400, 700]),
  ];
}

/** Fonts kept out of training, for evaluation: a TLWG serif and an npm sans. */
export function heldOutFonts(): FontSpec[] {
  return [...tlwg('Norasi', 'Norasi-Bold', 'Norasi-Italic'), ...fontsource('ibm-plex-sans-thai-looped', [400, 600])];
}

const registered = new Map<string, string>();

/** Registers the font with the canvas; its family alias, or null when the file is missing. */
export function useFont(f: FontSpec): string | null {
  const known = registered.get(f.path);
  if (known) return known;
  if (!existsSync(f.path)) return null;
  const alias = `DIGITNET_${registered.size}`;
  if (!GlobalFonts.registerFromPath(f.path, alias)) return null;
  registered.set(f.path, alias);
  return alias;
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                     */
/* ------------------------------------------------------------------------ */

const CLUSTERS = [
  'ก', 'ข', 'ค', 'ง', 'จ', 'ซ', 'ฆ', 'ด', 'ต', 'ถ', 'ท', 'น', 'บ', 'ป', 'ผ', 'พ', 'ม', 'ย', 'ร', 'ล', 'ว', 'ศ', 'ส', 'ห', 'อ', 'ฮ', 'ณ', 'ญ', 'ฐ',
  'ปี', 'ที่', 'กิ', 'นี้', 'ผู้', 'ดู', 'ตั', 'ค่', 'ร้', 'สุ',
];
const AFTER = ['.', ')', ',', ' ', ' ', ' ', '-', '%'];

/** A number as reports write them. */
function numberText(r: Rand): string {
  const d = (n: number): string => Array.from({ length: n }, () => pick(r, [...THAI_DIGITS])).join('');
  const u = r();
  if (u < 0.35) return `๒๕${pick(r, [...'๕๖๗'])}${d(1)}`;
  if (u < 0.55) return `${d(2)}.${d(2)}`;
  if (u < 0.65) return `${d(1)}/${d(1 + Math.floor(r() * 2))}/๒๕${d(2)}`;
  if (u < 0.75) return `${d(1)}.${d(1)}`;
  if (u < 0.85) return d(1 + Math.floor(r() * 2));
  return d(3 + Math.floor(r() * 3));
}

interface Drawn {
  /** Ink x range of each digit (label = index in THAI_DIGITS) and letter cluster (label REJECT). */
  glyphs: Array<{ label: number; x0: number; x1: number }>;
  img: GreyImage;
  /** Body band of the Thai letters (top of ก to the baseline). */
  body: { top: number; bottom: number };
}

export interface Degradation {
  /** Gaussian blur sigma, pixels. */
  blur: [number, number];
  /** Noise sigma, grey levels. */
  noise: [number, number];
  /** JPEG quality range; null = no JPEG. */
  jpeg: [number, number] | null;
  /** Rotation, degrees (either sign). */
  rotation: [number, number];
  /** Digit height in pixels (Thai digits are about half the font size). */
  digitHeight: [number, number];
  /** Chance of a binarised image. */
  binarise: number;
}

export const TRAIN_DEGRADATION: Degradation = { blur: [0, 1.3], noise: [0, 22], jpeg: [30, 95], rotation: [0, 1.2], digitHeight: [8, 34], binarise: 0.25 };
/** Harsher than training in every respect (held-out degradations). */
export const HELD_OUT_DEGRADATION: Degradation = { blur: [1.3, 1.7], noise: [22, 30], jpeg: [15, 30], rotation: [1.2, 2], digitHeight: [8, 26], binarise: 0.25 };

async function drawLine(r: Rand, alias: string, deg: Degradation): Promise<Drawn> {
  const digitH = between(r, ...deg.digitHeight);
  const px = Math.round(digitH / 0.5);
  const margin = Math.ceil(px * 0.6);
  const probe = createCanvas(4, 4).getContext('2d');
  probe.font = `${px}px "${alias}"`;
  // the line: letters, the number (digits placed one by one, sometimes squeezed until they touch), what follows
  const parts: Array<{ text: string; label: number }> = [];
  const nPre = Math.floor(r() * 3);
  for (let i = 0; i < nPre; i++) parts.push({ text: pick(r, CLUSTERS), label: REJECT });
  if (nPre > 0 && r() < 0.7) parts.push({ text: ' ', label: -1 });
  for (const ch of numberText(r)) parts.push({ text: ch, label: THAI_DIGITS.indexOf(ch) });
  if (r() < 0.5) parts.push({ text: pick(r, AFTER), label: -1 });
  if (r() < 0.4) parts.push({ text: pick(r, CLUSTERS), label: REJECT });
  const squeeze = r() < 0.2 ? between(r, 0.05, 0.3) : 0;
  let x = margin;
  const placed: Array<{ text: string; label: number; x: number; l: number; rr: number }> = [];
  for (const p of parts) {
    const m = probe.measureText(p.text);
    placed.push({ ...p, x, l: m.actualBoundingBoxLeft, rr: m.actualBoundingBoxRight });
    x += m.width * (p.label >= 0 && p.label < 10 ? 1 - squeeze : 1);
  }
  const width = Math.ceil(x + margin);
  const height = Math.ceil(px * 2.2);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const paper = Math.round(between(r, 190, 255));
  const ink = Math.round(between(r, 0, 90));
  ctx.fillStyle = `rgb(${paper},${paper},${paper})`;
  ctx.fillRect(0, 0, width, height);
  const baseline = Math.round(px * 1.45);
  const angle = ((r() < 0.5 ? -1 : 1) * between(r, ...deg.rotation) * Math.PI) / 180;
  ctx.translate(width / 2, baseline);
  ctx.rotate(angle);
  ctx.translate(-width / 2, -baseline);
  ctx.fillStyle = `rgb(${ink},${ink},${ink})`;
  ctx.font = `${px}px "${alias}"`;
  ctx.textBaseline = 'alphabetic';
  for (const p of placed) ctx.fillText(p.text, p.x, baseline);
  // now and then a dot or a short stroke stuck to a digit (a mark or speck the blob picks up)
  const digitsPlaced = placed.filter((p) => p.label >= 0 && p.label < 10);
  if (digitsPlaced.length > 0 && r() < 0.15) {
    const p = pick(r, digitsPlaced);
    const s = Math.max(1.5, px * 0.05);
    ctx.fillRect(p.x + p.rr - s * 0.5, baseline - between(r, 0, 0.6) * px * 0.5, s, s);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  let grey = toGrey(ctx.getImageData(0, 0, width, height).data, width * height);
  grey = blur(grey, width, height, between(r, ...deg.blur));
  const sigma = between(r, ...deg.noise);
  for (let i = 0; i < grey.length; i++) grey[i] = clamp((grey[i] as number) + sigma * gauss(r));
  if (deg.jpeg) {
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < grey.length; i++) {
      rgba.fill(Math.round(grey[i] as number), i * 4, i * 4 + 3);
      rgba[i * 4 + 3] = 255;
    }
    const c2 = createCanvas(width, height);
    const x2 = c2.getContext('2d');
    x2.putImageData(new ImageData(rgba, width, height), 0, 0);
    const jpg = await c2.encode('jpeg', Math.round(between(r, ...deg.jpeg)));
    const im = await loadImage(jpg);
    x2.drawImage(im, 0, 0);
    grey = toGrey(x2.getImageData(0, 0, width, height).data, width * height);
  }
  if (r() < deg.binarise) {
    const t = between(r, (paper + ink) * 0.35, (paper + ink) * 0.65);
    for (let i = 0; i < grey.length; i++) grey[i] = (grey[i] as number) < t ? 0 : 255;
  }
  const probeK = probe.measureText('ก');
  return {
    img: { width, height, data: Uint8Array.from(grey) },
    body: { top: baseline - probeK.actualBoundingBoxAscent, bottom: baseline + Math.max(0, probeK.actualBoundingBoxDescent) },
    glyphs: placed.filter((p) => p.label >= 0).map((p) => ({ label: p.label, x0: p.x - p.l, x1: p.x + p.rr })),
  };
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

function toGrey(rgba: Uint8ClampedArray, n: number): Float32Array {
  const g = new Float32Array(n);
  for (let i = 0; i < n; i++) g[i] = ((rgba[i * 4] as number) * 77 + (rgba[i * 4 + 1] as number) * 150 + (rgba[i * 4 + 2] as number) * 29) / 256;
  return g;
}

function blur(g: Float32Array, w: number, h: number, sigma: number): Float32Array {
  if (sigma < 0.3) return g;
  const rad = Math.ceil(sigma * 2.5);
  const k: number[] = [];
  let s = 0;
  for (let i = -rad; i <= rad; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    k.push(v);
    s += v;
  }
  const kn = k.map((v) => v / s);
  const tmp = new Float32Array(g.length);
  const out = new Float32Array(g.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let a = 0;
      for (let i = -rad; i <= rad; i++) a += (g[y * w + Math.min(w - 1, Math.max(0, x + i))] as number) * (kn[i + rad] as number);
      tmp[y * w + x] = a;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let a = 0;
      for (let i = -rad; i <= rad; i++) a += (tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x] as number) * (kn[i + rad] as number);
      out[y * w + x] = a;
    }
  }
  return out;
}

/* ------------------------------------------------------------------------ */
/* Glyph samples                                                             */
/* ------------------------------------------------------------------------ */

export interface Sample {
  /** Index into NET_CLASSES (10 = not one digit). */
  label: number;
  /** The net's input. */
  x: Float32Array;
  /** The template matcher's features (for comparison). */
  ink: Float32Array;
  aspect: number;
  font: string;
}

/**
 * Samples from one drawn line: every digit (its box sometimes a little off),
 * and "not one digit" boxes (letters, half a digit, two digits together).
 */
function samplesOf(r: Rand, d: Drawn, font: string): Sample[] {
  const { img } = d;
  const digits = d.glyphs.filter((g) => g.label < 10);
  if (digits.length === 0) return [];
  const nx0 = Math.floor(Math.min(...digits.map((g) => g.x0))) - 1;
  const nx1 = Math.ceil(Math.max(...digits.map((g) => g.x1))) + 1;
  const lineBh = Math.max(4, d.body.bottom - d.body.top);
  const searchTop = Math.floor(d.body.top - 0.9 * lineBh);
  const searchBottom = Math.ceil(d.body.bottom + 0.6 * lineBh);
  const thr = Math.min(otsu(img, { x0: nx0, y0: searchTop, x1: nx1, y1: searchBottom }), 170);
  const run = inkRows(img, nx0, nx1, searchTop, searchBottom, thr, d.body);
  if (!run) return [];
  const bh = Math.max(4, Math.min(run.bottom - run.top, 1.05 * lineBh) * 0.8);
  const digitBody = { top: run.bottom - bh, bottom: run.bottom };
  const paper = paperLevel(img, { x0: nx0 - 20, y0: run.top, x1: nx1 + 20, y1: run.bottom });
  const out: Sample[] = [];
  const cut = (label: number, a: number, b: number): void => {
    const g = glyphImage(img, { x0: Math.round(a), y0: run.top, x1: Math.round(b), y1: run.bottom }, digitBody, true);
    if (!g) return;
    const y0 = Math.max(0, Math.floor(run.top));
    const x = netInput(g.crop, g.box, paper, { top: digitBody.top - y0, bottom: digitBody.bottom - y0 });
    const f = glyphFeatures(g.crop, g.box, paper);
    out.push({ label, x, ink: f.ink, aspect: f.aspect, font });
  };
  d.glyphs.forEach((g, i) => {
    // letters: half of them (they would outnumber the digits' own troubles)
    if (g.label === REJECT && r() < 0.5) return;
    const w = g.x1 - g.x0;
    let a = g.x0 - between(r, 0, 1.5);
    let b = g.x1 + between(r, 0, 1.5);
    if (g.label < 10 && r() < 0.3) {
      // a box a little off: an edge inside the glyph or over the neighbour's edge
      if (r() < 0.5) a += between(r, -0.25, 0.12) * w;
      else b += between(r, -0.12, 0.25) * w;
    }
    cut(g.label, a, b);
    if (g.label < 10 && r() < 0.25) {
      // half a digit: not one digit
      const f = between(r, 0.3, 0.55);
      if (r() < 0.5) cut(REJECT, g.x0 - 1, g.x0 + f * w);
      else cut(REJECT, g.x1 - f * w, g.x1 + 1);
    }
    const next = d.glyphs[i + 1];
    if (g.label < 10 && next && next.label < 10 && r() < 0.25) cut(REJECT, g.x0 - 1, next.x1 + 1);
  });
  return out;
}

export interface GenerateOptions {
  fonts: FontSpec[];
  seed: number;
  /** Lines per font. */
  linesPerFont: number;
  degradation: Degradation;
}

/** Glyph samples for the fonts (missing font files are an error: the set must be what was asked for). */
export async function generate(o: GenerateOptions): Promise<Sample[]> {
  const out: Sample[] = [];
  let fi = 0;
  for (const font of o.fonts) {
    const alias = useFont(font);
    if (!alias) throw new Error(`font missing: ${font.path} (install fonts-thai-tlwg, or set TLWG_FONT_DIR; npm ci for @fontsource)`);
    const r = rng(o.seed * 1000 + fi++);
    for (let i = 0; i < o.linesPerFont; i++) out.push(...samplesOf(r, await drawLine(r, alias, o.degradation), font.name));
  }
  return out;
}
