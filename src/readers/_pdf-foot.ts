/**
 * PDF reader, page layout: text a page break left under a table's last
 * row. When a row is cut and the next row goes to the next page, Chromium
 * draws a cell merged down over both rows (a column title beside a group's
 * sub-titles) only as far as the first row's foot, no rule there, and
 * prints the rest of its text below that foot ("ข้อบกพร่อง/" in the cell,
 * "ประเด็นที่ต้อง" under it). Those lines, right under a cell left open at
 * the grid's foot, belong to that cell.
 */
import type { Grid } from './_pdf-grid.js';
import type { Segment } from './_pdf-rules.js';
import type { Run } from './_pdf-text.js';

/** How near (pt) a rule must be to a cell's foot to close it. */
const SNAP = 2;
/** Baselines this near (pt) are one line. */
const SAME_LINE = 2;

/** Cells of the grid's last row (by index in g.cells) with no rule along their foot, and their x spans. */
function openAtFoot(g: Grid, horizontals: readonly Segment[]): Array<{ k: number; x0: number; x1: number }> {
  const nr = g.ys.length - 1;
  const foot = g.ys[nr]!;
  const out: Array<{ k: number; x0: number; x1: number }> = [];
  g.cells.forEach((c, k) => {
    if (c.r + c.rowspan !== nr) return;
    const x0 = g.xs[c.c]!;
    const x1 = g.xs[c.c + c.colspan]!;
    const mid = (x0 + x1) / 2;
    if (!horizontals.some((h) => Math.abs(h.y1 - foot) <= SNAP && h.x1 <= mid && h.x2 >= mid)) out.push({ k, x0, x1 });
  });
  return out;
}

/**
 * Free runs (taken out of `free`) continuing a cell left open at the foot
 * of a grid: lines one under another from right under the foot, each run
 * inside an open cell. Returns, per grid, the cell index of each run taken.
 */
export function footOverflow(grids: readonly Grid[], free: Run[], horizontals: readonly Segment[]): Array<Array<{ k: number; run: Run }>> {
  return grids.map((g) => {
    const open = openAtFoot(g, horizontals);
    if (open.length === 0 || open.length === g.cells.length) return [];
    const foot = g.ys[g.ys.length - 1]!;
    const inside = (r: Run) => open.find((o) => r.x >= o.x0 && r.x + r.w <= o.x1 + 1);
    // the lines under the foot, top down
    const below = free.filter((r) => r.y < foot).sort((a, b) => b.y - a.y);
    const taken: Array<{ k: number; run: Run }> = [];
    let floor = foot;
    for (let i = 0; i < below.length; ) {
      const y = below[i]!.y;
      let j = i;
      while (j < below.length && y - below[j]!.y <= SAME_LINE) j++;
      const line = below.slice(i, j);
      const size = Math.max(...line.map((r) => r.size));
      // the line's top right under the foot (or the line above), every run of it in an open cell
      if (y + size < floor - 0.8 * size || !line.every((r) => inside(r))) break;
      for (const run of line) taken.push({ k: inside(run)!.k, run });
      floor = y - 0.3 * size;
      i = j;
    }
    for (const t of taken) free.splice(free.indexOf(t.run), 1);
    return taken;
  });
}
