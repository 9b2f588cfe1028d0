/**
 * OCR words → blocks: lines by geometry, ruled tables from the rules in the
 * page image, other tables by column alignment, paragraphs from the
 * remaining lines.
 *
 * Tesseract returns Thai text almost one character a "word" (combining
 * marks often on their own), groups them into its own lines, and makes
 * short extra "lines" of the marks above a Thai line it could not attach
 * (read as "a", "_", "4", "ซี่"…). The steps:
 *
 * 1. Scale: H, the median height of words holding a base letter or digit.
 * 2. Debris: a Tesseract line is dropped when it is very unsure (mean
 *    confidence under 35), or its words are small (median height under
 *    0.62 H) and it is unsure (under 80), sparse (under 0.4 words per H of
 *    width, where Thai text has ~1.1) or mostly not Thai letters, or it is
 *    both unsure (under 70) and sparse; so are lone "|" (table rules read
 *    as text) and words taller than 3.5 H (rules, frames).
 * 3. Skew: the median slope of long lines; coordinates are rotated back by
 *    it, so rows are horizontal and columns vertical.
 * 4. Ruled tables (with the page image): rules found in the image
 *    (rules.ts) make grids; words go to cells by their centre (a bracket or
 *    bar touching a rule is the rule, read as a character, and is dropped);
 *    a cell missing an inner rule spans columns; a cell with ink but no
 *    word is reported (emptyCells) for a second reading.
 * 5. Lines: Tesseract's lines (fragments on one row are merged), words in x
 *    order; a space where Tesseract put one or where the gap exceeds 0.6 H;
 *    text through normalizeThai.
 * 6. Tables without rules: cell text is left-aligned, so a column shows as many segments
 *    (runs of words split at gaps of 0.45 H or more) starting at one x, with
 *    ink on the same line to their left, after a blank wider than a word
 *    space (median 0.9 H or more). Such x clusters are candidate column
 *    starts; each is followed up and down over the lines that do not
 *    cross it (a word straddling it ends the run). The strongest run and the
 *    boundaries whose runs cover most of it make a table; its lines are the
 *    ones all accepted boundaries run through. Words go to columns by their
 *    centre; a new row starts where two or more cells, or the first one,
 *    get text after an empty line (cells are top-aligned), where every
 *    cell is filled on this line and the one before, where the first cell
 *    is a number or a bullet, or after a gap larger than 1.45 line pitches.
 * 7. The other lines: paragraphs. A new one starts after a gap of
 *    1.22 line pitches (the lower quartile of line distances), after a
 *    line ending short of the right margin (by 12 % of the text width), at
 *    a centred line, and where boldness changes.
 *    Bold: with the page image, a line whose mean stroke width (dark runs
 *    across and along its letters) is 1.2× the page's median.
 */
import { type Block, type TableCell, type TableRow, cell, paragraph, position, row, table } from '../model/blocks.js';
import { normalizeThai } from '../thai/normalize.js';
import { joinWrappedLines } from '../thai/wrap.js';
import { type RuledGrid, findRules, ruledGrids } from './rules.js';
import type { BBox, GreyImage, OcrWord } from './types.js';

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

export interface OcrLayout {
  blocks: Block[];
  /** Mean word confidence of each block (0–100), same order as blocks. */
  confidence: number[];
  /** All text lines, top to bottom (tables included), for diagnostics and number repair. */
  lines: LayoutLine[];
  /** Median height of a base character, pixels. */
  scale: number;
  /** Skew the page was corrected for (slope dy/dx). */
  skew: number;
  /**
   * Cells of ruled tables that hold ink but no recognised word (Tesseract
   * skips a lone digit in a narrow cell): their box in image pixels, for a
   * second reading (ocrPdf fills them in).
   */
  emptyCells: Array<{ cell: TableCell; bbox: BBox }>;
}

export interface OcrLayoutOptions {
  /** The page image, when at hand: used to tell bold lines (ink density). */
  image?: GreyImage | null;
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

const BASE_CHAR = /[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46\u0e4f-\u0e5bA-Za-z0-9]/;
const ONLY_MARKS = /^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+$/;
const RULE_CHARS = /^[|¦‖]+$/;

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function mean(xs: number[]): number {
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
  return words.filter((w) => {
    if (w.line !== null && debris.has(w.line)) return false;
    if (RULE_CHARS.test(w.text)) return false;
    const h = w.bbox.y1 - w.bbox.y0;
    if (h > 3.5 * H && !BASE_CHAR.test(w.text.replace(/[|\[\](){}]/g, ''))) return false;
    if (w.line === null && h < 0.45 * H && !ONLY_MARKS.test(w.text) && w.confidence < 60) return false;
    return true;
  });
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

function deskew(words: readonly OcrWord[], s: number): LayoutWord[] {
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

function makeLine(words: LayoutWord[], H: number): LayoutLine {
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

function groupLines(words: LayoutWord[], H: number): LayoutLine[] {
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

/* ------------------------------------------------------------------------ */
/* 5. Tables                                                                 */
/* ------------------------------------------------------------------------ */

interface Segment {
  line: number;
  words: LayoutWord[];
  x0: number;
  x1: number;
  /** Not the line's first segment: there is ink to its left on the line. */
  interior: boolean;
  /** Blank before it on its line (from the previous segment's end), pixels. */
  gap: number;
}

function segmentsOf(lines: readonly LayoutLine[], H: number): Segment[][] {
  return lines.map((l, i) => {
    const segs: Segment[] = [];
    let cur: LayoutWord[] = [];
    let x1 = Number.NEGATIVE_INFINITY;
    for (const w of l.words) {
      if (cur.length > 0 && w.base && w.x0 - x1 >= 0.45 * H) {
        const prevEnd = segs[segs.length - 1]?.x1 ?? Number.NEGATIVE_INFINITY;
        const x0 = Math.min(...cur.map((c) => c.x0));
        segs.push({ line: i, words: cur, x0, x1, interior: segs.length > 0, gap: x0 - prevEnd });
        cur = [];
      }
      cur.push(w);
      x1 = Math.max(x1, w.x1);
    }
    if (cur.length > 0) {
      const prevEnd = segs[segs.length - 1]?.x1 ?? Number.NEGATIVE_INFINITY;
      const x0 = Math.min(...cur.map((c) => c.x0));
      segs.push({ line: i, words: cur, x0, x1, interior: segs.length > 0, gap: x0 - prevEnd });
    }
    return segs;
  });
}

/**
 * The line has ink straddling x: a run of words with no gap of 0.3 H or
 * more between them (Thai characters of one word come as separate "words"
 * with gaps up to ~0.3 H) that starts left of x and ends right of it.
 */
function crosses(line: LayoutLine, x: number, H: number): boolean {
  const tol = 0.1 * H;
  let start = Number.NaN;
  let end = Number.NEGATIVE_INFINITY;
  for (const w of line.words) {
    if (Number.isNaN(start) || w.x0 - end >= 0.3 * H) {
      if (!Number.isNaN(start) && start < x - tol && end > x + tol) return true;
      start = w.x0;
    }
    end = Math.max(end, w.x1);
  }
  return !Number.isNaN(start) && start < x - tol && end > x + tol;
}

interface Boundary {
  x: number;
  /** Interior segment starts at this x, by line. */
  lines: Set<number>;
  /** Line range [from, to] the boundary runs through (no line crosses it). */
  from: number;
  to: number;
}

/** Candidate column starts: clusters of interior segment starts. */
function candidateBoundaries(lines: readonly LayoutLine[], segs: Segment[][], H: number): Boundary[] {
  const starts = segs.flat().filter((s) => s.interior).sort((a, b) => a.x0 - b.x0);
  const clusters: Segment[][] = [];
  for (const s of starts) {
    const last = clusters[clusters.length - 1];
    const lastSeg = last?.[last.length - 1];
    if (last && lastSeg && s.x0 - lastSeg.x0 <= 0.6 * H) last.push(s);
    else clusters.push([s]);
  }
  const out: Boundary[] = [];
  for (const c of clusters) {
    const ls = new Set(c.map((s) => s.line));
    if (ls.size < 2) continue;
    // columns of a table without rules are set apart by more than a word space
    if (median(c.map((s) => s.gap)) < 0.9 * H) continue;
    // the boundary sits just left of the leftmost start of the cluster
    const x = Math.min(...c.map((s) => s.x0)) - 0.1 * H;
    // split the cluster's lines into runs of lines that do not cross x
    const sorted = [...ls].sort((a, b) => a - b);
    const runs: Array<[number, number, Set<number>]> = [];
    for (const li of sorted) {
      const known = runs.find(([f, t]) => li >= f && li <= t);
      if (known) {
        known[2].add(li);
        continue;
      }
      let from = li;
      while (from > 0 && !crosses(lines[from - 1] as LayoutLine, x, H) && near(lines, from - 1, from, H)) from--;
      let to = li;
      while (to < lines.length - 1 && !crosses(lines[to + 1] as LayoutLine, x, H) && near(lines, to, to + 1, H)) to++;
      runs.push([from, to, new Set([li])]);
    }
    for (const [from, to, set] of runs) if (set.size >= 2) out.push({ x, lines: set, from, to });
  }
  return out;
}

/** Lines a and b (a above b) are close enough to belong to one table. */
function near(lines: readonly LayoutLine[], a: number, b: number, H: number): boolean {
  const la = lines[a];
  const lb = lines[b];
  return !!la && !!lb && lb.top - la.bottom < 3.2 * H;
}

interface TableRegion {
  from: number;
  to: number;
  xs: number[];
}

function findTables(lines: readonly LayoutLine[], H: number): TableRegion[] {
  const segs = segmentsOf(lines, H);
  let cands = candidateBoundaries(lines, segs, H);
  const regions: TableRegion[] = [];
  while (cands.length > 0) {
    cands.sort((a, b) => b.lines.size - a.lines.size || a.x - b.x);
    const best = cands[0] as Boundary;
    let from = best.from;
    let to = best.to;
    const span = to - from + 1;
    const accepted = cands.filter((c) => {
      const overlap = Math.min(c.to, to) - Math.max(c.from, from) + 1;
      return overlap >= 0.6 * span || (overlap >= 2 && overlap >= 0.6 * (c.to - c.from + 1) && c.lines.size >= 3);
    });
    for (const c of accepted) {
      if (c === best) continue;
      // a boundary that would cut the table short is kept only if the cut stays large
      const f = Math.max(from, c.from);
      const t = Math.min(to, c.to);
      if (t - f + 1 >= 0.6 * span) {
        from = f;
        to = t;
      }
    }
    let xs = accepted.filter((c) => c.from <= from && c.to >= to).map((c) => c.x);
    // boundaries closer than 1.5 H are one
    xs = xs.sort((a, b) => a - b).filter((x, i, arr) => i === 0 || x - (arr[i - 1] as number) > 1.5 * H);
    // trim lines at the ends with ink on one side of every boundary only, right before/after a gap
    const used = new Set(accepted);
    cands = cands.filter((c) => !used.has(c) && (c.to < from || c.from > to));
    // a table needs two lines with ink on both sides of a boundary
    const both = (li: number): boolean =>
      xs.some((x) => {
        const l = lines[li] as LayoutLine;
        return l.words.some((w) => w.x1 <= x) && l.words.some((w) => w.x0 >= x);
      });
    let count = 0;
    for (let i = from; i <= to; i++) if (both(i)) count++;
    // spaces that happen to align in two or three lines of prose look like gutters: ask for three lines
    if (xs.length === 0 || to - from < 1 || count < 3) continue;
    // the table must not overlap one already found
    if (regions.some((r) => !(to < r.from || from > r.to))) continue;
    regions.push({ from, to, xs });
  }
  return regions.sort((a, b) => a.from - b.from);
}

/** A table region → rows of cells. */
function buildTable(
  lines: readonly LayoutLine[],
  region: TableRegion,
  H: number,
  page: number,
): { rows: TableRow[]; words: LayoutWord[] } {
  const { xs } = region;
  const ncol = xs.length + 1;
  const colOf = (w: LayoutWord): number => {
    const cx = (w.x0 + w.x1) / 2;
    let k = 0;
    while (k < xs.length && cx >= (xs[k] as number)) k++;
    return k;
  };
  // per line: words by column
  const perLine: LayoutWord[][][] = [];
  for (let i = region.from; i <= region.to; i++) {
    const cols: LayoutWord[][] = Array.from({ length: ncol }, () => []);
    for (const w of (lines[i] as LayoutLine).words) (cols[colOf(w)] as LayoutWord[]).push(w);
    perLine.push(cols);
  }
  const regionLines = lines.slice(region.from, region.to + 1);
  const pitches: number[] = [];
  for (let i = 1; i < regionLines.length; i++) {
    pitches.push((regionLines[i] as LayoutLine).yc - (regionLines[i - 1] as LayoutLine).yc);
  }
  const pitch = Math.max(H, median(pitches.filter((p) => p < 5 * H)) || 2.5 * H);
  // row starts
  const starts: number[] = [0];
  for (let i = 1; i < perLine.length; i++) {
    const prev = perLine[i - 1] as LayoutWord[][];
    const cur = perLine[i] as LayoutWord[][];
    let fresh = 0;
    for (let k = 0; k < ncol; k++) if ((cur[k] as LayoutWord[]).length > 0 && (prev[k] as LayoutWord[]).length === 0) fresh++;
    const firstFresh = (cur[0] as LayoutWord[]).length > 0 && (prev[0] as LayoutWord[]).length === 0;
    const gap = (regionLines[i] as LayoutLine).yc - (regionLines[i - 1] as LayoutLine).yc;
    const filled = (cols: LayoutWord[][]): number => cols.filter((c) => c.length > 0).length;
    // every cell filled on both lines: two one-line rows (a wrapped row leaves some cells short)
    const bothFull = ncol >= 3 && filled(cur) === ncol && filled(prev) === ncol;
    // the first cell starts with a number or a bullet: a new item
    const numbered = (cur[0] as LayoutWord[]).length > 0 && /^[0-9๐-๙]+[.)]?$|^[-•·]/.test(wordsText(cur[0] as LayoutWord[], H));
    if (fresh >= 2 || firstFresh || bothFull || numbered || gap > 1.45 * pitch) starts.push(i);
  }
  const rows: TableRow[] = [];
  const all: LayoutWord[] = [];
  for (let r = 0; r < starts.length; r++) {
    const a = starts[r] as number;
    const b = r + 1 < starts.length ? (starts[r + 1] as number) : perLine.length;
    const cells: TableCell[] = [];
    for (let k = 0; k < ncol; k++) {
      const paras: string[] = [];
      let cur = '';
      let prevYc: number | null = null;
      for (let i = a; i < b; i++) {
        const ws = (perLine[i] as LayoutWord[][])[k] as LayoutWord[];
        if (ws.length === 0) continue;
        all.push(...ws);
        const t = wordsText(ws, H);
        if (t === '') continue;
        const yc = (regionLines[i] as LayoutLine).yc;
        if (prevYc !== null && yc - prevYc > 1.6 * pitch && cur !== '') {
          paras.push(cur);
          cur = '';
        }
        cur = joinWrappedLines(cur, t);
        prevYc = yc;
      }
      if (cur !== '') paras.push(cur);
      cells.push(cell(paras));
    }
    // drop an all-empty trailing column pattern per row is not needed: columns are shared
    rows.push(row(cells, position(page, null)));
  }
  return { rows, words: all };
}

/* ------------------------------------------------------------------------ */
/* 6. Paragraphs                                                             */
/* ------------------------------------------------------------------------ */

function paragraphsOf(
  lines: readonly LayoutLine[],
  H: number,
  left: number,
  right: number,
  isBold: (l: LayoutLine) => boolean,
): LayoutLine[][] {
  const out: LayoutLine[][] = [];
  let cur: LayoutLine[] = [];
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = (lines[i] as LayoutLine).yc - (lines[i - 1] as LayoutLine).yc;
    if (d > 0.8 * H && d < 5 * H) pitches.push(d);
  }
  // the lower quartile: paragraph gaps must not count as the line pitch
  pitches.sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 4)] ?? 2.5 * H;
  for (const l of lines) {
    const prev = cur[cur.length - 1];
    if (prev) {
      const gap = l.yc - prev.yc;
      const prevShort = prev.x1 < right - 0.12 * (right - left);
      const centred = Math.abs(l.x0 - left - (right - l.x1)) < 2 * H && l.x0 > left + 3 * H;
      if (gap > 1.22 * pitch || gap < 0 || prevShort || centred || isBold(l) !== isBold(prev)) {
        out.push(cur);
        cur = [];
      }
    }
    cur.push(l);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/* ------------------------------------------------------------------------ */
/* Bold                                                                      */
/* ------------------------------------------------------------------------ */

/**
 * Mean stroke width of a line: the mean length of the dark runs, across
 * and along, inside its base words' boxes (bold strokes are ~1.4× wider).
 * Null without an image.
 */
function strokeWidth(words: readonly LayoutWord[], image: GreyImage | null | undefined): number | null {
  if (!image) return null;
  const { width, height, data } = image;
  let runs = 0;
  let len = 0;
  const dark = (x: number, y: number): boolean => (data[y * width + x] ?? 255) < 140;
  for (const lw of words) {
    if (!lw.base) continue;
    const b = lw.w.bbox;
    const x0 = Math.max(0, Math.floor(b.x0));
    const x1 = Math.min(width, Math.ceil(b.x1));
    const y0 = Math.max(0, Math.floor(b.y0));
    const y1 = Math.min(height, Math.ceil(b.y1));
    for (let y = y0; y < y1; y++) {
      let cur = 0;
      for (let x = x0; x <= x1; x++) {
        if (x < x1 && dark(x, y)) cur++;
        else if (cur > 0) {
          runs++;
          len += cur;
          cur = 0;
        }
      }
    }
    for (let x = x0; x < x1; x++) {
      let cur = 0;
      for (let y = y0; y <= y1; y++) {
        if (y < y1 && dark(x, y)) cur++;
        else if (cur > 0) {
          runs++;
          len += cur;
          cur = 0;
        }
      }
    }
  }
  return runs >= 20 ? len / runs : null;
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                              */
/* ------------------------------------------------------------------------ */

/** Words of one page → blocks with their confidences, and the lines found. */
export function ocrLayout(words: readonly OcrWord[], page: number, options: OcrLayoutOptions = {}): OcrLayout {
  const H0 = baseHeight(words);
  if (words.length === 0 || H0 <= 0) return { blocks: [], confidence: [], lines: [], scale: 0, skew: 0, emptyCells: [] };
  const kept = dropDebris(words, H0);
  const H = baseHeight(kept) || H0;
  const skew = estimateSkew(kept, H);
  const lws = deskew(kept, skew);

  // ruled tables (from the image), then the remaining words as lines
  const grids = options.image ? ruledGrids(findRules(options.image, skew, H), H) : [];
  const claimed: LayoutWord[][] = grids.map(() => []);
  const free: LayoutWord[] = [];
  for (const lw of lws) {
    const cx = (lw.x0 + lw.x1) / 2;
    const cy = (lw.y0 + lw.y1) / 2;
    const g = grids.findIndex((t) => cx > t.x0 && cx < t.x1 && cy > t.y0 && cy < t.y1);
    if (g >= 0) {
      const clean = withoutRule(lw, grids[g] as RuledGrid, H);
      if (clean) (claimed[g] as LayoutWord[]).push(clean);
    } else {
      free.push(lw);
    }
  }
  const lines = groupLines(free, H);
  const pitch = linePitch(lines, H);
  type Item = { y: number; block: Block; conf: number; lines: LayoutLine[] };
  const items: Item[] = [];
  const emptyCells: Array<{ cell: TableCell; bbox: BBox }> = [];
  grids.forEach((g, k) => {
    const ws = claimed[k] as LayoutWord[];
    if (ws.length === 0) return;
    const { rows, lines: tl } = gridTable(g, ws, H, pitch, page, (c, rect) => {
      const bbox = options.image ? inkedRegion(options.image, rect, skew, H) : null;
      if (bbox) emptyCells.push({ cell: c, bbox });
    });
    if (rows.length === 0) return;
    items.push({ y: g.y0, block: table(rows, position(page, null)), conf: mean(ws.map((w) => w.w.confidence)), lines: tl });
  });

  const left = median(lines.map((l) => l.x0).sort((a, b) => a - b).slice(0, Math.max(1, Math.ceil(lines.length / 4))));
  const right = median(lines.map((l) => l.x1).sort((a, b) => b - a).slice(0, Math.max(1, Math.ceil(lines.length / 4))));
  const regions = findTables(lines, H);
  const inTable = new Set<number>();
  for (const r of regions) {
    const { rows, words: tw } = buildTable(lines, r, H, page);
    // ragged prose (a header of left-aligned lines) leaves gutters too: a table has rows with two filled cells
    const filled = rows.filter((row) => row.cells.filter((c) => c.paragraphs.length > 0).length >= 2).length;
    if (filled < 2) continue;
    for (let i = r.from; i <= r.to; i++) inTable.add(i);
    items.push({
      y: (lines[r.from] as LayoutLine).top,
      block: table(rows, position(page, null)),
      conf: mean(tw.map((w) => w.w.confidence)),
      lines: lines.slice(r.from, r.to + 1),
    });
  }
  // the other lines, in runs between tables
  let run: LayoutLine[] = [];
  const strokes = new Map(lines.map((l) => [l, strokeWidth(l.words, options.image)] as const));
  const known = [...strokes.values()].filter((d): d is number => d !== null);
  const bodyStroke = median(known);
  const isBold = (l: LayoutLine): boolean => {
    const sw = strokes.get(l);
    return known.length >= 3 && sw !== null && sw !== undefined && sw > bodyStroke * 1.2;
  };
  const flush = (): void => {
    if (run.length === 0) return;
    for (const para of paragraphsOf(run, H, left, right, isBold)) {
      const text = para.reduce((acc, l) => joinWrappedLines(acc, l.text, { prose: true }), '');
      const bold = para.every(isBold);
      items.push({
        y: (para[0] as LayoutLine).top,
        block: paragraph(text, position(page, null), bold),
        conf: mean(para.flatMap((l) => l.words.map((w) => w.w.confidence))),
        lines: para,
      });
    }
    run = [];
  };
  lines.forEach((l, i) => {
    if (inTable.has(i)) {
      flush();
      return;
    }
    // a ruled table between two lines ends the run
    const prev = run[run.length - 1];
    if (prev && items.some((it) => it.block.type === 'table' && it.y > prev.top && it.y < l.top)) flush();
    run.push(l);
  });
  flush();
  items.sort((a, b) => a.y - b.y);
  return {
    blocks: items.map((x) => x.block),
    confidence: items.map((x) => Math.round(x.conf * 10) / 10),
    lines: items.flatMap((x) => x.lines),
    scale: H,
    skew,
    emptyCells,
  };
}

/**
 * The inked part of a deskewed rectangle (rules trimmed off), in image
 * pixels, widened by half a character; null when it holds less than a
 * small character's worth of ink.
 */
function inkedRegion(img: GreyImage, r: BBox, s: number, H: number): BBox | null {
  // back to image coordinates: x = x' − s·y', y = y' + s·x'
  const corners = [
    [r.x0, r.y0],
    [r.x1, r.y0],
    [r.x0, r.y1],
    [r.x1, r.y1],
  ].map(([x, y]) => [(x as number) - s * (y as number), (y as number) + s * (x as number)] as const);
  const margin = Math.max(3, 0.2 * H);
  const x0 = Math.max(0, Math.ceil(Math.max(corners[0]?.[0] ?? 0, corners[2]?.[0] ?? 0) + margin));
  const x1 = Math.min(img.width, Math.floor(Math.min(corners[1]?.[0] ?? 0, corners[3]?.[0] ?? 0) - margin));
  const y0 = Math.max(0, Math.ceil(Math.max(corners[0]?.[1] ?? 0, corners[1]?.[1] ?? 0) + margin));
  const y1 = Math.min(img.height, Math.floor(Math.min(corners[2]?.[1] ?? 0, corners[3]?.[1] ?? 0) - margin));
  if (x1 - x0 < 0.4 * H || y1 - y0 < 0.5 * H) return null;
  let n = 0;
  let ix0 = x1;
  let iy0 = y1;
  let ix1 = x0;
  let iy1 = y0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if ((img.data[y * img.width + x] ?? 255) < 128) {
        n++;
        ix0 = Math.min(ix0, x);
        iy0 = Math.min(iy0, y);
        ix1 = Math.max(ix1, x + 1);
        iy1 = Math.max(iy1, y + 1);
      }
    }
  }
  if (n < 0.12 * H * H || iy1 - iy0 < 0.4 * H) return null;
  const pad = 0.5 * H;
  return {
    x0: Math.max(0, ix0 - pad),
    y0: Math.max(0, iy0 - pad),
    x1: Math.min(img.width, ix1 + pad),
    y1: Math.min(img.height, iy1 + pad),
  };
}

/**
 * A word touching a vertical rule, with the rule read as part of it
 * ("(๑." for "๑.", "|e)"): the bracket or bar on the rule's side is
 * removed; a word that is nothing but that character is dropped (null).
 */
function withoutRule(lw: LayoutWord, g: RuledGrid, H: number): LayoutWord | null {
  let text = lw.w.text;
  const near = (x: number): boolean => g.xs.some((r) => Math.abs(r - x) < 0.4 * H);
  if (/^[|()[\]{}!lI1/\\]$/.test(text)) return near((lw.x0 + lw.x1) / 2) || near(lw.x0) || near(lw.x1) ? null : lw;
  // a bracket just right of a rule (cell padding is ~0.5 H), or just left of one
  const afterRule = g.xs.some((r) => lw.x0 - r > -0.4 * H && lw.x0 - r < 0.75 * H);
  const beforeRule = g.xs.some((r) => r - lw.x1 > -0.4 * H && r - lw.x1 < 0.75 * H);
  if (/^[|([{!]/.test(text) && afterRule && !/[)\]}]/.test(text)) text = text.slice(1);
  if (/[|)\]}!]$/.test(text) && beforeRule && !/[(]/.test(text)) text = text.slice(0, -1);
  if (text === lw.w.text) return lw;
  return text.trim() === '' ? null : { ...lw, w: { ...lw.w, text } };
}

/** Median distance between consecutive line centres (2.4 H when unknown). */
function linePitch(lines: readonly LayoutLine[], H: number): number {
  const d: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const x = (lines[i] as LayoutLine).yc - (lines[i - 1] as LayoutLine).yc;
    if (x > 0.8 * H && x < 5 * H) d.push(x);
  }
  return median(d) || 2.4 * H;
}

/** Words inside a ruled grid → rows of cells (colspans where an inner rule is missing), and the cell lines. */
function gridTable(
  g: RuledGrid,
  words: LayoutWord[],
  H: number,
  pitch: number,
  page: number,
  onEmpty: (c: TableCell, rect: BBox) => void = () => undefined,
): { rows: TableRow[]; lines: LayoutLine[] } {
  const rows: TableRow[] = [];
  const allLines: LayoutLine[] = [];
  const nb = g.ys.length - 1;
  for (let r = 0; r < nb; r++) {
    const ya = g.ys[r] as number;
    const yb = g.ys[r + 1] as number;
    const inBand = words.filter((w) => {
      const cy = (w.y0 + w.y1) / 2;
      return cy >= ya && cy < yb;
    });
    if (inBand.length === 0 && yb - ya < 0.8 * H) continue;
    const present = g.present[r] ?? [];
    // boundaries drawn in this band (outer ones always)
    const bounds: number[] = [];
    g.xs.forEach((_, k) => {
      if (k === 0 || k === g.xs.length - 1 || present[k]) bounds.push(k);
    });
    const cells: TableCell[] = [];
    for (let c = 0; c + 1 < bounds.length; c++) {
      const ka = bounds[c] as number;
      const kb = bounds[c + 1] as number;
      const xa = g.xs[ka] as number;
      const xb = g.xs[kb] as number;
      const inCell = inBand.filter((w) => {
        const cx = (w.x0 + w.x1) / 2;
        return cx >= xa && cx < xb;
      });
      const cellLines = groupLines(inCell, H);
      allLines.push(...cellLines);
      const made = cell(linesToCellParagraphs(cellLines, pitch), { colspan: kb - ka });
      if (inCell.length === 0) onEmpty(made, { x0: xa, y0: ya, x1: xb, y1: yb });
      cells.push(made);
    }
    if (cells.every((c) => c.paragraphs.length === 0) && rows.length === 0) continue;
    rows.push(row(cells, position(page, null)));
  }
  return { rows, lines: allLines };
}

/** Lines of one cell → paragraphs (a gap of more than 1.6 line pitches starts a new one). */
function linesToCellParagraphs(lines: readonly LayoutLine[], pitch: number): string[] {
  const out: string[] = [];
  let cur = '';
  let prev: LayoutLine | null = null;
  for (const l of lines) {
    if (prev && l.yc - prev.yc > 1.6 * pitch && cur !== '') {
      out.push(cur);
      cur = '';
    }
    cur = joinWrappedLines(cur, l.text);
    prev = l;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/**
 * Words of one page → blocks: paragraphs and tables, every block at
 * { page, line: null }, text normalised. See the module comment.
 */
export function ocrToBlocks(words: readonly OcrWord[], page: number, options: OcrLayoutOptions = {}): Block[] {
  return ocrLayout(words, page, options).blocks;
}

/** Union of boxes. */
export function unionBox(boxes: readonly BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}
