/**
 * PDF reader, graphics side: tables printed one right under the other.
 * A web page's consecutive tables (one per issue, each under its caption
 * row) touch when printed: the ruling lines of both are one connected set,
 * and one grid over both would take every column boundary of either (the
 * cells of each cut at the other's boundaries). Such a set is cut where
 * the column boundaries change: between two bands of rows whose inner
 * verticals differ both ways (each has boundaries the other lacks), not
 * where one merely merges cells of the other (a header's group titles, a
 * row with a merged cell).
 */
import { type Segment, clusterValues } from './_pdf-rules.js';

const TOL = 2;

/** How far verticals must run above the top rule to leave a row open there (as _pdf-grid.ts's openEnds). */
const OPEN_END = 6;

/** Values within TOL of each other → one (their mean), ascending. */
const levels = (values: number[]): number[] => clusterValues(values, TOL);

/** How near two verticals must be to be one table's border drawn again. */
const EXACT = 0.5;

/** How many of `a` have no match in `b` (within `tol`). */
function missing(a: number[], b: number[], tol = TOL): number {
  return a.filter((x) => !b.some((y) => Math.abs(x - y) <= tol)).length;
}

/** The connected rules `h`, `v` as one or more stacked tables (top to bottom), each with its own rules. */
export function splitStacked(h: Segment[], v: Segment[]): Array<{ h: Segment[]; v: Segment[] }> {
  const ys = levels(h.map((s) => s.y1)).reverse();
  // a row left open by a page break (verticals running past the outermost rule, none at the cut) is a band of
  // its own: the rest of the last table's row at a page top, the start of the next table's row at a page foot
  const above = v.filter((s) => s.y2 > ys[0]! + OPEN_END).map((s) => s.y2);
  const below = v.filter((s) => s.y1 < ys[ys.length - 1]! - OPEN_END).map((s) => s.y1);
  if (above.length >= 2) ys.unshift(Math.max(...above));
  if (below.length >= 2) ys.push(Math.min(...below));
  if (ys.length < 3) return [{ h, v }];
  // each band's inner column boundaries, without its own outer edges (empty: a row of one cell across the table)
  const bands = ys.slice(0, -1).map((top, k) => {
    const mid = (top + ys[k + 1]!) / 2;
    const xs = levels(v.filter((s) => s.y1 <= mid && s.y2 >= mid).map((s) => s.x1));
    return xs.slice(1, -1);
  });
  // cuts: the boundary above the first band (and the one-cell rows right above it) of a new table
  const cuts: number[] = [];
  // the rest of a row cut at the page top drawn in a width of its own (Chromium lays the rest of a cut row out
  // again: its empty cells a unit or two wide, the one with text wider) is no row of the table under it
  const topMid = (ys[0]! + ys[1]!) / 2;
  const topEdges = v.filter((s) => s.y1 <= topMid && s.y2 >= topMid).map((s) => s.x1);
  const allEdges = v.map((s) => s.x1);
  if (
    topEdges.length >= 2 &&
    (Math.abs(Math.min(...topEdges) - Math.min(...allEdges)) > TOL || Math.abs(Math.max(...topEdges) - Math.max(...allEdges)) > TOL)
  )
    cuts.push(ys[1]!);
  let seen: number[] = [];
  let drawn: number[] = [];
  let lastFull = -1;
  bands.forEach((xs, k) => {
    if (xs.length === 0) return;
    // under a one-cell row (a caption), any boundary moved at all: one table's borders are drawn at one x, while
    // two tables of like columns (month columns) differ only where a column's width does, and by less than TOL
    const underCaption = k > 0 && bands[k - 1]!.length === 0 && missing(xs, drawn, EXACT) >= 1 && missing(drawn, xs, EXACT) >= 1;
    // (a table of two or three columns above: every one of its few boundaries gone is as telling)
    if (seen.length > 0 && (underCaption || (missing(xs, seen) >= 2 && missing(seen, xs) >= Math.min(2, seen.length)))) {
      // one-cell rows between the two tables (a caption) go with the table below
      let start = k;
      while (start - 1 > lastFull && bands[start - 1]!.length === 0) start--;
      cuts.push(ys[start]!);
      seen = [];
      drawn = [];
    }
    seen = levels([...seen, ...xs]);
    drawn.push(...xs);
    lastFull = k;
  });
  if (cuts.length === 0) return [{ h, v }];
  const edges = [Infinity, ...cuts, -Infinity];
  const out: Array<{ h: Segment[]; v: Segment[] }> = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const top = edges[i]!;
    const bottom = edges[i + 1]!;
    const hh = h.filter((s) => s.y1 <= top + TOL && s.y1 >= bottom - TOL);
    const vv = v
      .filter((s) => s.y2 > bottom + TOL && s.y1 < top - TOL)
      .map((s) => ({ ...s, y1: Math.max(s.y1, bottom), y2: Math.min(s.y2, top) }));
    if (hh.length > 0 && vv.length >= 2) out.push({ h: hh, v: vv });
  }
  return out;
}
