/**
 * Ruling lines of a page image (table borders), for OCR'd tables.
 *
 * Coordinates are "deskewed": x' = x + s·y, y' = y − s·x for the page's
 * skew s, so a rule drawn on a tilted scan is (nearly) an exact vertical or
 * horizontal line here. What a scan does to a rule, and how it is met:
 *
 * - Pieces: along each deskewed row (column), runs of ink with gaps of at
 *   most two pixels (noise, JPEG), at least 2.5 H long (no letter stroke is
 *   that long; H is the text's base height), and thin: on 60 % of the run
 *   the pixels 0.2 H and 0.35 H above and below are light (a run along the
 *   tops of a line of letters has their strokes below it), or the other
 *   line of a double rule (cells boxed apart, a web table's cellspacing).
 * - Lines: pieces chained along their direction. A piece joins a line when
 *   it lies within 2 px of the line's nearest end (so a rule still tilted
 *   after deskewing, drifting a pixel every few hundred, stays one line),
 *   across a gap of up to 10 H (a rule broken by the scan, or erased under a
 *   stamp; wider breaks, a stamp's width, are mended in rule-breaks.ts); pieces too short to start a line extend one only within its
 *   length or half a letter past its ends (further off they are letter
 *   stems in line with the rule). A line is kept when at least 40 % of its
 *   length is ink; its tilt is fitted to its centre line (the mean position
 *   of its pieces at each point along it: a thick rule's parallel pieces
 *   give its middle, not a tilt).
 * - Skew: {@link measureSkew} fits the long horizontal lines found without
 *   deskewing (pieces are then short stair steps, chained all the same).
 */
import { mendBreaks } from './rule-breaks.js';
import type { GreyImage } from './types.js';

export interface RuleLine {
  /** Position across the line: y of a horizontal rule, x of a vertical one (mean over its length). */
  pos: number;
  /** Extent along the line. */
  a: number;
  b: number;
  /** Change of pos per pixel along the line (what deskewing left). */
  slope: number;
  /** The inked stretches along the line, sorted, disjoint. */
  spans: Array<[number, number]>;
}

export interface Rules {
  vertical: RuleLine[];
  horizontal: RuleLine[];
}

interface Piece {
  pos: number;
  a: number;
  b: number;
}

/** Grey level under which a pixel counts as ink for rules: below the page's background, at most 200 (rules are thin and often grey after scanning). */
export function inkLevel(img: GreyImage): number {
  return Math.max(60, Math.min(200, backgroundLevel(img) - 30));
}

/** The page's background grey: the median of a sample of (about) `samples` of its pixels. */
export function backgroundLevel(img: GreyImage, samples = 50_000): number {
  const step = Math.max(1, Math.floor(img.data.length / samples));
  const hist = new Uint32Array(256);
  let n = 0;
  for (let i = 0; i < img.data.length; i += step, n++) hist[img.data[i] ?? 255]!++;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= n / 2) return v;
  }
  return 255;
}

/**
 * Ink for rules of one direction, in deskewed coordinates, same size: bit
 * (X, Y) is set when the pixel (X − s·Y, Y + s·X) of the image is dark, or
 * is on a faint line across the rule's direction: 12 levels under the
 * background and 12 darker than the pixels 3 px to either side across it,
 * each level the mean of three pixels along the rule (so noise does not
 * pass). A thin rule blurred by the scan, or scanned at 200 dpi and read at
 * 150, is light grey (220–230 on white paper).
 */
function deskewedInk(img: GreyImage, skew: number, dark: number, horizontal: boolean): Uint8Array {
  const { width: w, height: h, data } = img;
  const faint = Math.min(250, Math.max(dark + 18, backgroundLevel(img) - 12));
  const step = horizontal ? 3 * w : 3;
  const along = horizontal ? 1 : w;
  const out = new Uint8Array(w * h);
  // x = round(X − s·Y) = X + round(−s·Y) and y = round(Y + s·X) = Y + round(s·X) for whole X, Y:
  // the shifts of each row and column once, not a rounding per pixel
  const dx = new Int32Array(h);
  for (let Y = 0; Y < h; Y++) dx[Y] = Math.round(-skew * Y);
  const dy = new Int32Array(w);
  for (let X = 0; X < w; X++) dy[X] = Math.round(skew * X);
  const lowFaint = faint + 6;
  const sumFaint = 3 * faint;
  for (let Y = 0; Y < h; Y++) {
    const sx = dx[Y] as number;
    // X with 3 ≤ X + sx < w − 3
    const X0 = Math.max(0, 3 - sx);
    const X1 = Math.min(w, w - 3 - sx);
    const o = Y * w;
    for (let X = X0; X < X1; X++) {
      const y = Y + (dy[X] as number);
      if (y < 3 || y >= h - 3) continue;
      const i = y * w + X + sx;
      const v = data[i] as number;
      if (v < dark) out[o + X] = 1;
      else if (v < lowFaint) {
        const m = (data[i - along] as number) + v + (data[i + along] as number);
        if (m >= sumFaint) continue;
        const j = i - step;
        const k = i + step;
        if (m + 36 <= (data[j - along] as number) + (data[j] as number) + (data[j + along] as number) && m + 36 <= (data[k - along] as number) + (data[k] as number) + (data[k + along] as number)) out[o + X] = 1;
      }
    }
  }
  return out;
}

/** Thin ink runs along rows (horizontal) or columns (vertical) of the ink map. */
function pieces(ink: Uint8Array, w: number, h: number, horizontal: boolean, minLen: number, H: number): Piece[] {
  const count = horizontal ? h : w;
  const length = horizontal ? w : h;
  // index of (p, t): p across the runs, t along them
  const across = horizontal ? w : 1;
  const along = horizontal ? 1 : w;
  const near = Math.max(3, Math.round(0.2 * H));
  const far = Math.max(near + 1, Math.round(0.35 * H));
  const light = (p: number, t: number): boolean => p < 0 || p >= count || ink[p * across + t * along] === 0;
  // or the other line of a double rule (cells with borders of their own, a web table's cellspacing): ink running
  // along, unbroken for 13 px, where a letter's stroke would cross
  const inkAt = (p: number, t: number): boolean => t >= 0 && t < length && ink[p * across + t * along] !== 0;
  const ruleAt = (p: number, t: number): boolean => {
    if (p < 0 || p >= count) return false;
    for (let d = -6; d <= 6; d += 2) if (!inkAt(p, t + d)) return false;
    return true;
  };
  const clear = (p: number, t: number): boolean => light(p, t) || ruleAt(p, t);
  const out: Piece[] = [];
  const keep = (p: number, a: number, b: number): void => {
    if (b - a + 1 < minLen) return;
    // thin: light near and further off on both sides, on most of the run
    let thin = 0;
    let n = 0;
    const o = p * across;
    for (let t = a; t <= b; t += 2) {
      if (ink[o + t * along] === 0) continue;
      n++;
      if (clear(p - near, t) && clear(p + near, t) && clear(p - far, t) && clear(p + far, t)) thin++;
    }
    if (n > 0 && thin >= 0.6 * n) out.push({ pos: p, a, b });
  };
  if (horizontal) {
    for (let p = 0; p < count; p++) {
      const o = p * w;
      let start = -1;
      let last = -1;
      for (let t = 0; t < length; t++) {
        if (ink[o + t] === 0) continue;
        if (start < 0 || t - last - 1 > 2) {
          if (start >= 0) keep(p, start, last);
          start = t;
        }
        last = t;
      }
      if (start >= 0) keep(p, start, last);
    }
    return out;
  }
  // columns: every column's run followed at once, row by row (the map is stored by rows)
  const start = new Int32Array(w).fill(-1);
  const last = new Int32Array(w).fill(-1);
  for (let t = 0; t < h; t++) {
    const o = t * w;
    for (let p = 0; p < w; p++) {
      if (ink[o + p] === 0) continue;
      const s = start[p] as number;
      const l = last[p] as number;
      if (s < 0 || t - l - 1 > 2) {
        if (s >= 0) keep(p, s, l);
        start[p] = t;
      }
      last[p] = t;
    }
  }
  for (let p = 0; p < w; p++) if ((start[p] as number) >= 0) keep(p, start[p] as number, last[p] as number);
  return out;
}

interface Chain {
  pieces: Piece[];
  a: number;
  b: number;
  /** pos of the piece reaching furthest along. */
  endPos: number;
}

/** Pieces → lines (see the module comment); pieces shorter than `seed` only extend lines of longer ones. */
function chain(ps: Piece[], H: number, minLen: number, seed: number): RuleLine[] {
  ps.sort((p, q) => p.a - q.a || p.pos - q.pos);
  const bridge = 10 * H;
  const chains: Chain[] = [];
  const short: Piece[] = [];
  for (const p of ps) {
    if (p.b - p.a + 1 < seed) {
      short.push(p);
      continue;
    }
    let best: Chain | null = null;
    let bestD = 2.01;
    for (const c of chains) {
      if (p.a > c.b + bridge) continue;
      const d = Math.abs(c.endPos - p.pos);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    if (best) {
      best.pieces.push(p);
      if (p.b >= best.b) {
        best.b = p.b;
        best.endPos = p.pos;
      }
    } else {
      chains.push({ pieces: [p], a: p.a, b: p.b, endPos: p.pos });
    }
  }
  // short pieces (a rule where letters touch it, or broken by noise) on a line's course extend it;
  // past the line's end only across a gap of less than half a letter: further off, a short piece is
  // a letter's stem in line with the rule (the first letter of a note row under a column rule)
  const reach = 0.5 * H;
  for (const p of short) {
    for (const c of chains) {
      if (p.b < c.a - reach || p.a > c.b + reach) continue;
      const q = c.pieces.reduce((m, x) => (Math.abs(x.a + x.b - p.a - p.b) < Math.abs(m.a + m.b - p.a - p.b) ? x : m));
      if (Math.abs(q.pos - p.pos) > 1.5) continue;
      c.pieces.push(p);
      c.a = Math.min(c.a, p.a);
      c.b = Math.max(c.b, p.b);
      break;
    }
  }
  const out: RuleLine[] = [];
  for (const c of chains) {
    if (c.b - c.a + 1 < minLen) continue;
    const spans = union(c.pieces.map((p) => [p.a, p.b] as [number, number]));
    const inked = spans.reduce((s, [a, b]) => s + b - a + 1, 0);
    if (inked < 0.4 * (c.b - c.a + 1)) continue;
    // least squares of the rule's centre line: at points along it, the mean pos of the pieces there
    // (a rule two or three pixels thick gives parallel pieces over the same stretch: they say where
    // its middle is, not how it tilts; fitted by their middles, two such pieces ending a pixel apart
    // made a short rule lean by 0.6, and its boundary was then lost from the grid)
    let sw = 0;
    let st = 0;
    let sp = 0;
    let stt = 0;
    let stp = 0;
    const step = Math.max(1, Math.floor((c.b - c.a) / 256));
    for (let t = c.a; t <= c.b; t += step) {
      let n = 0;
      let sum = 0;
      for (const p of c.pieces) {
        if (p.a <= t && p.b >= t) {
          n++;
          sum += p.pos;
        }
      }
      if (n === 0) continue;
      const pos = sum / n;
      sw += 1;
      st += t;
      sp += pos;
      stt += t * t;
      stp += t * pos;
    }
    const den = sw * stt - st * st;
    const slope = den > 1e-9 ? (sw * stp - st * sp) / den : 0;
    out.push({ pos: sp / sw, a: c.a, b: c.b, slope, spans });
  }
  return out;
}

/** Intervals merged where they overlap or touch within 2 px. */
function union(iv: Array<[number, number]>): Array<[number, number]> {
  iv.sort((p, q) => p[0] - q[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of iv) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 2) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Ruling lines of the page, in deskewed coordinates; H is the text's base height in pixels. A rule a stamp or
 * a signature broke is mended (rule-breaks.ts).
 */
export function findRules(img: GreyImage, skew: number, H: number, dark = inkLevel(img)): Rules {
  const { width: w, height: h } = img;
  if (H <= 0 || w < 10 || h < 10) return { vertical: [], horizontal: [] };
  const seed = Math.max(12, 2.5 * H);
  const minPiece = Math.max(5, 0.6 * H);
  const minH = Math.max(40, 4 * H);
  const minV = Math.max(20, 2.5 * H);
  // lines down to a seed's length, so that the rest of a rule a stamp broke can be joined to it (rule-breaks.ts)
  const hAll = chain(pieces(deskewedInk(img, skew, dark, true), w, h, true, minPiece, H), H, Math.min(minH, seed), seed);
  const vAll = chain(pieces(deskewedInk(img, skew, dark, false), w, h, false, minPiece, H), H, Math.min(minV, seed), seed);
  const long = (min: number) => (l: RuleLine) => l.b - l.a + 1 >= min;
  const horizontal = mendBreaks(hAll, vAll.filter(long(minV)), H).filter(long(minH));
  const vertical = mendBreaks(vAll, hAll.filter(long(minH)), H).filter(long(minV));
  return { vertical, horizontal };
}

/**
 * The page's skew (dy/dx) from its long horizontal rules, null when it has
 * none: rules found without deskewing, the length-weighted median of their
 * slopes.
 */
export function measureSkew(img: GreyImage, H: number, dark = inkLevel(img)): number | null {
  const { width: w, height: h } = img;
  if (H <= 0 || w < 10 || h < 10) return null;
  const ink = deskewedInk(img, 0, dark, true);
  // a rule tilted by 1° steps a row every ~57 px: short pieces
  const lines = chain(pieces(ink, w, h, true, Math.max(10, 1.5 * H), H), H, 15 * H, Math.max(10, 1.5 * H)).filter((l) => Math.abs(l.slope) < 0.05);
  if (lines.length === 0) return null;
  const ws = lines.map((l) => ({ s: l.slope, w: l.b - l.a })).sort((p, q) => p.s - q.s);
  const total = ws.reduce((s, x) => s + x.w, 0);
  let acc = 0;
  for (const x of ws) {
    acc += x.w;
    if (acc >= total / 2) return x.s;
  }
  return ws[ws.length - 1]?.s ?? null;
}

/** How much of [from, to] the line's ink covers (0–1). */
export function coverage(l: RuleLine, from: number, to: number): number {
  if (to <= from) return 0;
  let n = 0;
  for (const [a, b] of l.spans) n += Math.max(0, Math.min(b + 1, to) - Math.max(a, from));
  return n / (to - from);
}
