/**
 * The scale a page is recognised at: chosen from the page's own text, not a
 * fixed resolution. Tesseract's Thai model reads best when the letters are
 * a certain number of pixels high ({@link TARGET_TEXT_HEIGHT}); a page in
 * 10 pt type needs more pixels per inch than one in 16 pt, and rendering a
 * 150 dpi scan at 300 only invents pixels. So a page is rendered once at a
 * probe resolution, the height of its letters measured (the median height
 * of letter-sized connected components: for Thai, the consonant body), and
 * rendered again only when the resolution that gives the target height is
 * clearly different — never above what the page's own image holds (with a
 * little headroom) when it is a scan.
 */
import { FOUR, components } from './_components.js';
import type { GreyImage } from './types.js';

/** Consonant-body height (px) the Thai model reads best (measured: bench/RESULTS.md "Scans per quality"). */
export const TARGET_TEXT_HEIGHT = 13;
/** Resolution bounds for recognition. */
export const MIN_DPI = 100;
export const MAX_DPI = 300;
/**
 * The probe is kept while its letters are between TARGET / FINER_BELOW and
 * TARGET × COARSER_ABOVE px high (≈ 9.6–23 px): measured, 9–20 px read about
 * equally well; ~24 px (300 dpi) read worse (toolchain notes).
 */
const FINER_BELOW = 1.35;
const COARSER_ABOVE = 1.8;

/**
 * Median height (px) of the letter-sized dark connected components of a
 * grey page, or null when there are too few to say (a blank page, a photo).
 * Components are taken on the page binarised halfway between its paper and
 * its ink; rules, frames, specks and marks much smaller than a letter are
 * left out by their shape.
 */
export function textHeight(img: GreyImage): number | null {
  const { width, height, data } = img;
  const n = width * height;
  if (n === 0) return null;
  // paper and ink levels from the histogram
  const hist = new Uint32Array(256);
  for (let i = 0; i < n; i++) hist[data[i]!]!++;
  const level = (share: number): number => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hist[v]!;
      if (acc >= share * n) return v;
    }
    return 255;
  };
  const ink = level(0.01);
  const paper = level(0.6);
  if (paper - ink < 40) return null;
  const threshold = (ink + paper) >> 1;
  const heights: number[] = [];
  const maxSide = Math.max(8, Math.round(Math.min(width, height) / 8));
  for (const c of components(width, height, (i) => (data[i] as number) < threshold, FOUR).parts) {
    const w = c.x1 - c.x0 + 1;
    const h = c.y1 - c.y0 + 1;
    // a letter: not a speck, not a rule or a frame, not a blot
    if (h < 4 || w < 2 || h > maxSide || w > maxSide) continue;
    if (w > 2.5 * h || h > 3 * w) continue;
    if (c.pixels < 0.12 * w * h) continue;
    heights.push(h);
  }
  if (heights.length < 30) return null;
  heights.sort((a, b) => a - b);
  // the consonant bodies: the median of the components at least half the 90th percentile high (marks above and below are smaller)
  const p90 = heights[Math.floor(heights.length * 0.9)]!;
  const letters = heights.filter((h) => h >= p90 / 2);
  return letters[Math.floor(letters.length / 2)] ?? null;
}

/**
 * The resolution to recognise a page at, from the text height `h` measured
 * ({@link textHeight}) on a rendering at `probeDpi`, and the resolution of
 * the page's own image (null for a vector page: no upper bound but
 * {@link MAX_DPI}).
 */
export function chooseDpi(h: number | null, probeDpi: number, imageDpi: number | null): number {
  if (h === null || (h >= TARGET_TEXT_HEIGHT / FINER_BELOW && h <= TARGET_TEXT_HEIGHT * COARSER_ABOVE)) return probeDpi;
  let dpi = (probeDpi * TARGET_TEXT_HEIGHT) / h;
  // a scan holds no more than its own pixels: a little headroom (Tesseract likes letters not too thin), no more
  if (imageDpi !== null && imageDpi > 0) dpi = Math.min(dpi, Math.max(MIN_DPI, imageDpi * 1.25));
  dpi = Math.min(MAX_DPI, Math.max(MIN_DPI, dpi));
  return Math.round(dpi);
}
