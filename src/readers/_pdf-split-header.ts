/**
 * PDF reader, tables across pages: a header written over two rows that the
 * page break split. The page ends with the table's first header row (and a
 * caption row above it): column titles meant to span down and group titles
 * ("พ.ศ. ๒๕๖๘" over its months, "ไตรมาส" over "๑ ๒ ๓ ๔"); the next page
 * starts with the row of sub-titles, empty under the column titles, and the
 * data. Drawn apart, the top part has only the group's outer rules, so its
 * grid is coarser and the two tables do not line up column for column: the
 * top part's cells are given the spans they have in the finer grid, column
 * titles reach down over the empty cells under them, and the whole header
 * is marked as such.
 */
import type { TableBlock, TableCell, TableRow } from '../model/blocks.js';
import { placeCells } from './_pdf-cut-rows.js';
import { markGroupHeader } from './_pdf-layout.js';

/** How far apart (pt) two column boundaries may be and still be one. */
const SAME_X = 3;
/** Most rows the split-off top of a header has (a caption or two and the first header row). */
const TOP_ROWS = 3;

const isEmpty = (c: TableCell): boolean => c.paragraphs.every((p) => p.trim() === '');

/** Index in `fine` of each boundary of `coarse`, or null when one has none (not a coarsening). */
function boundaryMap(coarse: readonly number[], fine: readonly number[]): number[] | null {
  const out: number[] = [];
  for (const x of coarse) {
    const k = fine.findIndex((f) => Math.abs(f - x) <= SAME_X);
    if (k < 0) return null;
    out.push(k);
  }
  return out;
}

/**
 * Joins `rows` (a table at the top of a page, drawn with column boundaries
 * `xs`) to `t` (the table that ended the page before, boundaries `prevXs`)
 * when `t` is the top of a header the page break split from them; returns
 * false, changing nothing, when it is not.
 */
export function joinSplitHeader(t: TableBlock, prevXs: readonly number[], rows: readonly TableRow[], xs: readonly number[]): boolean {
  const first = rows[0];
  if (!first || t.rows.length === 0 || t.rows.length > TOP_ROWS || xs.length <= prevXs.length) return false;
  const map = boundaryMap(prevXs, xs);
  // the same outer edges, every boundary of the top part among the new ones
  if (!map || map[0] !== 0 || map[map.length - 1] !== xs.length - 1) return false;
  const top = placeCells(t.rows);
  const span = (col: number, colspan: number): [number, number] => [map[col]!, map[Math.min(map.length - 1, col + colspan)]!];
  // the top part's last row: which of its cells stand over empty cells only (column titles reaching down)
  const last = top[top.length - 1]!;
  const under = placeCells([first])[0]!;
  const down = new Set<TableCell>();
  const dropped = new Set<TableCell>();
  let groups = 0;
  for (const { cell, col } of last) {
    const [a, b] = span(col, Math.max(1, cell.colspan));
    const below = under.filter((p) => p.col >= a && p.col < b);
    const tiles = below.reduce((n, p) => n + Math.max(1, p.cell.colspan), 0) === b - a && below.every((p) => p.col + Math.max(1, p.cell.colspan) <= b);
    if (!tiles) return false;
    if (below.every((p) => isEmpty(p.cell))) {
      down.add(cell);
      for (const p of below) dropped.add(p.cell);
    } else if (b - a > 1) groups++;
  }
  // a header split in two: titles reaching down beside groups with their sub-titles below
  if (down.size === 0 || groups === 0) return false;
  top.forEach((cells) => {
    for (const { cell, col } of cells) {
      const [a, b] = span(col, Math.max(1, cell.colspan));
      cell.colspan = b - a;
    }
  });
  for (const c of down) c.rowspan += 1;
  first.cells = first.cells.filter((c) => !dropped.has(c));
  t.rows.push(...rows);
  markGroupHeader(t.rows);
  return true;
}
