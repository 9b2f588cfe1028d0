/**
 * Tables as a grid: a cell spanning several columns keeps its text in the
 * first and leaves the others empty; a cell spanning several rows is copied
 * into each (a "ทุกส่วนราชการ" written once for three rows belongs to all
 * three). A header written over two rows (a group title spanning columns
 * above its sub-titles) becomes one header row.
 */
import { cell as makeCell, type TableBlock, type TableCell, type TableRow, cellText } from '../model/blocks.js';
import { looksLikeData, looksLikeHeader } from './columns.js';

const MAX_SPAN = 50;

export function toGrid(t: TableBlock): TableBlock {
  const pending: Array<{ cell: TableCell; left: number } | undefined> = [];
  const rows: TableRow[] = t.rows.map((r) => {
    const out: TableCell[] = [];
    let col = 0;
    const take = () => {
      while (pending[col] && pending[col]!.left > 0) {
        out.push(pending[col]!.cell);
        pending[col]!.left--;
        col++;
      }
    };
    for (const c of r.cells) {
      take();
      const span = Math.min(Math.max(1, c.colspan), MAX_SPAN);
      const down = Math.min(Math.max(1, c.rowspan), MAX_SPAN);
      const single = { ...c, colspan: 1, rowspan: 1 };
      for (let k = 0; k < span; k++) {
        // a shaded cell across months (a Gantt bar drawn as merged cells) shades every column it covers
        const here = k === 0 ? single : makeCell([], c.shaded ? { shaded: true } : {});
        out.push(here);
        if (down > 1) pending[col] = { cell: here, left: down - 1 };
        col++;
      }
    }
    take();
    return { ...r, cells: out };
  });
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0); // no spread: tables may have 100k+ rows
  for (const r of rows) while (r.cells.length < width) r.cells.push(makeCell([]));
  return { ...t, rows: mergeTwoRowHeader(t.rows, rows) };
}

/** A row that is one cell spanning the table: a caption ("ประเด็นที่ ๑ …" over a table of its own), not a group title. */
export function isCaptionRow(r: TableRow): boolean {
  return r.cells.length === 1 && (r.cells[0]?.colspan ?? 1) > 1;
}

/**
 * Row 0 with group titles spanning columns and row 1 with the sub-titles →
 * one header row; caption rows above the header are left as they are.
 */
function mergeTwoRowHeader(original: TableRow[], grid: TableRow[]): TableRow[] {
  let at = 0;
  // a caption over a header alone (the table's rows went on to the next page) is no group title either
  while (at < original.length - 1 && isCaptionRow(original[at]!)) at++;
  const [r0, r1] = [original[at], original[at + 1]];
  const [g0, g1] = [grid[at], grid[at + 1]];
  if (!r0 || !r1 || !g0 || !g1) return grid;
  const spans = r0.cells.some((c) => c.colspan > 1 || c.rowspan > 1);
  const texts1 = g1.cells.map(cellText);
  if (!spans || !((r1.header && !looksLikeData(texts1)) || looksLikeHeader(texts1))) return grid;
  // a title spanning rows was copied down into row 1: take it once
  const merged = g0.cells.map((c, i) => {
    const top = cellText(c);
    const below = texts1[i] ?? '';
    const text = below === top ? top : [top, below].filter(Boolean).join(' ');
    return makeCell(text ? [text] : [], { bold: c.bold });
  });
  return [...grid.slice(0, at), { ...g0, cells: merged, header: true }, ...grid.slice(at + 2)];
}
