/**
 * OCR'd tables without rules: columns from the alignment of the words
 * (stage 6 of layout.ts).
 */
import { type TableCell, type TableRow, cell, position, row } from '../model/blocks.js';
import { joinWrappedLines } from '../thai/wrap.js';
import { type LayoutLine, type LayoutWord, median, wordsText } from './lines.js';

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

export interface TableRegion {
  from: number;
  to: number;
  xs: number[];
}

export function findTables(lines: readonly LayoutLine[], H: number): TableRegion[] {
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
export function buildTable(
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

