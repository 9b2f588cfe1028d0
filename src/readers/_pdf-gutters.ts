/**
 * PDF reader, assembly stage 2b: tables whose columns sit too close
 * together for wide-gap segments, found from the gutters their lines'
 * text keeps out of; rows are the bands between the wider gaps.
 */
import type { TableRow } from '../model/blocks.js';
import type { LayoutItem, LineItem, PageLayout, TableItem } from './_pdf-layout.js';
import { isEmpty } from './_pdf-continuation.js';
import { PAGE_NUMBER } from './_pdf-running.js';
import type { Line, Run } from './_pdf-text.js';
import { columnRows, rowFromLines, withoutRepeatedHeader } from './_pdf-columns.js';
import { anchorRows } from './_pdf-anchor-rows.js';
import { alignedRows } from './_pdf-aligned-rows.js';


/** Narrowest gap between two columns' texts, in font sizes. */
const GUTTER_MIN = 0.2;

interface Gutter {
  x0: number;
  x1: number;
  /** Lines with text on both sides. */
  support: number;
}

/** Width of a run without its trailing blanks (characters spread evenly over the width). */
function inkWidth(r: Run): number {
  const trimmed = r.text.trimEnd();
  return trimmed.length === r.text.length || r.text.length === 0 ? r.w : (r.w * trimmed.length) / r.text.length;
}

/** Runs of a line that carry text, as [x0, x1] intervals. */
export function inkOf(l: Line): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of l.runs) if (r.text.trim() !== '') out.push([r.x, r.x + inkWidth(r)]);
  return out;
}

/** A line's ink, and what telling its sides of a gap takes: where its first piece of ink ends, where its last begins. */
interface LineInk {
  ink: Array<[number, number]>;
  /** Smallest right end: text left of x when minEnd ≤ x. */
  minEnd: number;
  /** Largest left end: text right of x when maxStart ≥ x. */
  maxStart: number;
}

function lineInk(l: Line): LineInk {
  const ink = inkOf(l);
  let minEnd = Infinity;
  let maxStart = -Infinity;
  for (const [x0, x1] of ink) {
    if (x1 < minEnd) minEnd = x1;
    if (x0 > maxStart) maxStart = x0;
  }
  return { ink, minEnd, maxStart };
}

/**
 * Gaps no run of the lines reaches into (x-intervals at least GUTTER_MIN
 * font sizes wide, between the leftmost and the rightmost text), each with
 * the number of lines that have text on both sides of it.
 */
function gutters(lines: readonly Line[]): Gutter[] {
  const inks = lines.map(lineInk);
  const sorted = inks.flatMap((li) => li.ink).sort((a, b) => a[0] - b[0]);
  return guttersOf(sorted, inks, Math.max(...lines.map((l) => l.size)));
}

/** gutters() from the lines' ink, all of it sorted by left end, and the largest font size. */
function guttersOf(sorted: ReadonlyArray<readonly [number, number]>, inks: readonly LineInk[], size: number): Gutter[] {
  if (sorted.length === 0) return [];
  const out: Gutter[] = [];
  let end = sorted[0]![1];
  for (let k = 1; k < sorted.length; k++) {
    const [x0, x1] = sorted[k]!;
    if (x0 - end >= GUTTER_MIN * size) out.push({ x0: end, x1: x0, support: 0 });
    end = Math.max(end, x1);
  }
  for (const li of inks) {
    for (const g of out) if (li.minEnd <= g.x0 + 0.5 && li.maxStart >= g.x1 - 0.5) g.support++;
  }
  return out;
}

/** Gutters with text on both sides on two lines, or on one line across a wide gap (a row number centred in its row). */
function supported(gs: readonly Gutter[], size: number): Gutter[] {
  return gs.filter((g) => g.support >= 2 || (g.support >= 1 && g.x1 - g.x0 >= 0.3 * size));
}

/**
 * The longest run of lines from `a` on that keeps to three or more columns:
 * it grows while no added line covers a gutter two lines already have text
 * on both sides of. Null when there is none of at least three lines.
 */
function gutterSpan(lines: readonly Line[], a: number, inkOfLine: (l: Line) => LineInk): { b: number; gutters: Gutter[] } | null {
  let best: { b: number; gutters: Gutter[] } | null = null;
  let prev: Gutter[] = [];
  const size = lines[a]?.size ?? 0;
  // the span's ink, kept sorted by left end as lines are added (what gutters() would sort), and its largest size
  const sorted: Array<[number, number]> = [];
  const inks: LineInk[] = [];
  let maxSize = -Infinity;
  for (let b = a + 1; b <= lines.length; b++) {
    const added = lines[b - 1]!;
    const li = inkOfLine(added);
    inks.push(li);
    maxSize = Math.max(maxSize, added.size);
    for (const iv of li.ink) sorted.splice(upperBound(sorted, iv[0]), 0, iv);
    const gs = guttersOf(sorted, inks, maxSize);
    const kept = supported(gs, size);
    // an established gutter covered by the new line: the columns stop here
    const lost = supported(prev, size).some((g) => !gs.some((h) => h.x0 < g.x1 - 0.5 && h.x1 > g.x0 + 0.5));
    if (lost) break;
    if (kept.length >= 2 && b - a >= 3) best = { b, gutters: kept };
    if (gs.length === 0 && b - a >= 2) break;
    prev = gs;
  }
  return best;
}

/** The index after the last interval whose left end is ≤ x (intervals sorted by left end). */
function upperBound(sorted: ReadonlyArray<readonly [number, number]>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]![0] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lines of a table → row bands: a new row where the gap between lines is well above the line pitch. */
export function bandRows(lines: readonly Line[], starts: readonly number[], pitch: number, page: number): TableRow[] | null {
  if (lines.length < 2) return null;
  const gaps: number[] = [];
  for (let k = 1; k < lines.length; k++) gaps.push(lines[k - 1]!.y - lines[k]!.y);
  const sorted = [...gaps].sort((x, y) => x - y);
  // evenly spaced lines: nothing to tell rows from wrapped lines by
  if (sorted[sorted.length - 1]! <= sorted[0]! * 1.3) return null;
  const size = Math.max(...lines.map((l) => l.size));
  const unit = Math.min(sorted[Math.floor(sorted.length / 4)]!, size);
  const limit = unit * 2.2;
  const groups: Line[][] = [[lines[0]!]];
  gaps.forEach((g, k) => {
    if (g > limit) groups.push([]);
    groups[groups.length - 1]!.push(lines[k + 1]!);
  });
  // a cell's lines within a band are one text (narrow columns wrap mid-word)
  void pitch;
  return groups.map((g) => rowFromLines(g, starts, Infinity, page));
}

/**
 * Finds tables whose columns sit too close together for wide-gap segments:
 * among consecutive lines of one font size, a run of lines whose texts keep
 * out of two or more shared gutters. Rows are the bands between the wider
 * gaps (cells of several lines, and short cells centred in their row, fall
 * in the band of their row).
 */
export function gutterTables(p: PageLayout, known: number[][] = []): void {
  const out: LayoutItem[] = [];
  const made: Array<{ at: number; lines: Line[]; starts: number[] }> = [];
  const items = p.items;
  let k = 0;
  while (k < items.length) {
    const it = items[k]!;
    if (it.kind !== 'line') {
      out.push(it);
      k++;
      continue;
    }
    const size = it.line.size;
    let g = k + 1;
    while (g < items.length) {
      const a = items[g - 1]!;
      const b = items[g]!;
      if (a.kind !== 'line' || b.kind !== 'line') break;
      if (Math.abs(b.line.size - size) > 0.6) break;
      if (a.line.y - b.line.y > 4 * size) break;
      g++;
    }
    const lines = items.slice(k, g).map((x) => (x as LineItem).line);
    // each line's ink, and the span from each line, are asked for again and again as `a` moves on
    const inks = new Map<Line, LineInk>();
    const inkOfLine = (l: Line): LineInk => {
      let li = inks.get(l);
      if (!li) inks.set(l, (li = lineInk(l)));
      return li;
    };
    const spans = new Map<number, ReturnType<typeof gutterSpan>>();
    const spanFrom = (at: number): ReturnType<typeof gutterSpan> => {
      if (!spans.has(at)) spans.set(at, gutterSpan(lines, at, inkOfLine));
      return spans.get(at)!;
    };
    let a = 0;
    while (a < lines.length) {
      const span = spanFrom(a);
      const later = span && a + 1 < span.b ? spanFrom(a + 1) : null;
      if (!span || (later && later.gutters.length > span.gutters.length)) {
        out.push(items[k + a]!);
        a++;
        continue;
      }
      // the last line of a paragraph above, closer to it than to the table
      // (or a page number printed above it)
      if (span.b - a > 3) {
        const up = a > 0 ? lines[a - 1]!.y - lines[a]!.y : Infinity;
        const down = lines[a]!.y - lines[a + 1]!.y;
        if (up < down * 0.9 || PAGE_NUMBER.test(lines[a]!.text.trim())) {
          out.push(items[k + a]!);
          a++;
          continue;
        }
      }
      const tl = lines.slice(a, span.b);
      const starts = [Math.min(...tl.map((l) => l.x0)), ...span.gutters.map((x) => x.x1)];
      made.push({ at: out.length, lines: tl, starts });
      out.push(gutterTable(tl, starts, p));
      a = span.b;
    }
    k = g;
  }
  // A table missing a column another table of the document has (a gutter
  // too narrow, or seen on one line only): split by the other's columns.
  // A header row alone (its texts centred, the gutters between them
  // anywhere) takes the columns of the table after it when that fills every
  // cell of the header.
  for (const m of made) known.push(m.starts);
  made.forEach((m, i) => {
    const fits = (o: number[]): boolean => m.lines.every((l) => inkOf(l).every(([x0, x1]) => o.every((y) => !(x0 < y - 1 && x1 > y + 1))));
    const richer = known
      .filter((o) => o.length > m.starts.length && m.starts.slice(1).every((x) => o.some((y) => Math.abs(x - y) <= 6)))
      .filter(fits)
      .sort((x, y) => y.length - x.length)[0];
    const starts = (o: number[]): number[] => [Math.min(o[0]!, m.starts[0]!), ...o.slice(1)];
    if (richer) {
      out[m.at] = gutterTable(m.lines, starts(richer), p);
      return;
    }
    const t = out[m.at] as TableItem;
    const next = made[i + 1];
    // a header alone in its table: a cell's text may sit on a line of its
    // own (centred in the row), so a gutter need not have text on both sides
    if (t.rows.length === 1 && m.lines.length <= 4 && next && next.at - m.at <= 3) {
      const size = m.lines[0]!.size;
      const wide = gutters(m.lines).filter((g) => g.x1 - g.x0 >= 0.3 * size);
      if (wide.length + 1 === next.starts.length && wide.length + 1 > m.starts.length) {
        const header = gutterTable(m.lines, [m.starts[0]!, ...wide.map((g) => g.x1)], p);
        if (header.rows.length === 1 && header.rows[0]!.cells.every((c) => !isEmpty(c))) {
          out[m.at] = header;
          return;
        }
      }
    }
    if (t.rows.length !== 1 || !next || next.starts.length <= m.starts.length || next.at - m.at > 3) return;
    const header = gutterTable(m.lines, starts(next.starts), p);
    if (header.rows.length === 1 && header.rows[0]!.cells.every((c) => !isEmpty(c))) out[m.at] = header;
  });
  p.items = out;
}

/** Rows of a table found from its gutters (or of its continuation on the next page): by its row numbers, its cells' alignment, the bands between wider gaps, or its first column. */
export function gutterRows(tl: readonly Line[], starts: readonly number[], p: PageLayout): TableRow[] {
  return unpadded(tl, starts, p.page) ?? anchorRows(tl, starts, p.page) ?? bandRows(tl, starts, p.pitch, p.page) ?? columnRows(tl, starts, p.pitch, p.page, Infinity);
}

function gutterTable(tl: readonly Line[], starts: number[], p: PageLayout): TableItem {
  const rows = gutterRows(tl, starts, p);
  const first = tl[0]!;
  const last = tl[tl.length - 1]!;
  return {
    kind: 'table',
    top: first.y + first.size,
    bottom: last.y - last.size * 0.3,
    xs: [...starts, Math.max(...tl.map((l) => l.x1))],
    rows: withoutRepeatedHeader(rows),
    ruled: false,
    size: first.size,
    gutter: true,
  };
}

/**
 * Rows of a table whose rows leave no wider gap between them than between
 * the lines of a cell (no cell padding): cut by how the cells are aligned
 * (_pdf-aligned-rows.ts). Null when some gaps are wide enough for bands.
 */
function unpadded(tl: readonly Line[], starts: readonly number[], page: number): TableRow[] | null {
  const size = Math.max(...tl.map((l) => l.size));
  // the line pitch within a cell: from each piece of text to the next one below starting at its x
  const pieces = tl.flatMap((l) => l.runs.filter((r) => r.text.trim() !== '').map((r) => ({ x: r.x, y: l.y })));
  const within: number[] = [];
  for (const p of pieces) {
    let below = Infinity;
    for (const q of pieces) if (q.y < p.y - size * 0.5 && Math.abs(q.x - p.x) <= 2) below = Math.min(below, p.y - q.y);
    if (below < Infinity) within.push(below);
  }
  within.sort((a, b) => a - b);
  const pitch = within[Math.floor(within.length / 4)];
  if (pitch === undefined) return null;
  // a gap between lines wider than that (short of a page's blank space) is a padded row's edge: bands tell those rows
  const ys = [...new Set(tl.map((l) => l.y))].sort((a, b) => b - a);
  for (let k = 1; k < ys.length; k++) {
    const g = ys[k - 1]! - ys[k]!;
    if (g > pitch * 1.25 && g < size * 4) return null;
  }
  return alignedRows(tl, starts, page)?.rows ?? null;
}
