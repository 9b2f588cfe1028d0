/**
 * PDF reader, assembly stage 2b'': rows of a table without rules found from
 * how its cells are aligned, over the whole table at once. A word
 * processor's borderless table has no padding above or below its cells, so
 * the lines of a row sit one pitch from the lines of the next, and the rows
 * without a number (sub-rows, a row's remainder after a page break) leave
 * nothing like a gap to tell them by. What tells them is the alignment every
 * cell of a row shares:
 *   - top-aligned cells all start on the row's first line;
 *   - vertically centred cells are all centred on the middle of the row,
 *     whose height is its tallest cell's;
 * and, either way, a cell's lines follow one another at the line pitch
 * (a gap in a column is the end of its cell), and a row holds one row
 * number at most. The lines' baselines, taken as levels from the top, are
 * cut into rows by dynamic programming: the fewest rows that break these
 * rules least (each broken rule costs more than a row). Both alignments are
 * tried and the cheaper kept. Null when the table is too small to tell, or
 * neither alignment fits most rows.
 */
import type { TableRow } from '../model/blocks.js';
import { rowFromLines, runsByColumn } from './_pdf-columns.js';
import { type Line, type Run, runsToLines } from './_pdf-text.js';
import { ROW_NUMBER } from './_pdf-anchor-rows.js';

/** A score with two decimals. */
const SCORE = /[.][0-9\u0e50-\u0e59]{2}$/;

/** What one broken rule costs, in rows. */
const BREAK_COST = 3;
/** Share of the rows that may break a rule before the alignment is not taken as the table's. */
const BROKEN_SHARE = 0.15;

interface Level {
  y: number;
  /** Per column, the line on this level (at most one). */
  at: Array<Line | null>;
}

export type Alignment = 'top' | 'middle';

interface Segmentation {
  /** The first level of each row. */
  cuts: number[];
  /** Rows that break a rule. */
  broken: number;
  cost: number;
  alignment: Alignment;
  /** Columns left out of the rules. */
  loose: ReadonlySet<number>;
}

export interface AlignedRows {
  rows: TableRow[];
  alignment: Alignment;
  /** Rows that break a rule of the alignment. */
  broken: number;
}

export function alignedRows(lines: readonly Line[], starts: readonly number[], page: number): AlignedRows | null {
  if (lines.length < 4 || starts.length < 3) return null;
  const cols = runsByColumn(lines, starts).map((rs: Run[]) => runsToLines(rs.filter((r) => r.text.trim() !== '')));
  const size = Math.max(...lines.map((l) => l.size));
  const tol = size * 0.3;
  // levels: the baselines of all columns, top to bottom, those within tol of each other as one
  const all = cols.flatMap((ls, c) => ls.map((line) => ({ line, c }))).sort((a, b) => b.line.y - a.line.y);
  const levels: Level[] = [];
  for (const { line, c } of all) {
    let lv = levels[levels.length - 1];
    if (!lv || lv.y - line.y > tol || lv.at[c]) {
      if (lv && lv.y - line.y <= tol && lv.at[c]) return null; // two lines of one column on one level: not a table's column
      lv = { y: line.y, at: cols.map(() => null) };
      levels.push(lv);
    }
    lv.at[c] = line;
  }
  const n = levels.length;
  if (n < 3) return null;
  // the line pitch within a cell: the commonest short gap between a column's consecutive lines
  const gaps: number[] = [];
  for (const ls of cols) for (let k = 1; k < ls.length; k++) gaps.push(ls[k - 1]!.y - ls[k]!.y);
  const short = gaps.filter((g) => g > tol && g < size * 2.5).sort((a, b) => a - b);
  if (short.length < 2) return null;
  const pitch = short[Math.floor(short.length / 4)]!;
  // a narrow column wraps a number down its cell ("(", "๑", ")"): a column's text in blocks of lines one
  // pitch apart, each block's text joined without spaces
  const blocks = cols.map((ls) => {
    const out: Array<{ lines: Line[]; text: string }> = [];
    for (const l of ls) {
      const last = out[out.length - 1];
      const prev = last?.lines[last.lines.length - 1];
      if (last && prev && prev.y - l.y <= pitch * 1.3) last.lines.push(l);
      else out.push({ lines: [l], text: '' });
    }
    for (const b of out) b.text = b.lines.map((l) => l.text.replace(/\s+/g, '')).join('');
    return out;
  });
  const isNumber = (t: string): boolean => ROW_NUMBER.test(t) || ROW_NUMBER.test(t.replace(/^ข้อ(?:ที่)?/, 'ข้อ '));
  // the column of row numbers: nothing but numbers below its first; the leftmost of those with about the
  // most (score columns to the right hold numbers too)
  const counts = blocks.map((bs) => {
    const first = bs.findIndex((b) => isNumber(b.text));
    if (first < 0) return 0;
    const below = bs.slice(first);
    if (below.filter((b) => isNumber(b.text)).length < 0.8 * below.length) return 0;
    // a score ("๔.๙๓") is no row number
    return below.filter((b) => isNumber(b.text) && !SCORE.test(b.text)).length;
  });
  const most = Math.max(...counts);
  const numberCol = most >= 2 ? counts.findIndex((k) => k >= 2 && k >= 0.5 * most) : -1;
  /** Each line of the number column → its block, when that is a number. */
  const numberOf = new Map<Line, { lines: Line[] }>();
  if (numberCol >= 0) for (const b of blocks[numberCol]!) if (isNumber(b.text)) for (const l of b.lines) numberOf.set(l, b);

  /** Rules column c breaks in rows i..j (levels, inclusive) aligned so; spans: its cell is as tall as the row. */
  const colBad = (c: number, i: number, j: number, a: Alignment): { bad: number; spans: boolean; empty: boolean } => {
    const top = levels[i]!.y;
    const bottom = levels[j]!.y;
    let hi = -Infinity;
    let lo = Infinity;
    let prev = Infinity;
    const numbers = new Set<{ lines: Line[] }>();
    let gap = false;
    for (let k = i; k <= j; k++) {
      const l = levels[k]!.at[c];
      if (!l) continue;
      if (prev !== Infinity && prev - l.y > pitch * 1.3) gap = true;
      prev = l.y;
      hi = Math.max(hi, l.y);
      lo = Math.min(lo, l.y);
      const num = c === numberCol ? numberOf.get(l) : undefined;
      if (num) numbers.add(num);
    }
    if (hi === -Infinity) return { bad: 0, spans: false, empty: true };
    let bad = (gap ? 1 : 0) + Math.max(0, numbers.size - 1);
    // a number cut across rows
    for (const b of numbers) if (b.lines[0]!.y > top + tol || b.lines[b.lines.length - 1]!.y < bottom - tol) bad++;
    if (a === 'top' && top - hi > tol) bad++;
    if (a === 'middle' && Math.abs((hi + lo) / 2 - (top + bottom) / 2) > tol) bad++;
    return { bad, spans: top - hi <= tol && lo - bottom <= tol, empty: false };
  };
  /** Rules rows i..j break when aligned so, the columns in `loose` (cells spanning rows) left out. */
  const broken = (i: number, j: number, a: Alignment, loose: ReadonlySet<number>): number => {
    // a row cut by the page's foot (or its rest at the next page's head) is printed from its top there
    if (a === 'middle' && (j === n - 1 || i === 0)) return Math.min(aligned(i, j, 'middle', loose), aligned(i, j, 'top', loose));
    return aligned(i, j, a, loose);
  };
  const aligned = (i: number, j: number, a: Alignment, loose: ReadonlySet<number>): number => {
    let bad = 0;
    let spans = false;
    let filled = false;
    for (let c = 0; c < cols.length; c++) {
      if (loose.has(c)) continue;
      const r = colBad(c, i, j, a);
      bad += r.bad;
      spans ||= r.spans;
      filled ||= !r.empty;
    }
    // a centred row is as tall as its tallest cell
    if (a === 'middle' && filled && !spans) bad++;
    return bad;
  };
  /** A row of one filled column: a wrapped line cut off its row, more likely than a row (costs a row more). */
  const lone = (i: number, j: number): number => {
    let filled = 0;
    for (let c = 0; c < cols.length && filled < 2; c++) {
      for (let k = i; k <= j; k++) if (levels[k]!.at[c]) {
        filled++;
        break;
      }
    }
    return filled < 2 ? 1 : 0;
  };

  const segment = (a: Alignment, loose: ReadonlySet<number>): Segmentation => {
    // best[j]: cost of levels 0..j-1 cut into rows; from[j]: where the last row starts
    const best = new Array<number>(n + 1).fill(Infinity);
    const from = new Array<number>(n + 1).fill(0);
    const bad = new Array<number>(n + 1).fill(0);
    best[0] = 0;
    for (let j = 1; j <= n; j++) {
      for (let i = j - 1; i >= 0; i--) {
        // a row is no taller than a few dozen lines
        if (levels[i]!.y - levels[j - 1]!.y > pitch * 30) break;
        const b = broken(i, j - 1, a, loose);
        const cost = best[i]! + 1 + BREAK_COST * b + lone(i, j - 1);
        if (cost < best[j]!) {
          best[j] = cost;
          from[j] = i;
          bad[j] = b;
        }
      }
    }
    const cuts: number[] = [];
    let brokenRows = 0;
    for (let j = n; j > 0; j = from[j]!) {
      cuts.unshift(from[j]!);
      if (bad[j]! > 0) brokenRows++;
    }
    return { cuts, broken: brokenRows, cost: best[n]!, alignment: a, loose };
  };
  /**
   * A column whose cells break the alignment in several rows (a section written once over its rows):
   * the column left out that makes the cut cheapest, when that saves more than two broken rules.
   */
  const loosen = (s: Segmentation): Segmentation => {
    let best = s;
    for (let c = 0; c < cols.length; c++) {
      if (c === numberCol || cols[c]!.length < 2) continue;
      const t = segment(s.alignment, new Set([c]));
      if (t.cost < best.cost) best = t;
    }
    return best.cost <= s.cost - 2 * BREAK_COST ? best : s;
  };

  const none = new Set<number>();
  const pick = [loosen(segment('top', none)), loosen(segment('middle', none))].sort((x, y) => x.cost - y.cost)[0]!;
  const count = pick.cuts.length;
  if (count < 2 || pick.broken > Math.max(1, BROKEN_SHARE * count)) return null;
  // most rows one line each: the lines of one row (a header of wrapped titles) taken apart, not rows
  const single = pick.cuts.filter((i, k) => (pick.cuts[k + 1] ?? n) - i === 1).length;
  if (numberCol < 0 && count >= 3 && single > count / 2) return null;
  const rowLines: Line[][] = pick.cuts.map(() => []);
  const rowOfLevel = (k: number): number => {
    let r = 0;
    while (r + 1 < count && pick.cuts[r + 1]! <= k) r++;
    return r;
  };
  for (let k = 0; k < n; k++) {
    levels[k]!.at.forEach((l, c) => {
      if (l && !pick.loose.has(c)) rowLines[rowOfLevel(k)]!.push(l);
    });
  }
  // a left-out column's cells (its lines between gaps) go whole to the row their first line is in
  for (const c of pick.loose) {
    let row = -1;
    let prev = Infinity;
    for (let k = 0; k < n; k++) {
      const l = levels[k]!.at[c];
      if (!l) continue;
      if (row < 0 || prev - l.y > pitch * 1.3) row = rowOfLevel(k);
      prev = l.y;
      rowLines[row]!.push(l);
    }
  }
  const rows = rowLines.map((ls) => rowFromLines(ls.sort((p, q) => q.y - p.y), starts, Infinity, page));
  return { rows, alignment: pick.alignment, broken: pick.broken };
}
