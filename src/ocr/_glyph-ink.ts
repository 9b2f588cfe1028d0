/**
 * Ink of a glyph region on a grey page image: the blobs of one glyph, the
 * paper level, columns and rows with ink (used by the number repair to cut
 * numbers into glyphs, _number-glyphs.ts).
 */
import { EIGHT, components } from './_components.js';
import { clampBox, otsu } from './digits.js';
import type { BBox, GreyImage } from './types.js';

/**
 * One glyph's ink inside `box`: the blobs (darker than the region's Otsu
 * level) that reach the body band, others blanked; null when there is none.
 */
export function glyphImage(
  img: GreyImage,
  box: BBox,
  body: { top: number; bottom: number },
  clipped = false,
): { crop: GreyImage; box: BBox } | null {
  const { x0, y0, x1, y1, w, h } = clampBox(img, box);
  if (w < 2 || h < 2) return null;
  const thr = Math.min(otsu(img, { x0, y0, x1, y1 }), 170);
  const dark = (i: number): boolean => {
    const x = i % w;
    return (img.data[((i - x) / w + y0) * img.width + x + x0] ?? 255) < thr;
  };
  const { parts, label } = components(w, h, dark, EIGHT, true);
  const bodyTop = body.top - y0 + 0.25 * (body.bottom - body.top);
  const bodyBottom = body.bottom - y0 - 0.1 * (body.bottom - body.top);
  // a blob of this glyph: big enough, reaching the body (an 8-connected blob has a pixel on every row it spans), centred inside the box's inner part
  const keep = parts.map((c) => {
    const cx = c.sumX / c.pixels;
    const reaches = Math.max(c.y0, Math.ceil(bodyTop)) <= Math.min(c.y1, Math.floor(bodyBottom));
    return c.pixels >= 6 && reaches && (clipped || (cx >= 0.1 * w && cx <= 0.9 * w));
  });
  let bx0 = w;
  let by0 = h;
  let bx1 = -1;
  let by1 = -1;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const l = (label as Int32Array)[y * w + x] as number;
      if (l < 0 || !keep[l]) continue;
      data[y * w + x] = img.data[(y + y0) * img.width + x + x0] ?? 255;
      bx0 = Math.min(bx0, x);
      by0 = Math.min(by0, y);
      bx1 = Math.max(bx1, x + 1);
      by1 = Math.max(by1, y + 1);
    }
  }
  if (bx1 < 0) return null;
  return { crop: { width: w, height: h, data }, box: { x0: bx0, y0: by0, x1: bx1, y1: by1 } };
}

/** Paper grey level near the box (90th percentile). */
export function paperLevel(img: GreyImage, box: BBox): number {
  const vals: number[] = [];
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(img.height, Math.ceil(box.y1)); y += 2) {
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(img.width, Math.ceil(box.x1)); x += 2) {
      vals.push(img.data[y * img.width + x] ?? 255);
    }
  }
  vals.sort((a, b) => a - b);
  return vals[Math.floor(vals.length * 0.9)] ?? 255;
}

/** Column ranges of [x0, x1) separated by columns without ink in rows [top, bottom). */
export function inkPieces(img: GreyImage, x0: number, x1: number, top: number, bottom: number, thr: number): Array<{ a: number; b: number }> {
  const pieces: Array<{ a: number; b: number }> = [];
  let start = -1;
  for (let x = x0; x <= x1; x++) {
    let any = false;
    if (x < x1 && x >= 0 && x < img.width) {
      for (let y = Math.max(0, top); y < Math.min(img.height, bottom) && !any; y++) any = (img.data[y * img.width + x] ?? 255) < thr;
    }
    if (any && start < 0) start = x;
    if (!any && start >= 0) {
      if (x - start >= 2) pieces.push({ a: start, b: x });
      start = -1;
    }
  }
  return pieces;
}

/** The longest run of rows with ink in columns [x0, x1) (one empty row allowed) that meets the body band. */
export function inkRows(
  img: GreyImage,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  thr: number,
  body: { top: number; bottom: number },
): { top: number; bottom: number } | null {
  const inked: boolean[] = [];
  for (let y = y0; y < y1; y++) {
    let any = false;
    if (y >= 0 && y < img.height) {
      for (let x = Math.max(0, x0); x < Math.min(img.width, x1) && !any; x++) any = (img.data[y * img.width + x] ?? 255) < thr;
    }
    inked.push(any);
  }
  let best: { top: number; bottom: number } | null = null;
  let start = -1;
  let gap = 0;
  for (let i = 0; i <= inked.length; i++) {
    if (i < inked.length && inked[i]) {
      if (start < 0) start = i;
      gap = 0;
      continue;
    }
    if (start >= 0 && i < inked.length && gap === 0) {
      gap++;
      continue;
    }
    if (start >= 0) {
      const top = y0 + start;
      const bottom = y0 + i - gap;
      const meets = bottom > body.top && top < body.bottom;
      if (meets && (!best || bottom - top > best.bottom - best.top)) best = { top, bottom };
      start = -1;
      gap = 0;
    }
  }
  return best;
}

/** Tight box of the ink in columns [a, b) and rows [top, bottom), or null. */
export function inkBox(img: GreyImage, a: number, b: number, top: number, bottom: number, thr: number): BBox | null {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = -1;
  let y1 = -1;
  for (let y = Math.max(0, top); y < Math.min(img.height, bottom); y++) {
    for (let x = Math.max(0, a); x < Math.min(img.width, b); x++) {
      if ((img.data[y * img.width + x] ?? 255) < thr) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + 1);
        y1 = Math.max(y1, y + 1);
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}
