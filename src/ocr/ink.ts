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
 * letter small, is kept and turned grey like everything else.
 *
 * Inside a mark's frame a coloured pixel is read through the ink, as a
 * colour dropout filter does: the ink's own colour channel (red for a red
 * stamp, blue for a blue signature) is barely darkened by the ink, so that
 * channel, against its level on the mark's plain ink, tells how dark the
 * paper under it is: plain ink over paper becomes paper, black text under
 * the ink stays dark. (Turning every coloured pixel to paper lost the text
 * under a stamp: a scan's blur and its JPEG's coarse colour tint the edges
 * of black letters under red ink, and a score "๙๔.๙๔" under a stamp came
 * out as thin grey strokes, read "«๕.๙๕".) Weakly coloured pixels inside
 * the frame as light as the plain ink (a mark's blurred edge, ink thinly
 * laid) become paper too, so no grey outline of the mark is left; darker
 * ones (a black letter's tinted edge) are left as they are.
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
  const hist = new Uint32Array(256);
  let inkCount = 0;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const r = rgba[j] ?? 255;
    const g = rgba[j + 1] ?? 255;
    const b = rgba[j + 2] ?? 255;
    const v = luma(r, g, b);
    grey[i] = v;
    if ((i & 15) === 0) hist[v]!++;
    if (inkHue(r, g, b, INK_CHROMA)) {
      ink[i] = 1;
      inkCount++;
    }
  }
  if (inkCount === 0) return { grey, dropped: 0 };
  const paper = median(hist);
  const big = Math.max(8, Math.round(BIG_MARK_INCHES * dpi));
  const margin = Math.round(dpi * 0.05);
  let dropped = 0;
  for (const [x0, y0, x1, y1] of bigFrames(ink, width, height, big, margin)) {
    // the mark's plain ink: the median of its coloured pixels' own channel, red and blue inks apart (a
    // signature over a stamp)
    const own = [new Uint32Array(256), new Uint32Array(256)];
    for (let y = y0; y <= y1; y++) {
      for (let i = y * width + x0, end = y * width + x1; i <= end; i++) if (ink[i] === 1) own[redInk(rgba, i * 4)]![maxChannel(rgba, i * 4)]!++;
    }
    const plain = own.map((h) => Math.max(1, median(h)));
    for (let y = y0; y <= y1; y++) {
      for (let i = y * width + x0, end = y * width + x1; i <= end; i++) {
        const j = i * 4;
        if (ink[i] === 2 || !(ink[i] === 1 || inkHue(rgba[j]!, rgba[j + 1]!, rgba[j + 2]!, WEAK_CHROMA))) continue;
        const own = maxChannel(rgba, j);
        const base = plain[redInk(rgba, j)]!;
        // weakly coloured: only the ink's light edge (the edges of black letters the scan tinted stay as they are)
        if (ink[i] !== 1 && own < 0.85 * base) continue;
        ink[i] = 2;
        // what is under the ink: its own channel against the plain ink's, on the page's paper
        const through = Math.min(paper, Math.round((paper * own) / base));
        if (through > grey[i]!) grey[i] = through;
        dropped++;
      }
    }
  }
  return { grey, dropped };
}

/** Chroma from which a pixel inside a mark's frame is read through the mark's ink (its edges, ink thinly laid). */
const WEAK_CHROMA = 20;

/** Red, pink, violet or blue dominant (green the weakest or close to it), with at least this chroma (max − min channel). */
function inkHue(r: number, g: number, b: number, chroma: number): boolean {
  const max = r > g ? (r > b ? r : b) : g > b ? g : b;
  const min = r < g ? (r < b ? r : b) : g < b ? g : b;
  return max - min >= chroma && max !== g && g - min < (max - min) / 2;
}

/** 1 when the red channel is the brightest (red, pink ink), 0 when the blue one is (blue, violet). */
function redInk(rgba: Uint8ClampedArray | Uint8Array, j: number): number {
  return rgba[j]! >= rgba[j + 2]! ? 1 : 0;
}

function maxChannel(rgba: Uint8ClampedArray | Uint8Array, j: number): number {
  const r = rgba[j]!;
  const g = rgba[j + 1]!;
  const b = rgba[j + 2]!;
  return r > g ? (r > b ? r : b) : g > b ? g : b;
}

/** The median of a histogram (0 when empty). */
function median(hist: Uint32Array): number {
  let total = 0;
  for (const c of hist) total += c;
  let acc = 0;
  for (let v = 0; v < hist.length; v++) {
    acc += hist[v]!;
    if (acc * 2 >= total && total > 0) return v;
  }
  return 0;
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
