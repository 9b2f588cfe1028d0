/**
 * Ruling lines → table grids with merged cells, as the text-PDF reader
 * builds them from drawn lines (src/readers/_pdf-rules.ts): connected sets
 * of horizontal and vertical rules with at least two of each and two
 * cells; column boundaries where vertical rules are, row boundaries where
 * horizontal ones are; a boundary missing between two neighbouring grid
 * cells merges them (colspan, rowspan).
 *
 * On a scan a boundary counts as drawn when rule ink covers at least half
 * of it (rules.ts has already bridged breaks): a rule broken by the scan or
 * under a stamp still separates its cells, while text or a stamp's ring
 * crossing a merged cell makes no boundary (it is no rule: too short or not
 * thin).
 */
import { type GridCell, find, mergedCells } from '../readers/_pdf-grid.js';
import { type RuleLine, type Rules, coverage } from './rules.js';
import type { ShadeMap } from './shading.js';

export type { GridCell } from '../readers/_pdf-grid.js';


/** A ruled table in deskewed coordinates. */
export interface RuledGrid {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Column boundaries, left to right (outer borders included). */
  xs: number[];
  /** Row boundaries, top to bottom (outer borders included). */
  ys: number[];
  /** Cells in reading order (row, then column). */
  cells: GridCell[];
  /** The page's shading (shading.ts) and skew, when it has some: which cells are shaded. */
  shade?: { map: ShadeMap; skew: number };
}


/** Sorted positions, those within tol of each other averaged. */
export function cluster(values: number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x - (last[last.length - 1] as number) <= tol) last.push(x);
    else out.push([x]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Share of [from, to] covered by the ink of the lines lying at `at` (within tol). */
function drawn(lines: readonly RuleLine[], at: number, from: number, to: number, tol: number): number {
  // shrink by the tolerance: the crossing rules' own ink is at the ends
  const a = from + tol;
  const b = to - tol;
  if (b - a < 2) return lines.some((l) => Math.abs(l.pos - at) <= tol && l.a <= from + tol && l.b >= to - tol) ? 1 : 0;
  const near = lines.filter((l) => Math.abs(l.pos + l.slope * ((a + b) / 2 - (l.a + l.b) / 2) - at) <= tol);
  if (near.length === 1) return coverage(near[0] as RuleLine, a, b);
  // several pieces of one boundary: the union of their ink
  const marks = new Uint8Array(Math.ceil(b - a));
  for (const l of near) {
    for (const [p, q] of l.spans) {
      for (let t = Math.max(a, p); t <= Math.min(b - 1, q); t++) marks[Math.floor(t - a)] = 1;
    }
  }
  return marks.reduce((s, v) => s + v, 0) / marks.length;
}

/**
 * Tables drawn with rules (deskewed coordinates); H is the text's base
 * height in pixels.
 */
export function ruledGrids(rules: Rules, H: number): RuledGrid[] {
  return gridsWithLines(rules, H).map((x) => x.grid);
}

/** The grids, each with the rules it is drawn with (for erasing them). */
export function gridsWithLines(rules: Rules, H: number): Array<{ grid: RuledGrid; lines: Rules }> {
  const tol = Math.max(4, 0.5 * H);
  const meets = (v: RuleLine, h: RuleLine): boolean => v.pos >= h.a - tol && v.pos <= h.b + tol && h.pos >= v.a - tol && h.pos <= v.b + tol;
  // a rule of a table meets two rules across it (a letter stroke or an underline taken for a rule meets one at most)
  let V = rules.vertical;
  let Hs = rules.horizontal;
  for (let k = 0; k < 3; k++) {
    const v2 = V.filter((v) => Hs.filter((h) => meets(v, h)).length >= 2);
    const h2 = Hs.filter((h) => v2.filter((v) => meets(v, h)).length >= 2);
    if (v2.length === V.length && h2.length === Hs.length) break;
    V = v2;
    Hs = h2;
  }
  const parent = Array.from({ length: V.length + Hs.length }, (_, i) => i);
  V.forEach((v, i) => {
    Hs.forEach((h, j) => {
      if (meets(v, h)) {
        const a = find(parent, i);
        const b = find(parent, V.length + j);
        if (a !== b) parent[a] = b;
      }
    });
  });
  const comps = new Map<number, Rules>();
  const add = (i: number, line: RuleLine, vertical: boolean): void => {
    const r = find(parent, i);
    let c = comps.get(r);
    if (!c) comps.set(r, (c = { vertical: [], horizontal: [] }));
    (vertical ? c.vertical : c.horizontal).push(line);
  };
  V.forEach((v, i) => add(i, v, true));
  Hs.forEach((h, j) => add(V.length + j, h, false));
  const out: Array<{ grid: RuledGrid; lines: Rules }> = [];
  for (const comp of comps.values()) {
    for (const lines of stacked(comp, H, tol)) {
      if (lines.vertical.length < 2 || lines.horizontal.length < 2) continue;
      const grid = buildGrid(lines.vertical, lines.horizontal, H, tol);
      if (grid && grid.cells.length >= 2) out.push({ grid, lines });
    }
  }
  return out.sort((a, b) => a.grid.y0 - b.grid.y0);
}

/**
 * Tables one above the other with a heading between them: their vertical
 * rules line up and were bridged across the heading, but no vertical rule
 * has ink there, or (tables drawn with a frame) one alone: a letter of
 * the heading touching the table above, its stem under a column rule. The
 * rules are split at such bands into one set per table.
 */
function stacked(comp: Rules, H: number, tol: number): Rules[] {
  const ys = cluster(comp.horizontal.map((r) => r.pos), tol);
  const xs = cluster(comp.vertical.map((r) => r.pos), tol);
  const parts: Array<[number, number]> = [];
  const inked = ys.slice(1).map((b, r) => xs.filter((x) => drawn(comp.vertical, x, ys[r] as number, b, tol) >= 0.5).length);
  // tables drawn with a frame: a row of theirs has two rules at least, its sides (one alone is a letter's
  // stem touching a rule's end, under a heading written right under a table)
  const least = inked.some((n) => n >= 2) ? 2 : 1;
  let from = ys[0] as number;
  for (let r = 0; r + 1 < ys.length; r++) {
    const a = ys[r] as number;
    const b = ys[r + 1] as number;
    if ((inked[r] as number) >= least) continue;
    if (a > from) parts.push([from, a]);
    from = b;
  }
  const last = ys[ys.length - 1] as number;
  if (from === (ys[0] as number)) return [comp];
  if (last > from) parts.push([from, last]);
  return parts.map(([lo, hi]) => ({
    horizontal: comp.horizontal.filter((l) => l.pos >= lo - tol && l.pos <= hi + tol),
    vertical: comp.vertical.flatMap((l) => {
      const spans = l.spans.map(([p, q]) => [Math.max(p, lo - tol), Math.min(q, hi + tol)] as [number, number]).filter(([p, q]) => q > p);
      const inked = spans.reduce((n, [p, q]) => n + q - p, 0);
      return inked >= Math.min(2 * H, 0.5 * (hi - lo)) ? [{ ...l, a: Math.max(l.a, lo - tol), b: Math.min(l.b, hi + tol), spans }] : [];
    }),
  }));
}

function buildGrid(v: RuleLine[], h: RuleLine[], H: number, tol: number): RuledGrid | null {
  let xs = cluster(v.map((r) => r.pos), tol);
  let ys = cluster(h.map((r) => r.pos), tol);
  if (xs.length < 2 || ys.length < 2) return null;
  // inner boundaries drawn nowhere (a stray piece of ink joined to the rules) separate nothing
  for (let k = 0; k < 2; k++) {
    const X = xs;
    const Y = ys;
    xs = X.filter((x, c) => c === 0 || c === X.length - 1 || Y.slice(1).some((y, r) => drawn(v, x, Y[r] as number, y, tol) >= 0.5));
    ys = Y.filter((y, r) => r === 0 || r === Y.length - 1 || X.slice(1).some((x, c) => drawn(h, y, X[c] as number, x, tol) >= 0.5));
  }
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr < 1 || nc < 1) return null;
  const x0 = xs[0] as number;
  const x1 = xs[nc] as number;
  const y0 = ys[0] as number;
  const y1 = ys[nr] as number;
  if (x1 - x0 < 4 * H || y1 - y0 < 1.5 * H) return null;
  const cells = mergedCells(
    nr,
    nc,
    (r, c) => drawn(v, xs[c] as number, ys[r] as number, ys[r + 1] as number, tol) < 0.5,
    (r, c) => drawn(h, ys[r] as number, xs[c] as number, xs[c + 1] as number, tol) < 0.5,
  );
  return { x0, x1, y0, y1, xs, ys, cells };
}

/** Index of the interval of the ascending bounds holding v, or -1. */
export function intervalOf(bounds: readonly number[], v: number): number {
  for (let k = 0; k + 1 < bounds.length; k++) if (v >= (bounds[k] as number) && v < (bounds[k + 1] as number)) return k;
  return -1;
}

/** The cell of the grid holding grid position (r, c): its index in g.cells. */
export function cellIndex(g: RuledGrid): (r: number, c: number) => number {
  const nc = g.xs.length - 1;
  const at = new Int32Array((g.ys.length - 1) * nc).fill(-1);
  g.cells.forEach((cell, k) => {
    for (let r = cell.r; r < cell.r + cell.rowspan; r++) for (let c = cell.c; c < cell.c + cell.colspan; c++) at[r * nc + c] = k;
  });
  return (r, c) => (r < 0 || c < 0 || c >= nc ? -1 : (at[r * nc + c] ?? -1));
}
