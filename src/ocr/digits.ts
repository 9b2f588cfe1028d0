/**
 * A small glyph classifier for digits, by template matching (the number
 * repair now reads glyphs with the trained net of digit-net.ts; the
 * templates stay as its baseline: ReadOptions.recogniser 'templates').
 *
 * Tesseract's Thai model has no ๖ ๗ ๘ ๙ at all (they come out as ๒, ๓, ๕,
 * ๐ or Latin letters), so another reading of the same model cannot bring
 * them back. The glyphs themselves can: each connected blob of a number's
 * region is cropped, scaled to 16×16 and compared with templates of the
 * Thai and Arabic digits rendered from several Thai fonts (regular and
 * bold; see scripts/make-scan-fixtures.sh --digit-templates, which writes
 * _digit-templates.ts).
 *
 * Distance: 1 − the cosine of the two ink images (after centring each on
 * its mean), plus a penalty for a different width/height ratio. The best
 * distance per digit is kept, so every font votes for its own shapes.
 */
import { components } from './_components.js';
import { DIGIT_TEMPLATES } from './_digit-templates.js';
import type { BBox, GreyImage } from './types.js';

export const GLYPH_SIZE = 16;

/** A digit glyph's features: ink image (GLYPH_SIZE² values, 0 = paper, 1 = ink) and width/height. */
export interface GlyphFeatures {
  ink: Float32Array;
  aspect: number;
}

export interface DigitTemplate extends GlyphFeatures {
  digit: string;
  font: string;
}

export interface DigitScore {
  digit: string;
  /** 0 = identical; ~0.3 and above = not alike. */
  distance: number;
}

/** A connected blob of ink in image coordinates. */
export interface Blob extends BBox {
  pixels: number;
}

/* ------------------------------------------------------------------------ */
/* Features                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * Ink (1 − grey/255, with paper level lifted to 0) of the box, area-averaged
 * onto GLYPH_SIZE × GLYPH_SIZE, keeping the aspect ratio (the glyph centred
 * in a square).
 */
export function glyphFeatures(img: GreyImage, box: BBox, paper = 255): GlyphFeatures {
  const bw = Math.max(1, box.x1 - box.x0);
  const bh = Math.max(1, box.y1 - box.y0);
  const side = Math.max(bw, bh);
  const ox = box.x0 - (side - bw) / 2;
  const oy = box.y0 - (side - bh) / 2;
  const n = GLYPH_SIZE;
  const ink = new Float32Array(n * n);
  const scale = side / n;
  const lift = Math.max(1, paper);
  for (let gy = 0; gy < n; gy++) {
    for (let gx = 0; gx < n; gx++) {
      // average over the source area of this cell (sampled 3×3)
      let sum = 0;
      let cnt = 0;
      for (let sy = 0; sy < 3; sy++) {
        for (let sx = 0; sx < 3; sx++) {
          const x = Math.floor(ox + (gx + (sx + 0.5) / 3) * scale);
          const y = Math.floor(oy + (gy + (sy + 0.5) / 3) * scale);
          let v = 0;
          if (x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1 && x >= 0 && y >= 0 && x < img.width && y < img.height) {
            v = Math.max(0, 1 - (img.data[y * img.width + x] ?? 255) / lift);
          }
          sum += v;
          cnt++;
        }
      }
      ink[gy * n + gx] = sum / cnt;
    }
  }
  return { ink, aspect: bw / bh };
}

function centred(v: Float32Array): Float32Array {
  let m = 0;
  for (const x of v) m += x;
  m /= v.length;
  let norm = 0;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const d = (v[i] as number) - m;
    out[i] = d;
    norm += d * d;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm;
  return out;
}

/** Distance between two glyphs' features (see the module comment). */
export function glyphDistance(a: GlyphFeatures, b: GlyphFeatures): number {
  const ca = centred(a.ink);
  const cb = centred(b.ink);
  let dot = 0;
  for (let i = 0; i < ca.length; i++) dot += (ca[i] as number) * (cb[i] as number);
  return 1 - dot + 0.25 * Math.abs(Math.log(a.aspect / b.aspect));
}

/* ------------------------------------------------------------------------ */
/* Templates                                                                 */
/* ------------------------------------------------------------------------ */

let templates: DigitTemplate[] | null = null;

/** The shipped templates, decoded once. */
export function digitTemplates(): DigitTemplate[] {
  if (templates) return templates;
  const n = GLYPH_SIZE * GLYPH_SIZE;
  templates = DIGIT_TEMPLATES.map(([digit, font, aspect, b64]) => {
    const bytes = Buffer.from(b64, 'base64');
    const ink = new Float32Array(n);
    for (let i = 0; i < n; i++) ink[i] = (bytes[i] ?? 0) / 255;
    return { digit, font, aspect, ink };
  });
  return templates;
}

/** Encodes features as a template row (for the generator). */
export function encodeTemplate(digit: string, font: string, f: GlyphFeatures): [string, string, number, string] {
  const bytes = Buffer.alloc(f.ink.length);
  f.ink.forEach((v, i) => {
    bytes[i] = Math.max(0, Math.min(255, Math.round(v * 255)));
  });
  return [digit, font, Math.round(f.aspect * 1000) / 1000, bytes.toString('base64')];
}

export interface ClassifyOptions {
  /** Only these digits are considered (default: all templates). */
  among?: string;
  /** Leave out templates of fonts whose name matches (to test on unseen fonts). */
  excludeFonts?: RegExp;
}

/** Digits ranked by distance (best per digit over the fonts), nearest first. */
export function classifyGlyph(f: GlyphFeatures, options: ClassifyOptions = {}): DigitScore[] {
  const best = new Map<string, number>();
  for (const t of digitTemplates()) {
    if (options.among && !options.among.includes(t.digit)) continue;
    if (options.excludeFonts?.test(t.font)) continue;
    const d = glyphDistance(f, t);
    const prev = best.get(t.digit);
    if (prev === undefined || d < prev) best.set(t.digit, d);
  }
  return [...best.entries()].map(([digit, distance]) => ({ digit, distance })).sort((a, b) => a.distance - b.distance);
}

/* ------------------------------------------------------------------------ */
/* Blobs                                                                     */
/* ------------------------------------------------------------------------ */

/** Otsu's threshold of the box's grey levels. */
export function otsu(img: GreyImage, box: BBox): number {
  const hist = new Array<number>(256).fill(0);
  let total = 0;
  for (let y = Math.max(0, box.y0); y < Math.min(img.height, box.y1); y++) {
    for (let x = Math.max(0, box.x0); x < Math.min(img.width, box.x1); x++) {
      const v = img.data[y * img.width + x] ?? 255;
      hist[v] = (hist[v] ?? 0) + 1;
      total++;
    }
  }
  if (total === 0) return 128;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] ?? 0);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let thr = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] ?? 0;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] ?? 0);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      thr = t;
    }
  }
  return thr;
}

/** A box snapped to whole pixels inside the image, with its width and height. */
export function clampBox(img: GreyImage, box: BBox): { x0: number; y0: number; x1: number; y1: number; w: number; h: number } {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(img.width, Math.ceil(box.x1));
  const y1 = Math.min(img.height, Math.ceil(box.y1));
  return { x0, y0, x1, y1, w: x1 - x0, h: y1 - y0 };
}

/**
 * Connected blobs of ink (8-connected, darker than `threshold`) inside the
 * box, left to right; blobs whose x ranges overlap by more than half of the
 * narrower one are merged (a digit broken in two by noise or thresholding).
 */
export function blobsIn(img: GreyImage, box: BBox, threshold: number): Blob[] {
  const { x0, y0, w, h } = clampBox(img, box);
  if (w <= 0 || h <= 0) return [];
  const dark = (i: number): boolean => {
    const x = i % w;
    return (img.data[((i - x) / w + y0) * img.width + x + x0] ?? 255) < threshold;
  };
  const blobs: Blob[] = components(w, h, dark).parts.map((c) => ({ x0: c.x0 + x0, y0: c.y0 + y0, x1: c.x1 + x0 + 1, y1: c.y1 + y0 + 1, pixels: c.pixels }));
  blobs.sort((a, b) => a.x0 - b.x0);
  const merged: Blob[] = [];
  for (const b of blobs) {
    const last = merged[merged.length - 1];
    if (last) {
      const overlap = Math.min(last.x1, b.x1) - Math.max(last.x0, b.x0);
      const narrower = Math.min(last.x1 - last.x0, b.x1 - b.x0);
      if (overlap > 0.5 * narrower) {
        last.x0 = Math.min(last.x0, b.x0);
        last.x1 = Math.max(last.x1, b.x1);
        last.y0 = Math.min(last.y0, b.y0);
        last.y1 = Math.max(last.y1, b.y1);
        last.pixels += b.pixels;
        continue;
      }
    }
    merged.push({ ...b });
  }
  return merged;
}
