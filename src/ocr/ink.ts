/**
 * Colour ink on scanned pages: round rubber stamps (red, blue, violet) and
 * ballpoint signatures lie over the text and the table rules. They are no
 * content (a stamp's ring text names the office, not the report), and to
 * Tesseract they are dark marks that break words and rules. Before
 * recognition they become paper.
 *
 * A pixel is stamp/signature ink when it is strongly chromatic with red or
 * blue dominant (red, pink, violet, blue; not black, grey, green or yellow)
 * and it belongs to a large mark: a connected patch of such pixels at least
 * {@link BIG_MARK_INCHES} across, or anything chromatic inside one's frame
 * (a stamp's ring text sits inside its ring). Coloured text, letter by
 * letter small, is kept and turned grey like everything else. Black ink
 * over a stamp stays black: where the two overlap the pixel is dark in
 * every channel, not chromatic.
 */

import { components, reachBox } from './_components.js';

/** 8 neighbours and a one-pixel gap bridged sideways and down. */
const BRIDGED = reachBox(-2, 2, -1, 2);

/** Chroma (max − min channel) from which a red/blue pixel counts as coloured ink. */
export const INK_CHROMA = 48;
/** A coloured mark this wide or high (inches) is a stamp or a signature, not a letter. */
export const BIG_MARK_INCHES = 0.4;

/** BT.601 luma of one RGB pixel. */
const luma = (r: number, g: number, b: number): number => (r * 77 + g * 150 + b * 29) >> 8;

export interface InkResult {
  /** 8-bit grey pixels, stamp and signature ink turned to paper. */
  grey: Uint8Array;
  /** Pixels dropped as stamp or signature ink. */
  dropped: number;
}

/**
 * RGBA (opaque canvas) → grey with red/blue stamp and signature ink removed.
 * `dpi` gives the size of a "large" mark.
 */
export function greyWithoutColourInk(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, dpi: number): InkResult {
  const n = width * height;
  const grey = new Uint8Array(n);
  const ink = new Uint8Array(n);
  let inkCount = 0;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const r = rgba[j] ?? 255;
    const g = rgba[j + 1] ?? 255;
    const b = rgba[j + 2] ?? 255;
    grey[i] = luma(r, g, b);
    const max = r > g ? (r > b ? r : b) : g > b ? g : b;
    const min = r < g ? (r < b ? r : b) : g < b ? g : b;
    // red, pink, violet or blue dominant, green the weakest or close to it
    if (max - min >= INK_CHROMA && max !== g && g - min < (max - min) / 2) {
      ink[i] = 1;
      inkCount++;
    }
  }
  if (inkCount === 0) return { grey, dropped: 0 };
  const big = Math.max(8, Math.round(BIG_MARK_INCHES * dpi));
  const margin = Math.round(dpi * 0.05);
  const frames = bigFrames(ink, width, height, big, margin);
  let dropped = 0;
  for (const [x0, y0, x1, y1] of frames) {
    for (let y = y0; y <= y1; y++) {
      for (let i = y * width + x0, end = y * width + x1; i <= end; i++) {
        if (ink[i] !== 1) continue;
        ink[i] = 2;
        const j = i * 4;
        // paper: the brightest channel, lifted halfway to white (keeps a smooth edge)
        const r = rgba[j]!;
        const g = rgba[j + 1]!;
        const b = rgba[j + 2]!;
        const max = r > g ? (r > b ? r : b) : g > b ? g : b;
        grey[i] = Math.max(grey[i]!, 255 - ((255 - max) >> 1));
        dropped++;
      }
    }
  }
  return { grey, dropped };
}

/** Frames [x0, y0, x1, y1] (inclusive, grown by margin) of the ink patches at least `big` pixels wide or high (8-connected). */
function bigFrames(ink: Uint8Array, width: number, height: number, big: number, margin: number): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  // 8 neighbours, and a one-pixel gap bridged sideways and down (JPEG breaks thin strokes)
  for (const { x0, y0, x1, y1 } of components(width, height, (i) => ink[i] === 1, BRIDGED).parts) {
    if (x1 - x0 + 1 >= big || y1 - y0 + 1 >= big) {
      out.push([Math.max(0, x0 - margin), Math.max(0, y0 - margin), Math.min(width - 1, x1 + margin), Math.min(height - 1, y1 + margin)]);
    }
  }
  return out;
}
