/**
 * PDF reader, assembly stage 2: tables laid out as aligned columns without
 * rules (wide gaps between a line's segments), their rows from the lines,
 * and the helpers the gutter tables (_pdf-gutters.ts) and continued tables
 * share: which column a run falls in, rows from lines, repeated headers.
 */
import { type TableRow, cell, position, row } from '../model/blocks.js';
import type { LayoutItem, LineItem, PageLayout } from './_pdf-layout.js';
import { splitRun } from './_pdf-split.js';
import { type Line, type Run, runsToLines } from './_pdf-text.js';
import { linesToParagraphs } from './_pdf-paragraphs.js';
import { repeatsRow } from './_pdf-continuation.js';

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
export function keepsToColumns(l: Line, starts: readonly number[]): boolean {
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
export function runsByColumn(lines: readonly Line[], starts: readonly number[]): Run[][] {
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

export function rowFromLines(lines: readonly Line[], starts: readonly number[], pitch: number, page: number): TableRow {
  const cols = runsByColumn(lines, starts);
  const cells = cols.map((rs) => {
    const ls = runsToLines(rs);
    const nonEmpty = ls.filter((l) => l.text !== '');
    return cell(linesToParagraphs(ls, pitch), { bold: nonEmpty.length > 0 && nonEmpty.every((l) => l.bold) });
  });
  return row(cells, position(page, null));
}

/** Lines of one aligned-column table → rows: a new row after a wider gap than between lines, where the first column has text. */
export function columnRows(lines: readonly Line[], starts: readonly number[], pitch: number, page: number, cellPitch = pitch): TableRow[] {
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
export function withoutRepeatedHeader(rows: TableRow[]): TableRow[] {
  const head = rows[0];
  return head ? [head, ...rows.slice(1).filter((r) => !repeatsRow(head, r))] : rows;
}
