/**
 * PDF reader, assembly stage 2b': rows of a table without rules told by its
 * number column. In a borderless table whose cells hold several lines of
 * wrapped text, the gaps between rows are no wider than between lines (a
 * word processor's cells have no top or bottom padding), so bands of lines
 * cannot tell the rows apart. The row numbers can: each data row has one,
 * alone in its column, and every cell of the row is aligned on it:
 *   - top-aligned cells start on the number's baseline, so a row runs from
 *     its number down to the next number;
 *   - vertically centred cells are centred on the number's baseline, so a
 *     cell whose lowest line is d below the number reaches d above it:
 *     taken from the last row up, each column's lines fall to the row whose
 *     number they are centred on, and what is left above the first row is
 *     the header.
 * Null when the table has no such column (fewer than two numbers, or text
 * under the first number that is not one).
 */
import type { TableRow } from '../model/blocks.js';
import { rowFromLines, runsByColumn } from './_pdf-columns.js';
import { type Line, type Run, runsToLines } from './_pdf-text.js';

/** A row number: "1", "1.", "1.2", "๑)", "ข้อ ๓". */
export const ROW_NUMBER = /^(?:ข้อ(?:ที่)?\s*)?\(?[0-9\u0e50-\u0e59]{1,3}(?:\.[0-9\u0e50-\u0e59]{1,2})*[.)]?$/;

interface ColLine {
  line: Line;
  col: number;
}

/** Share of a top-aligned table's cells that start on their row number's baseline, below which the cells are taken as centred. */
const TOP_SHARE = 0.9;

export function anchorRows(lines: readonly Line[], starts: readonly number[], page: number): TableRow[] | null {
  if (lines.length < 3 || starts.length < 3) return null;
  const cols = runsByColumn(lines, starts).map((rs: Run[]) => runsToLines(rs.filter((r) => r.text.trim() !== '')));
  // the number column: the most numbers, nothing but numbers under the first
  let anchorCol = -1;
  let anchors: number[] = [];
  cols.forEach((ls, c) => {
    const first = ls.findIndex((l) => ROW_NUMBER.test(l.text.trim()));
    if (first < 0) return;
    const below = ls.slice(first);
    if (!below.every((l) => ROW_NUMBER.test(l.text.trim()))) return;
    if (below.length >= 2 && below.length > anchors.length) {
      anchorCol = c;
      anchors = below.map((l) => l.y);
    }
  });
  if (anchorCol < 0) return null;
  const size = Math.max(...lines.map((l) => l.size));
  const tol = size * 0.35;
  const all: ColLine[] = cols.flatMap((ls, col) => ls.map((line) => ({ line, col })));
  const n = anchors.length;
  const next = (i: number): number => (i + 1 < n ? anchors[i + 1]! : -Infinity);
  // top-aligned: every column with text in a row's range has a line on its number's baseline
  let cells = 0;
  let onBaseline = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < cols.length; c++) {
      if (c === anchorCol) continue;
      const inRow = cols[c]!.filter((l) => l.y <= anchors[i]! + tol && l.y > next(i) + tol);
      if (inRow.length === 0) continue;
      cells++;
      if (inRow.some((l) => Math.abs(l.y - anchors[i]!) <= tol)) onBaseline++;
    }
  }
  const top = cells > 0 && onBaseline >= TOP_SHARE * cells;
  const rowOf = new Map<ColLine, number>();
  if (top) {
    for (const cl of all) {
      const i = anchors.findIndex((a, k) => cl.line.y <= a + tol && cl.line.y > next(k) + tol);
      if (i >= 0) rowOf.set(cl, i);
    }
  } else {
    // the last row cut at the page's foot: its cells printed from the top there (too tall to be centred below the row above)
    const lowest = Math.min(...all.filter((cl) => cl.col !== anchorCol).map((cl) => cl.line.y));
    const last = anchors[n - 1]!;
    const cut = n >= 2 && anchors[n - 2]! - last < last - lowest;
    // centred: each column from the bottom up, the lowest line left sets how far above the number the cell reaches
    for (let c = 0; c < cols.length; c++) {
      const ls = all.filter((cl) => cl.col === c).sort((a, b) => a.line.y - b.line.y);
      let k = 0;
      for (let i = n - 1; i >= 0 && k < ls.length; i--) {
        const a = anchors[i]!;
        const prev = i > 0 ? anchors[i - 1]! : Infinity;
        const low = ls[k]!.line.y;
        if (low > a + tol) continue; // nothing of this column in row i
        const reach = cut && i === n - 1 ? a + tol : 2 * a - low + tol;
        let end = k;
        let hi = -Infinity;
        while (end < ls.length && ls[end]!.line.y <= reach && ls[end]!.line.y < prev - tol) hi = Math.max(hi, ls[end++]!.line.y);
        if (hi > -Infinity && !(cut && i === n - 1) && Math.abs((hi + low) / 2 - a) > size * 0.5) {
          // a cell not centred on its number (top-aligned beside a centred number): not this layout,
          // but for the last row, cut at the page's foot (its cells printed from the top there)
          if (i !== n - 1) return null;
          end = k;
          while (end < ls.length && ls[end]!.line.y <= a + tol) end++;
        }
        for (; k < end; k++) rowOf.set(ls[k]!, i);
      }
    }
  }
  const head = all.filter((cl) => !rowOf.has(cl)).map((cl) => cl.line);
  const rows: Line[][] = anchors.map(() => []);
  for (const [cl, i] of rowOf) rows[i]!.push(cl.line);
  const byY = (ls: Line[]): Line[] => ls.sort((a, b) => b.y - a.y);
  // a header must sit above the rows: lines left over among them (a note, a caption) are not handled here
  const firstTop = Math.max(...rows[0]!.map((l) => l.y));
  if (head.some((l) => l.y < firstTop)) return null;
  const out = rows.map((ls) => rowFromLines(byY(ls), starts, Infinity, page));
  if (head.length > 0) out.unshift(rowFromLines(byY(head), starts, Infinity, page));
  return out;
}
