/**
 * PDF reader, document assembly: page layouts → blocks.
 *
 * - Running headers and footers (the same text at the same height on most
 *   pages, or a page number near the top or bottom edge) are dropped.
 * - Lines laid out in aligned columns without rules become tables.
 * - Other lines become paragraphs (consecutive lines of one paragraph
 *   merged) or headings (a larger font than the body text).
 * - A table continued at the top of the next page joins the table before
 *   it: a repeated header row is dropped, and a row split by the page break
 *   (its first cell empty on the new page) is joined to the row it continues.
 */
import { joinWrappedLines } from '../thai/wrap.js';
import {
  type Block,
  type HeadingBlock,
  type ParagraphBlock,
  type TableBlock,
  type TableRow,
  cell,
  heading,
  paragraph,
  position,
  row,
  table,
} from '../model/blocks.js';
import type { LayoutItem, LineItem, PageLayout, TableItem } from './_pdf-layout.js';
import { type Line, type Run, linesToParagraphs, paragraphBreak, runsToLines, splitRun } from './_pdf-text.js';
import { appendContinuation, continues, isEmpty, sameRow } from './_pdf-continuation.js';
import { wrapped } from './_pdf-wrap.js';

/* ------------------------------------------------------------------------ */
/* Running headers and footers                                               */
/* ------------------------------------------------------------------------ */

/** "12", "- 12 -", "หน้า ๑๒", "Page 3 of 10", "3/10", "(๓)". */
const PAGE_NUMBER =
  /^(?:(?:หน้า(?:ที่)?|page|p\.)\s*)?[-–—(\[]?\s*[0-9๐-๙]{1,4}\s*[-–—)\]]?(?:\s*(?:\/|of|จาก|จากทั้งหมด)\s*[0-9๐-๙]{1,4}(?:\s*หน้า)?)?$/i;

/** Share of the page height, at the top and at the bottom, where running lines live. */
const BAND = 0.12;

function runningKey(text: string): string {
  return text.replace(/[0-9๐-๙]+/g, '#').replace(/\s+/g, '');
}

function inBand(line: Line, p: PageLayout): 'top' | 'bottom' | null {
  const h = p.box.top - p.box.bottom;
  if (line.y >= p.box.top - h * BAND) return 'top';
  if (line.y <= p.box.bottom + h * BAND) return 'bottom';
  return null;
}

/**
 * Lines near the top or bottom edge, above or below everything else on the
 * page: candidates for running headers and footers.
 */
function edgeLines(p: PageLayout): LineItem[] {
  const out: LineItem[] = [];
  const items = p.items;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind !== 'line' || inBand(it.line, p) !== 'top') break;
    out.push(it);
  }
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    if (it.kind !== 'line' || inBand(it.line, p) !== 'bottom') break;
    if (!out.includes(it)) out.push(it);
  }
  return out;
}

/** Removes running headers/footers from the pages' items (in place). */
export function dropRunningLines(pages: PageLayout[]): void {
  const withText = pages.filter((p) => p.items.length > 0).length;
  const candidates = pages.map(edgeLines);
  // key → pages (and heights) it occurs on
  const seen = new Map<string, Array<{ page: number; y: number }>>();
  candidates.forEach((lines, pi) => {
    for (const { line } of lines) {
      const key = runningKey(line.text);
      if (key === '') continue;
      let list = seen.get(key);
      if (!list) seen.set(key, (list = []));
      if (!list.some((e) => e.page === pi)) list.push({ page: pi, y: line.y });
    }
  });
  const repeated = new Set<string>();
  if (withText >= 3) {
    for (const [key, list] of seen) {
      if (list.length < Math.max(2, Math.ceil(withText * 0.4))) continue;
      // the same height on those pages (within a few points of the median)
      const ys = list.map((e) => e.y).sort((a, b) => a - b);
      const mid = ys[Math.floor(ys.length / 2)]!;
      const near = ys.filter((y) => Math.abs(y - mid) <= 6).length;
      if (near >= Math.max(2, Math.ceil(withText * 0.4))) repeated.add(key);
    }
  }
  pages.forEach((p, pi) => {
    const drop = new Set<LayoutItem>();
    for (const it of candidates[pi]!) {
      const t = it.line.text.trim();
      if (PAGE_NUMBER.test(t) || repeated.has(runningKey(t))) drop.add(it);
    }
    if (drop.size > 0) p.items = p.items.filter((it) => !drop.has(it));
  });
}

/* ------------------------------------------------------------------------ */
/* Tables from aligned columns (no rules)                                    */
/* ------------------------------------------------------------------------ */

const COLUMN_SNAP = 4;

/** A run starting with a Thai combining mark (or ำ) continues the cluster before it. */
const THAI_MARK = /^[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]/;

/** Segment starts seen on at least two lines (or on the first line), clustered. */
function columnStarts(lines: readonly Line[]): number[] {
  const xs: Array<{ x: number; line: number }> = [];
  lines.forEach((l, k) => {
    if (l.segments.length >= 2) for (const s of l.segments) xs.push({ x: s.x0, line: k });
  });
  xs.sort((a, b) => a.x - b.x);
  const clusters: Array<{ x: number; lines: Set<number> }> = [];
  for (const e of xs) {
    const last = clusters[clusters.length - 1];
    if (last && e.x - last.x <= COLUMN_SNAP) last.lines.add(e.line);
    else clusters.push({ x: e.x, lines: new Set([e.line]) });
  }
  return clusters.filter((c) => c.lines.size >= 2 || c.lines.has(0)).map((c) => c.x);
}

function columnOf(starts: readonly number[], x: number): number {
  let c = 0;
  for (let k = 1; k < starts.length; k++) if (x >= starts[k]! - COLUMN_SNAP) c = k;
  return c;
}

/**
 * Does the line keep to the columns? Every run stays inside one column, or
 * crosses a column start only where pdfjs joined two cells' texts (a space
 * close to the column start).
 */
function keepsToColumns(l: Line, starts: readonly number[]): boolean {
  for (const r0 of l.runs) {
    let r: Run | null = r0;
    while (r) {
      const c = columnOf(starts, r.x);
      const next = starts[c + 1];
      if (next === undefined || r.x + r.w <= next + r.size * 0.5) break;
      const parts = splitRun(r, next - 1);
      if (!parts || Math.abs(parts[0].x + parts[0].w - next) > r.size * 2) return false;
      r = parts[1];
    }
  }
  return true;
}

/** Runs of the lines → per column, runs split where pdfjs joined two columns. */
function runsByColumn(lines: readonly Line[], starts: readonly number[]): Run[][] {
  const cols: Run[][] = starts.map(() => []);
  for (const l of lines) {
    const queue = [...l.runs];
    for (let k = 0; k < queue.length; k++) {
      const r = queue[k]!;
      // a Thai mark drawn on its own sits at the end of the glyph before it, which may touch the next column
      const c = columnOf(starts, THAI_MARK.test(r.text) ? r.x - COLUMN_SNAP - 1 : r.x);
      const next = starts[c + 1];
      const parts = next !== undefined && r.x + r.w > next + r.size * 0.5 ? splitRun(r, next - 1) : null;
      if (parts) {
        cols[c]!.push(parts[0]);
        queue.splice(k + 1, 0, parts[1]);
      } else {
        cols[c]!.push(r);
      }
    }
  }
  return cols;
}

function rowFromLines(lines: readonly Line[], starts: readonly number[], pitch: number, page: number): TableRow {
  const cols = runsByColumn(lines, starts);
  const cells = cols.map((rs) => {
    const ls = runsToLines(rs);
    const nonEmpty = ls.filter((l) => l.text !== '');
    return cell(linesToParagraphs(ls, pitch), { bold: nonEmpty.length > 0 && nonEmpty.every((l) => l.bold) });
  });
  return row(cells, position(page, null));
}

/** Lines of one aligned-column table → rows: a new row after a wider gap than between lines, where the first column has text. */
function columnRows(lines: readonly Line[], starts: readonly number[], pitch: number, page: number, cellPitch = pitch): TableRow[] {
  const groups: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    const prev = cur[cur.length - 1];
    const firstColumn = l.runs.some((r) => columnOf(starts, r.x) === 0);
    // Cell padding makes the gap between rows a little wider than between lines.
    if (prev && prev.y - l.y > pitch * Math.max(prev.size, l.size) * 1.1 && firstColumn) {
      groups.push(cur);
      cur = [];
    }
    cur.push(l);
  }
  if (cur.length > 0) groups.push(cur);
  return groups.map((g) => rowFromLines(g, starts, cellPitch, page));
}


/* ------------------------------------------------------------------------ */
/* Tables from gutters (columns close together, no rules)                    */
/* ------------------------------------------------------------------------ */

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
function inkOf(l: Line): Array<[number, number]> {
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
function bandRows(lines: readonly Line[], starts: readonly number[], pitch: number, page: number): TableRow[] | null {
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

function gutterTable(tl: readonly Line[], starts: number[], p: PageLayout): TableItem {
  const rows = bandRows(tl, starts, p.pitch, p.page) ?? columnRows(tl, starts, p.pitch, p.page, Infinity);
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
 * Finds tables laid out as aligned columns among a page's consecutive lines:
 * a line with three or more wide-gap segments starts one; it runs on while
 * the font size stays and the gaps stay row-like, and ends with the last
 * line that keeps to the columns after the last multi-column line.
 */
export function columnTables(p: PageLayout): void {
  const out: LayoutItem[] = [];
  const items = p.items;
  let k = 0;
  while (k < items.length) {
    const it = items[k]!;
    if (it.kind !== 'line' || it.line.segments.length < 3) {
      out.push(it);
      k++;
      continue;
    }
    const size = it.line.size;
    let j = k + 1;
    while (j < items.length) {
      const a = items[j - 1]!;
      const b = items[j]!;
      if (a.kind !== 'line' || b.kind !== 'line') break;
      if (Math.abs(b.line.size - size) > 0.6) break;
      if (a.line.y - b.line.y > 3 * p.pitch * size) break;
      j++;
    }
    const region = items.slice(k, j).map((x) => (x as LineItem).line);
    const starts = columnStarts(region);
    let lastMulti = -1;
    region.forEach((l, m) => {
      if (l.segments.length >= 2) lastMulti = m;
    });
    let end = lastMulti + 1;
    while (end < region.length && keepsToColumns(region[end]!, starts)) end++;
    const multiCount = region.slice(0, end).filter((l) => l.segments.length >= 2).length;
    if (starts.length < 2 || multiCount < 2) {
      out.push(it);
      k++;
      continue;
    }
    const lines = region.slice(0, end);
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    out.push({
      kind: 'table',
      top: first.y + first.size,
      bottom: last.y - last.size * 0.3,
      xs: [...starts, Math.max(...lines.map((l) => l.x1))],
      rows: withoutRepeatedHeader(columnRows(lines, starts, p.pitch, p.page)),
      ruled: false,
      size,
    });
    k += end;
  }
  p.items = out;
}

/** Rows after the first that repeat it (a header printed again after a page break in the original). */
function withoutRepeatedHeader(rows: TableRow[]): TableRow[] {
  const head = rows[0];
  return head ? [head, ...rows.slice(1).filter((r) => !sameRow(head, r))] : rows;
}

/**
 * Lines at the top of a page that continue an aligned-column table from the
 * previous page: they keep to its columns and its font size. Taken out of
 * the page's items and returned as a table item (null when there are none).
 */
function takeContinuation(p: PageLayout, open: OpenTable): TableItem | null {
  const starts = open.xs.slice(0, -1);
  // a table found from gutters: no text may cross a column start
  const keeps = (l: Line): boolean =>
    open.gutter ? inkOf(l).every(([x0, x1]) => starts.every((s) => !(x0 < s - 1 && x1 > s + 1))) : keepsToColumns(l, starts);
  const lines: Line[] = [];
  let k = 0;
  for (; k < p.items.length; k++) {
    const it = p.items[k]!;
    if (it.kind !== 'line' || Math.abs(it.line.size - open.size) > 0.6 || !keeps(it.line)) break;
    const prev = lines[lines.length - 1];
    const gap = open.gutter ? 4 * it.line.size : 3 * p.pitch * it.line.size;
    if (prev && prev.y - it.line.y > gap) break;
    lines.push(it.line);
  }
  if (lines.length === 0) return null;
  p.items = p.items.slice(k);
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const rows = (open.gutter ? bandRows(lines, starts, p.pitch, p.page) : null) ?? columnRows(lines, starts, p.pitch, p.page, open.gutter ? Infinity : p.pitch);
  return {
    kind: 'table',
    top: first.y + first.size,
    bottom: last.y - last.size * 0.3,
    xs: open.xs,
    rows,
    ruled: false,
    size: open.size,
    gutter: open.gutter,
  };
}

/* ------------------------------------------------------------------------ */
/* Blocks                                                                    */
/* ------------------------------------------------------------------------ */

/** A line that opens a list item or a numbered point: never the continuation of a paragraph. */
const LIST_START = /^(?:[-–•●○▪■◦*✓]\s|\(?[0-9๐-๙]{1,3}[.)](?![0-9๐-๙])|[ก-ฮ][.)]\s|ข้อ\s*[A-Za-z0-9๐-๙])/;

/** A line opening with a field's label ("ระยะเวลาดำเนินการ: …", "ผู้รับผิดชอบ :"): a paragraph of its own. */
const FIELD_LABEL = /^[\u0e01-\u0e4e]{2,30}(?: [\u0e01-\u0e4e]{2,30}){0,2} ?:/;

function weightedMode(values: Array<{ v: number; w: number }>): number | null {
  const acc = new Map<number, number>();
  for (const { v, w } of values) {
    const key = Math.round(v * 2) / 2;
    acc.set(key, (acc.get(key) ?? 0) + w);
  }
  let best: number | null = null;
  let bestW = -1;
  for (const [k, w] of acc) {
    if (w > bestW) {
      best = k;
      bestW = w;
    }
  }
  return best;
}

function percentile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(v.length * q))] ?? null;
}

interface OpenTable {
  block: TableBlock;
  xs: number[];
  ruled: boolean;
  /** Font size of an aligned-column table's text. */
  size: number;
  /** Found from gutters (gutterTables). */
  gutter: boolean;
}

interface OpenParagraph {
  block: ParagraphBlock | HeadingBlock;
  last: Line;
  pitch: number;
}

export function assemble(pages: PageLayout[]): Block[] {
  dropRunningLines(pages);

  const freeLines = pages.flatMap((p) => p.items.flatMap((it) => (it.kind === 'line' ? [it.line] : [])));
  const body = weightedMode(freeLines.map((l) => ({ v: l.size, w: l.text.length }))) ?? 0;
  const longLines = freeLines.filter((l) => l.text.length >= 20);
  const right = percentile((longLines.length > 0 ? longLines : freeLines).map((l) => l.x1), 0.9) ?? 0;
  const left = percentile(freeLines.map((l) => l.x0), 0.1) ?? 0;
  // the right margin: where the longest lines end (the second longest: one line may stray)
  const ends = freeLines.map((l) => l.x1).sort((a, b) => b - a);
  const margin = ends[Math.min(1, ends.length - 1)] ?? 0;
  const fullWidth = (l: Line): boolean => l.x1 >= right - Math.max(3 * l.size, (right - left) * 0.15);
  const isHeading = (l: Line): boolean => body > 0 && l.size >= body * 1.12;

  const blocks: Block[] = [];
  let openTable: OpenTable | null = null;
  let openPara: OpenParagraph | null = null;
  const knownColumns: number[][] = [];

  for (const p of pages) {
    if (openTable && !openTable.ruled) {
      const cont = takeContinuation(p, openTable);
      if (cont) p.items.unshift(cont);
    }
    gutterTables(p, knownColumns);
    columnTables(p);
    let firstOnPage = true;
    for (const it of p.items) {
      const at = position(p.page, null);
      if (it.kind === 'table') {
        openPara = null;
        const cont = firstOnPage && openTable !== null && continues(openTable.block, openTable, it);
        if (cont && openTable) {
          appendContinuation(openTable.block, it.rows);
          openTable.xs = it.xs;
        } else {
          const block = table(it.rows, at);
          blocks.push(block);
          openTable = { block, xs: it.xs, ruled: it.ruled, size: tableFontSize(it), gutter: it.gutter === true };
        }
        firstOnPage = false;
        continue;
      }
      const l = it.line;
      openTable = null;
      const kind = isHeading(l) ? 'heading' : 'paragraph';
      const open = openPara;
      const sameKind = open !== null && (open.block.type === 'heading') === (kind === 'heading');
      if (
        open &&
        sameKind &&
        open.last.bold === l.bold &&
        Math.abs(open.last.size - l.size) <= 0.5 &&
        (kind === 'heading' || (fullWidth(open.last) && wrapped(open.last, l, Math.max(margin, right), undefined, left))) &&
        !LIST_START.test(l.text) &&
        !FIELD_LABEL.test(l.text) &&
        (firstOnPage
          ? kind === 'paragraph' && l.x0 <= left + 2 * l.size // a paragraph running on from the previous page
          : open.last.y - l.y <= paragraphBreak(open.pitch, l.size))
      ) {
        // the next line of the same paragraph (or of a heading set on two lines)
        open.block.text = joinWrappedLines(open.block.text, l.text, { prose: true });
        open.last = l;
      } else {
        const block = kind === 'heading' ? heading(l.text, null, at) : paragraph(l.text, at, l.bold);
        blocks.push(block);
        openPara = { block, last: l, pitch: p.pitch };
      }
      firstOnPage = false;
    }
    // A table or paragraph runs on only into the very top of the next page.
    if (p.items.length === 0) {
      openTable = null;
      openPara = null;
    }
  }
  return blocks.filter((b) => b.type !== 'table' || b.rows.length > 0);
}

/** Most common font size of an aligned-column table (0 for ruled tables: unused). */
function tableFontSize(it: TableItem): number {
  return it.size ?? 0;
}
