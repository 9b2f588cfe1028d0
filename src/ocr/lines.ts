/**
 * OCR words → text lines: the scale, debris, skew and line stages of the
 * layout (see layout.ts for the whole).
 */
import { normalizeThai } from '../thai/normalize.js';
import type { OcrWord } from './types.js';

/* ------------------------------------------------------------------------ */
/* Types                                                                     */
/* ------------------------------------------------------------------------ */

/** A word after deskewing, with its place in the reading order. */
export interface LayoutWord {
  w: OcrWord;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Holds a letter or digit (not only marks or punctuation). */
  base: boolean;
}

export interface LayoutLine {
  words: LayoutWord[];
  x0: number;
  x1: number;
  /** Median top and bottom of the base words: the body of the line. */
  top: number;
  bottom: number;
  /** (top + bottom) / 2 */
  yc: number;
  text: string;
}


/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

export const BASE_CHAR = /[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46\u0e4f-\u0e5bA-Za-z0-9]/;
export const ONLY_MARKS = /^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+$/;
export const RULE_CHARS = /^[|¦‖]+$/;

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Median height of words holding a base character; 0 when there are none. */
export function baseHeight(words: readonly OcrWord[]): number {
  return median(words.filter((w) => BASE_CHAR.test(w.text)).map((w) => w.bbox.y1 - w.bbox.y0));
}

/* ------------------------------------------------------------------------ */
/* 2. Debris                                                                 */
/* ------------------------------------------------------------------------ */

/** Words that are text (debris lines, rules and frames removed). */
export function dropDebris(words: readonly OcrWord[], H: number): OcrWord[] {
  const byLine = new Map<number, OcrWord[]>();
  for (const w of words) {
    if (w.line === null) continue;
    const list = byLine.get(w.line);
    if (list) list.push(w);
    else byLine.set(w.line, [w]);
  }
  const debris = new Set<number>();
  for (const [id, ws] of byLine) {
    const h = median(ws.map((w) => w.bbox.y1 - w.bbox.y0));
    const conf = mean(ws.map((w) => w.confidence));
    const thaiBases = ws.filter((w) => /[\u0e01-\u0e2e]/.test(w.text)).length;
    const x0 = Math.min(...ws.map((w) => w.bbox.x0));
    const x1 = Math.max(...ws.map((w) => w.bbox.x1));
    // words per H of width: ~1.1 on a Thai line, ~0.2 on a line of stray marks
    const density = ws.length / ((x1 - x0) / H + 1);
    const small = h < 0.62 * H;
    if (
      conf < 35 ||
      (small && (conf < 80 || density < 0.4 || thaiBases < ws.length / 2)) ||
      (conf < 70 && density < 0.4)
    ) {
      debris.add(id);
    }
  }
  const ghosts = ghostRepeats(byLine);
  return words.filter((w) => {
    if (ghosts.has(w)) return false;
    if (w.line !== null && debris.has(w.line)) return false;
    if (RULE_CHARS.test(w.text)) return false;
    const h = w.bbox.y1 - w.bbox.y0;
    if (h > 3.5 * H && !BASE_CHAR.test(w.text.replace(/[|\[\](){}]/g, ''))) return false;
    if (w.line === null && h < 0.45 * H && !ONLY_MARKS.test(w.text) && w.confidence < 60) return false;
    return true;
  });
}

/**
 * A character Tesseract's LSTM wrote twice: the same text as the word beside
 * it on its line, in a sliver of a box (at most half the other's width)
 * touching or overlapping it, with clearly less confidence ("๑ - ๒ ๒" for
 * "๑-๒", the first ๒ 4 px wide at confidence 59 against 12 px at 95). A
 * real repeated character ("๒๒", "ญญ") has two boxes of a glyph's width.
 */
function ghostRepeats(byLine: ReadonlyMap<number, OcrWord[]>): Set<OcrWord> {
  const out = new Set<OcrWord>();
  for (const ws of byLine.values()) {
    const sorted = [...ws].sort((a, b) => a.bbox.x0 - b.bbox.x0);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const a = sorted[i] as OcrWord;
      const b = sorted[i + 1] as OcrWord;
      if (a.text !== b.text || b.bbox.x0 - a.bbox.x1 > 1) continue;
      const wa = a.bbox.x1 - a.bbox.x0;
      const wb = b.bbox.x1 - b.bbox.x0;
      const [thin, full] = wa <= wb ? [a, b] : [b, a];
      if (Math.min(wa, wb) <= 0.5 * Math.max(wa, wb) && thin.confidence <= full.confidence - 20) out.add(thin);
    }
  }
  return out;
}

/* ------------------------------------------------------------------------ */
/* 3. Skew                                                                   */
/* ------------------------------------------------------------------------ */

/** Median slope (dy/dx) of the bottoms of base words along long Tesseract lines. */
export function estimateSkew(words: readonly OcrWord[], H: number): number {
  const byLine = new Map<number, OcrWord[]>();
  for (const w of words) {
    if (w.line === null || !BASE_CHAR.test(w.text) || ONLY_MARKS.test(w.text)) continue;
    const list = byLine.get(w.line);
    if (list) list.push(w);
    else byLine.set(w.line, [w]);
  }
  const slopes: number[] = [];
  for (const ws of byLine.values()) {
    if (ws.length < 8) continue;
    const xs = ws.map((w) => (w.bbox.x0 + w.bbox.x1) / 2);
    const ys = ws.map((w) => w.bbox.y1);
    const span = Math.max(...xs) - Math.min(...xs);
    if (span < 15 * H) continue;
    // Theil–Sen on a sample of pairs: robust to descenders (ป ฐ ญ) and marks
    const n = xs.length;
    const pairSlopes: number[] = [];
    const step = Math.max(1, Math.floor(n / 40));
    for (let i = 0; i < n; i += step) {
      for (let j = i + step; j < n; j += step) {
        const dx = (xs[j] as number) - (xs[i] as number);
        if (Math.abs(dx) > 4 * H) pairSlopes.push(((ys[j] as number) - (ys[i] as number)) / dx);
      }
    }
    if (pairSlopes.length > 0) slopes.push(median(pairSlopes));
  }
  const s = median(slopes);
  return Math.abs(s) < 0.1 ? s : 0;
}

export function deskew(words: readonly OcrWord[], s: number): LayoutWord[] {
  return words.map((w) => {
    const cx = (w.bbox.x0 + w.bbox.x1) / 2;
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    // rotate by −atan(s) (small angle): x' = x + s·y, y' = y − s·x
    const dx = s * cy;
    const dy = -s * cx;
    return {
      w,
      x0: w.bbox.x0 + dx,
      x1: w.bbox.x1 + dx,
      y0: w.bbox.y0 + dy,
      y1: w.bbox.y1 + dy,
      base: BASE_CHAR.test(w.text) && !ONLY_MARKS.test(w.text),
    };
  });
}

/* ------------------------------------------------------------------------ */
/* 4. Lines                                                                  */
/* ------------------------------------------------------------------------ */

export function makeLine(words: LayoutWord[], H: number): LayoutLine {
  words.sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0);
  const bases = words.filter((w) => w.base);
  const src = bases.length > 0 ? bases : words;
  const top = median(src.map((w) => w.y0));
  const bottom = median(src.map((w) => w.y1));
  return {
    words,
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    top,
    bottom,
    yc: (top + bottom) / 2,
    text: wordsText(words, H),
  };
}

/** Words of one line (x order) → normalised text; spaces from Tesseract or from wide gaps. */
export function wordsText(words: readonly LayoutWord[], H: number): string {
  let s = '';
  let prevX1 = Number.NEGATIVE_INFINITY;
  for (const lw of words) {
    const t = lw.w.text;
    if (s !== '' && !/^[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]/.test(t)) {
      const gap = lw.x0 - prevX1;
      if (lw.w.spaceBefore || gap > 0.6 * H) s += ' ';
    }
    s += t;
    prevX1 = Math.max(prevX1, lw.x1);
  }
  return normalizeThai(s).trim();
}

export function groupLines(words: LayoutWord[], H: number): LayoutLine[] {
  const byId = new Map<number, LayoutWord[]>();
  const loose: LayoutWord[] = [];
  for (const lw of words) {
    if (lw.w.line === null) {
      loose.push(lw);
      continue;
    }
    const list = byId.get(lw.w.line);
    if (list) list.push(lw);
    else byId.set(lw.w.line, [lw]);
  }
  const groups: LayoutWord[][] = [...byId.values()];
  // words without a line: by vertical overlap with a group's body
  loose.sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  for (const lw of loose) {
    const yc = (lw.y0 + lw.y1) / 2;
    let best: LayoutWord[] | null = null;
    let bestD = 0.5 * H;
    for (const g of groups) {
      const gc = median(g.map((w) => (w.y0 + w.y1) / 2));
      const d = Math.abs(gc - yc);
      if (d < bestD) {
        bestD = d;
        best = g;
      }
    }
    if (best) best.push(lw);
    else groups.push([lw]);
  }
  let lines = groups.filter((g) => g.length > 0).map((g) => makeLine(g, H));
  // fragments of one row (Tesseract split the row into blocks): merge
  lines.sort((a, b) => a.yc - b.yc || a.x0 - b.x0);
  const merged: LayoutLine[] = [];
  for (const l of lines) {
    const m = merged.find(
      (o) => Math.abs(o.yc - l.yc) < 0.45 * H && (l.x0 >= o.x1 - 0.2 * H || l.x1 <= o.x0 + 0.2 * H),
    );
    if (m) {
      merged[merged.indexOf(m)] = makeLine([...m.words, ...l.words], H);
    } else {
      merged.push(l);
    }
  }
  lines = merged.sort((a, b) => a.yc - b.yc || a.x0 - b.x0);
  return lines.filter((l) => l.text !== '');
}



/** Median distance between consecutive line centres (2.4 H when unknown). */
export function linePitch(lines: readonly LayoutLine[], H: number): number {
  const d: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const x = (lines[i] as LayoutLine).yc - (lines[i - 1] as LayoutLine).yc;
    if (x > 0.8 * H && x < 5 * H) d.push(x);
  }
  return median(d) || 2.4 * H;
}
