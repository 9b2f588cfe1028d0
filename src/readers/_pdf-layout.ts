/**
 * PDF reader, page layout: runs and ruling lines of one page → ruled tables
 * (cells from the grid) and the remaining text lines, in reading order.
 */
import { type TableCell, type TableRow, cell, position, row } from '../model/blocks.js';
import type { PageGraphics, Rect } from './_pdf-rules.js';
import { type Grid, type GridCell, findGrids, intervalOf } from './_pdf-grid.js';
import { splitRun } from './_pdf-split.js';
import { type Line, type Run, ZERO_ADVANCE, runsToLines } from './_pdf-text.js';
import { linesToParagraphs, typicalPitch } from './_pdf-paragraphs.js';
import { footOverflow } from './_pdf-foot.js';

export interface TableItem {
  kind: 'table';
  top: number;
  bottom: number;
  /** Column boundaries, left to right (from the rules or the aligned text). */
  xs: number[];
  rows: TableRow[];
  /** Drawn with ruling lines (false: found from aligned columns). */
  ruled: boolean;
  /** Font size of an aligned-column table's first line. */
  size?: number;
  /** An aligned-column table found from the gutters between its columns. */
  gutter?: boolean;
}

export interface LineItem {
  kind: 'line';
  line: Line;
}

export type LayoutItem = TableItem | LineItem;

export interface PageLayout {
  /** 1-based. */
  page: number;
  /** Page box in the rotated page space. */
  box: { left: number; bottom: number; right: number; top: number };
  /** Top to bottom. */
  items: LayoutItem[];
  /** All text of the page as assembled (ActualText applied), not normalised. */
  raw: string;
  /** The same, line by line normalised. */
  text: string;
  /** Share of the page area covered by images (0–1, may exceed 1 with overlaps). */
  imageCoverage: number;
  /** Painted paths on the page (see PageGraphics.paths). */
  paths: number;
  /** Median baseline pitch / font size on the page. */
  pitch: number;
}

/**
 * A cell's inner right edge: its right border less the padding its text
 * keeps from the left border (cell margins are the same on both sides).
 */
function innerRight(g: Grid, c: GridCell, lines: readonly Line[]): number {
  const left = g.xs[c.c]!;
  const right = g.xs[c.c + c.colspan]!;
  let x0 = Infinity;
  for (const l of lines) if (l.text !== '') x0 = Math.min(x0, l.x0);
  const pad = Number.isFinite(x0) ? Math.min(Math.max(0, x0 - left), (right - left) / 2) : 0;
  return right - pad;
}

/**
 * Where a run's text sits, for assigning it to a cell: inside its first
 * character (half a font size in, or half the run's mean character width
 * if less). A cell narrower than a character lets its one letter ("ล" of
 * "ลำดับ", the rest clipped) run past its right border, and pdfjs joins it
 * with the next cell's text into one run ("ล วิธีการ"): half a font size
 * in would be past the border already.
 */
function anchor(r: Run): [number, number] {
  let chars = 0;
  for (const ch of r.text) if (!ZERO_ADVANCE.test(ch)) chars++;
  const charW = chars > 0 ? r.w / chars : r.w;
  // a run opening with the space before its word (a Thai cluster's ActualText span, " สำ", just left of the
  // border of the cell it belongs to) is placed by its first letter
  const lead = r.text.length - r.text.trimStart().length;
  const at = lead < chars ? lead * charW : 0;
  return [r.x + at + Math.min(r.w, r.size, charW) / 2, r.y + r.size * 0.3];
}

/**
 * A run reaching past a cell's right border whose last word starts at the
 * border, after a space: two cells' texts pdfjs joined with a space, the
 * second a narrow one ("๖ /": a row number and the mark in the next
 * column), reaching less than half a character over.
 */
export function spaceAtBorder(r: Run, right: number): boolean {
  const t = r.text.trimEnd();
  const sp = t.lastIndexOf(' ');
  if (sp <= 0 || r.x + r.w <= right + 1) return false;
  // widths estimated per character: marks none, spaces and thin signs half ("ข้อ ๒ / ": the mark "/" and
  // the spaces around it are narrow, so an even spread put the last word a character short of the border)
  const weight = (ch: string): number => (ZERO_ADVANCE.test(ch) ? 0 : THIN.test(ch) ? 0.5 : 1);
  let total = 0;
  for (const ch of r.text) total += weight(ch);
  let before = 0;
  for (const ch of r.text.slice(0, sp + 1)) before += weight(ch);
  const unit = total > 0 ? r.w / total : r.w;
  return Math.abs(r.x + unit * before - right) <= unit;
}
/** Characters about half as wide as a letter: spaces, slashes, dots, commas, brackets, dashes. */
const THIN = /[\s/.,()\-|:;'!]/;

function inGrid(g: Grid, x: number, y: number): boolean {
  const xs = g.xs;
  const ys = g.ys;
  return x >= xs[0]! && x <= xs[xs.length - 1]! && y <= ys[0]! && y >= ys[ys.length - 1]!;
}

/**
 * `lines`, when given, are runsToLines(runs), already computed: used as the
 * free lines when the page has no ruled table.
 */
export function layoutPage(
  page: number,
  runs: readonly Run[],
  graphics: PageGraphics,
  box: PageLayout['box'],
  lines?: Line[],
): PageLayout {
  const grids = findGrids(graphics);
  // Runs per grid cell (grid index → cell index → runs), the rest free.
  const gridRuns: Run[][][] = grids.map((g) => g.cells.map(() => []));
  const cellAt: Array<Map<number, number>> = grids.map((g) => {
    const nc = g.xs.length - 1;
    const m = new Map<number, number>();
    g.cells.forEach((c, k) => {
      for (let r = c.r; r < c.r + c.rowspan; r++) for (let cc = c.c; cc < c.c + c.colspan; cc++) m.set(r * nc + cc, k);
    });
    return m;
  });
  const free: Run[] = [];
  const queue = [...runs];
  for (let qi = 0; qi < queue.length; qi++) {
    const r = queue[qi]!;
    const [x, y] = anchor(r);
    let placed = false;
    for (let gi = 0; gi < grids.length && !placed; gi++) {
      const g = grids[gi]!;
      if (!inGrid(g, x, y)) continue;
      const c = intervalOf(g.xs, x);
      const rr = intervalOf(g.ys, y, true);
      const k = c >= 0 && rr >= 0 ? cellAt[gi]!.get(rr * (g.xs.length - 1) + c) : undefined;
      if (k !== undefined) {
        // A run reaching into the next cell: pdfjs joined the texts of two cells.
        const gc = g.cells[k]!;
        const right = g.xs[gc.c + gc.colspan]!;
        const parts = r.x + r.w > right + r.size * 0.5 || spaceAtBorder(r, right) ? splitRun(r, right, true) : null;
        if (parts) {
          gridRuns[gi]![k]!.push(parts[0]);
          queue.splice(qi + 1, 0, parts[1]);
        } else {
          gridRuns[gi]![k]!.push(r);
        }
        placed = true;
      }
    }
    if (!placed) free.push(r);
  }
  // text a page break left under cells open at a grid's foot goes into them
  footOverflow(grids, free, graphics.horizontals).forEach((taken, gi) => {
    for (const { k, run } of taken) gridRuns[gi]![k]!.push(run);
  });

  const cellLines = gridRuns.map((cells) => cells.map((rs) => runsToLines(rs)));
  const freeLines = grids.length === 0 && lines ? lines : runsToLines(free);
  const pitch = typicalPitch([...cellLines.flat(), freeLines]);

  const items: LayoutItem[] = [];
  grids.forEach((g, gi) => {
    const rows: TableRow[] = [];
    const nr = g.ys.length - 1;
    const byRow: TableCell[][] = Array.from({ length: nr }, () => []);
    g.cells.forEach((c, k) => {
      const lines = cellLines[gi]![k]!;
      const paragraphs = linesToParagraphs(lines, pitch, innerRight(g, c, lines));
      const nonEmpty = lines.filter((l) => l.text !== '');
      const shaded = shadedCell(graphics.fills, g, c);
      byRow[c.r]!.push(cell(paragraphs, { bold: nonEmpty.length > 0 && nonEmpty.every((l) => l.bold), colspan: c.colspan, rowspan: c.rowspan, shaded }));
    });
    for (const cells of byRow) {
      if (cells.length === 0) continue;
      rows.push(row(cells, position(page, null)));
    }
    markGroupHeader(rows);
    // A grid without any text is a drawing (a frame, a form), not a table.
    if (rows.some((r) => r.cells.some((c) => c.paragraphs.length > 0))) {
      items.push({ kind: 'table', top: g.ys[0]!, bottom: g.ys[g.ys.length - 1]!, xs: g.xs, rows, ruled: true });
    } else {
      // text-free grid: nothing to keep
    }
  });
  for (const line of freeLines) if (line.text !== '') items.push({ kind: 'line', line });
  items.sort((a, b) => itemTop(b) - itemTop(a));

  const allLines = [...freeLines, ...cellLines.flat(2)];
  const raw = allLines.map((l) => l.raw).join('\n');
  const text = allLines.map((l) => l.text).join('\n');
  const area = Math.max(1, (box.right - box.left) * (box.top - box.bottom));
  return { page, box, items, raw, text, imageCoverage: graphics.imageArea / area, paths: graphics.paths, pitch };
}

/**
 * A header written over two rows, marked as the header: a top row whose
 * cells either span down over the next row (column titles) or span across
 * columns (group titles: "ไตรมาส" over "๑ ๒ ๓ ๔", a year over its months),
 * with the row below holding only the titles under the groups. Word
 * processors mark such rows as the table's header; the PDF keeps only the
 * shape, and the sub-titles alone (bare numbers, month abbreviations) do
 * not read as a header. Caption rows above (one cell across the table)
 * are skipped.
 */
export function markGroupHeader(rows: TableRow[]): void {
  let at = 0;
  while (at < rows.length - 2 && rows[at]!.cells.length === 1 && rows[at]!.cells[0]!.colspan > 1) at++;
  const top = rows[at];
  const below = rows[at + 1];
  if (!top || !below) return;
  const groups = top.cells.filter((c) => c.colspan > 1 && c.rowspan === 1);
  const titles = top.cells.filter((c) => c.colspan === 1 && c.rowspan === 2);
  if (groups.length === 0 || titles.length === 0 || groups.length + titles.length !== top.cells.length) return;
  // the row below holds exactly the sub-titles: as many cells as the groups span, each a single column
  const under = groups.reduce((n, c) => n + c.colspan, 0);
  if (below.cells.length !== under || below.cells.some((c) => c.colspan !== 1 || c.rowspan !== 1)) return;
  top.header = true;
  below.header = true;
}

export function itemTop(it: LayoutItem): number {
  return it.kind === 'table' ? it.top : it.line.y + it.line.size * 0.8;
}

/** Share of a cell's area that shaded rectangles must cover for the cell to be shaded (its background, not a stripe through it). */
const SHADED_SHARE = 0.5;

/** A grid cell whose box is mostly covered by shaded rectangles (its background filled with a colour). */
function shadedCell(fills: readonly Rect[] | undefined, g: Grid, c: GridCell): boolean {
  if (!fills || fills.length === 0) return false;
  const x1 = g.xs[c.c]!;
  const x2 = g.xs[c.c + c.colspan]!;
  const y2 = g.ys[c.r]!;
  const y1 = g.ys[c.r + c.rowspan]!;
  const area = (x2 - x1) * (y2 - y1);
  if (!(area > 0)) return false;
  let covered = 0;
  for (const f of fills) {
    const w = Math.min(x2, f.x2) - Math.max(x1, f.x1);
    const h = Math.min(y2, f.y2) - Math.max(y1, f.y1);
    if (w > 0 && h > 0) covered += w * h;
  }
  return covered >= SHADED_SHARE * area;
}
