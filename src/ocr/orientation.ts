/**
 * Which way up a page image is, from its ink alone, before any recognition:
 * one full OCR pass in the right orientation instead of one per guess.
 *
 * 1. Lines run across or down the page. In a tile of the page (an inch and
 *    a half square: a few lines of one column or one table cell, little
 *    affected by skew) the ink profile across the lines has gaps (between
 *    the lines) and the profile along them has next to none; each tile
 *    with enough ink votes, and a clear majority decides. Ruling (ink in a
 *    long straight run) is left out: a table's rules would fill the gaps.
 * 2. With the lines across, which side is up: in Thai (and Latin) print
 *    far more ink stands above a line's core — the band where every
 *    consonant sits — than hangs below it (upper vowels and tone marks,
 *    capitals and ascenders against the few lower vowels and descenders).
 *    Each line's core is its rows of densest ink; the ink in a core-high
 *    band above it is compared with the band below, summed over the page.
 *
 * Either test abstains (confident: false) when the page has too little
 * text or the evidence is weak; the caller then falls back to reading.
 */
import type { GreyImage } from './types.js';

export interface PageOrientation {
  /** Which way the text lines run: across the page, down it (the page lies on its side), or unknown. */
  direction: 'across' | 'down' | null;
  /**
   * With the lines across (a page on its side turned a quarter clockwise):
   * whether the glyphs stand up ("up") or hang down (upside down); null when
   * the ink does not tell with a margin.
   */
  side: 'up' | 'down' | null;
  /** Tiles voting for lines across against tiles voting for lines down (+1 each). */
  across: number;
  /** Ink above the lines' cores against below (> 1: upright). */
  up: number;
}

/** Ink threshold on 8-bit grey. */
const DARK = 128;

/**
 * Ink that may be text: dark cells (1s of `img`) not in a horizontal or
 * vertical run longer than `maxRun` (ruling, borders, black margins), as 1s.
 */
function textMask(img: GreyImage, maxRun: number): Uint8Array {
  const { width: w, height: h } = img;
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = img.data[i] ?? 0;
  // horizontal runs
  for (let y = 0; y < h; y++) {
    const o = y * w;
    for (let x = 0; x < w; ) {
      if (mask[o + x] === 0) {
        x++;
        continue;
      }
      let e = x;
      while (e < w && mask[o + e] !== 0) e++;
      if (e - x > maxRun) mask.fill(2, o + x, o + e);
      x = e;
    }
  }
  // vertical runs (of ink, whether or not in a long horizontal run)
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; ) {
      if (mask[y * w + x] === 0) {
        y++;
        continue;
      }
      let e = y;
      while (e < h && mask[e * w + x] !== 0) e++;
      if (e - y > maxRun) for (let k = y; k < e; k++) mask[k * w + x] = 2;
      y = e;
    }
  }
  for (let i = 0; i < mask.length; i++) if (mask[i] === 2) mask[i] = 0;
  return mask;
}

/** Text ink of each row of the box x0…x1−1 × y0…y1−1 (index 0 = row y0). */
function rowProfile(mask: Uint8Array, w: number, x0: number, x1: number, y0: number, y1: number): Float64Array {
  const rows = new Float64Array(y1 - y0);
  for (let y = y0; y < y1; y++) {
    let n = 0;
    for (let x = x0, o = y * w; x < x1; x++) n += mask[o + x] ?? 0;
    rows[y - y0] = n;
  }
  return rows;
}

/** Text ink of each column of the box (index 0 = column x0). */
function columnProfile(mask: Uint8Array, w: number, x0: number, x1: number, y0: number, y1: number): Float64Array {
  const cols = new Float64Array(x1 - x0);
  for (let y = y0; y < y1; y++) for (let x = x0, o = y * w; x < x1; x++) cols[x - x0] = (cols[x - x0] ?? 0) + (mask[o + x] ?? 0);
  return cols;
}

/**
 * Share of a profile's positions, between its first and last ink, that are
 * (nearly) empty: the gaps between lines, across them; along the lines,
 * only the spaces between words.
 */
function gapShare(p: Float64Array): number {
  const sorted = [...p].filter((v) => v > 0).sort((a, b) => a - b);
  const level = sorted[Math.floor(sorted.length * 0.75)] ?? 0;
  if (level <= 0) return 0;
  const low = level * 0.1;
  let first = 0;
  while (first < p.length && (p[first] ?? 0) <= low) first++;
  let last = p.length - 1;
  while (last > first && (p[last] ?? 0) <= low) last--;
  if (last <= first) return 0;
  let gaps = 0;
  for (let i = first; i <= last; i++) if ((p[i] ?? 0) <= low) gaps++;
  return gaps / (last - first + 1);
}

/** Tiles whose lines run across, and down: each tile with ink enough for two lines or so votes when its gaps say so clearly. */
function tileVotes(mask: Uint8Array, w: number, h: number, tile: number): { across: number; down: number } {
  let across = 0;
  let down = 0;
  const minInk = (tile * tile) / 100;
  // overlapping tiles (half a tile apart): where the tiles fall matters less
  const step = Math.max(1, Math.floor(tile / 2));
  for (let y0 = 0; y0 + step <= h; y0 += step) {
    for (let x0 = 0; x0 + step <= w; x0 += step) {
      const x1 = Math.min(w, x0 + tile);
      const y1 = Math.min(h, y0 + tile);
      const rows = rowProfile(mask, w, x0, x1, y0, y1);
      if (rows.reduce((a, b) => a + b, 0) < minInk) continue;
      const r = gapShare(rows);
      const c = gapShare(columnProfile(mask, w, x0, x1, y0, y1));
      if (r > 0.1 && r > 2 * c) across++;
      else if (c > 0.1 && c > 2 * r) down++;
    }
  }
  return { across, down };
}

/**
 * Above/below ratio of ink around the cores of the lines of a row profile
 * (lines across the rows). > 1: more ink above the cores (upright).
 */
function upness(rows: Float64Array): { above: number; below: number; lines: number } {
  const n = rows.length;
  // lines: maximal runs of rows above a small share of the profile's high level
  const sorted = [...rows].filter((v) => v > 0).sort((a, b) => a - b);
  const high = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  if (high <= 0) return { above: 0, below: 0, lines: 0 };
  const floor = high * 0.25;
  let above = 0;
  let below = 0;
  let lines = 0;
  let y = 0;
  // peaks: rows at least half the high level, grouped; each group is a core
  const cores: Array<[number, number, number]> = []; // [top, bottom, peak]
  while (y < n) {
    if ((rows[y] ?? 0) < floor) {
      y++;
      continue;
    }
    let e = y;
    let peak = 0;
    while (e < n && (rows[e] ?? 0) >= floor) peak = Math.max(peak, rows[e++] ?? 0);
    // the core of this line: rows at ≥ 60 % of its peak, from the first to the last
    let t = y;
    while (t < e && (rows[t] ?? 0) < 0.6 * peak) t++;
    let b = e - 1;
    while (b > t && (rows[b] ?? 0) < 0.6 * peak) b--;
    cores.push([t, b, peak]);
    y = e;
  }
  for (let i = 0; i < cores.length; i++) {
    const [t, b] = cores[i] as [number, number, number];
    const hgt = b - t + 1;
    if (hgt < 3) continue; // a rule's remnant, a speck
    const prevBottom = i > 0 ? (cores[i - 1] as [number, number, number])[1] : -1;
    const nextTop = i + 1 < cores.length ? (cores[i + 1] as [number, number, number])[0] : n;
    // bands a core high on each side, at most half way to the neighbouring core
    const up0 = Math.max(t - hgt, Math.ceil((prevBottom + t) / 2));
    const dn1 = Math.min(b + hgt, Math.floor((b + nextTop) / 2));
    let a = 0;
    let d = 0;
    for (let r = up0; r < t; r++) a += rows[r] ?? 0;
    for (let r = b + 1; r <= dn1; r++) d += rows[r] ?? 0;
    above += a;
    below += d;
    lines++;
  }
  return { above, below, lines };
}

/** Lines across when this many times as many tiles say so as say down (and the other way round). */
const ACROSS = 2;
/** Fewer voting tiles than this: no opinion. */
const MIN_TILES = 3;
/** Ink above the cores against below, for upright (and its inverse for upside down). */
const UP = 1.5;
/** Fewer text lines than this: no opinion on which side is up. */
const MIN_LINES = 3;

/**
 * Ink above against below the lines' cores of an image whose lines run
 * across, over vertical strips narrow enough that a slight skew does not
 * smear a line's profile.
 */
function stripUpness(mask: Uint8Array, w: number, h: number, strip: number): { ratio: number; lines: number } {
  let above = 0;
  let below = 0;
  let lines = 0;
  for (let x0 = 0; x0 < w; x0 += strip) {
    const u = upness(rowProfile(mask, w, x0, Math.min(w, x0 + strip), 0, h));
    above += u.above;
    below += u.below;
    lines += u.lines;
  }
  return { ratio: (above + 1) / (below + 1), lines };
}

/**
 * The dark pixels of `img` on a grid `f` times coarser (a cell is dark when
 * any of its pixels is: thin strokes survive), as 1s: the tests need about
 * 75 dpi, and a quarter of the pixels costs a quarter of the time.
 */
function darkCells(img: GreyImage, f: number): GreyImage {
  const w = Math.ceil(img.width / f);
  const h = Math.ceil(img.height / f);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < img.height; y++) {
    const o = y * img.width;
    const r = Math.floor(y / f) * w;
    for (let x = 0; x < img.width; x++) if ((img.data[o + x] ?? 255) < DARK) data[r + Math.floor(x / f)] = 1;
  }
  return { width: w, height: h, data };
}

/** Which way up `img` is (rendered at `dpi`); see the module comment. */
export function pageOrientation(page: GreyImage, pageDpi = 150): PageOrientation {
  const f = Math.max(1, Math.floor(pageDpi / 75));
  const img = darkCells(page, f);
  const dpi = pageDpi / f;
  const maxRun = Math.max(6, Math.round(dpi / 4)); // longer than any glyph stroke at text sizes: ruling
  const tile = Math.max(24, Math.round(dpi * 1.5));
  const mask = textMask(img, maxRun);
  const v = tileVotes(mask, img.width, img.height, tile);
  const across = (v.across + 1) / (v.down + 1);
  let direction: PageOrientation['direction'] = null;
  if (v.across >= MIN_TILES && v.across >= ACROSS * v.down) direction = 'across';
  else if (v.down >= MIN_TILES && v.down >= ACROSS * v.across) direction = 'down';
  if (direction === null) return { direction, side: null, across, up: 1 };
  // lines down the page: look at it turned a quarter clockwise, lines across
  const u = direction === 'down' ? stripUpness(rotateMask(mask, img.width, img.height), img.height, img.width, tile) : stripUpness(mask, img.width, img.height, tile);
  const side = u.lines < MIN_LINES ? null : u.ratio > UP ? 'up' : u.ratio < 1 / UP ? 'down' : null;
  return { direction, side, across, up: u.ratio };
}

/** A w×h mask turned a quarter clockwise (h×w). */
function rotateMask(mask: Uint8Array, w: number, h: number): Uint8Array {
  return rotateGrey({ width: w, height: h, data: mask }, 90).data;
}

/** The image turned clockwise by 90, 180 or 270 degrees. */
export function rotateGrey<T extends GreyImage>(img: T, degrees: 90 | 180 | 270): T {
  const { width: w, height: h, data } = img;
  const turned = degrees !== 180;
  const W = turned ? h : w;
  const H = turned ? w : h;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x] ?? 255;
      let X: number;
      let Y: number;
      if (degrees === 90) {
        X = h - 1 - y;
        Y = x;
      } else if (degrees === 270) {
        X = y;
        Y = w - 1 - x;
      } else {
        X = w - 1 - x;
        Y = h - 1 - y;
      }
      out[Y * W + X] = v;
    }
  }
  return { ...img, width: W, height: H, data: out };
}
