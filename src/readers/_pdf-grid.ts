/**
 * PDF reader, graphics side, second stage: table grids from the ruling
 * lines of a page (_pdf-rules.ts): collinear pieces merged, boundaries
 * clustered, cells (with their spans) where the rules enclose them.
 */
import { type PageGraphics, type Segment, clusterValues } from './_pdf-rules.js';
import { splitStacked } from './_pdf-stacked.js';

/** A ruled table on one page: column and row boundaries and the merged cells. */
export interface Grid {
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom (descending y). */
  ys: number[];
  /** Cells in reading order; r/c index the grid, spans count grid rows/columns. */
  cells: GridCell[];
}

export interface GridCell {
  r: number;
  c: number;
  rowspan: number;
  colspan: number;
}

const SNAP = 2;
/**
 * Rules this close across are one boundary (pieces of one line drawn by
 * neighbouring cells). Tighter than SNAP: Chromium draws empty columns
 * side by side about 1.6 units apart, each a column of the table.
 */
const SAME_LINE = 1;
/**
 * Pieces of one rule this close are one line: Chromium (Skia) draws each
 * cell's border on its own and leaves an empty column a few units wide
 * without its top and bottom borders, a gap of about 4 units in the rule
 * that must not cut the table in two.
 */
const BRIDGE = 4.5;

/** Collinear pieces of one line (same coordinate within SAME_LINE, touching) merged. */
function mergeCollinear(segs: Segment[], horizontal: boolean, across: Segment[] = []): Segment[] {
  const key = (s: Segment): number => (horizontal ? s.y1 : s.x1);
  const lo = (s: Segment): number => (horizontal ? s.x1 : s.y1);
  const hi = (s: Segment): number => (horizontal ? s.x2 : s.y2);
  // a wider gap is one line too where rules across stand in it no further apart than BRIDGE (several empty columns side by side)
  const crossing = across.map((s) => ({ at: horizontal ? s.x1 : s.y1, lo: horizontal ? s.y1 : s.x1, hi: horizontal ? s.y2 : s.x2 })).sort((a, b) => a.at - b.at);
  const bridged = (at: number, from: number, to: number): boolean => {
    let last = from;
    for (const c of crossing) {
      if (c.at <= from || c.at >= to || c.lo > at + SNAP || c.hi < at - SNAP) continue;
      if (c.at - last > BRIDGE) return false;
      last = c.at;
    }
    return to - last <= BRIDGE;
  };
  const sorted = [...segs].sort((a, b) => key(a) - key(b) || lo(a) - lo(b));
  // group by coordinate
  const out: Segment[] = [];
  let g: Segment[] = [];
  const flushGroup = (): void => {
    g.sort((a, b) => lo(a) - lo(b));
    let cur: Segment | null = null;
    for (const s of g) {
      if (cur && (lo(s) <= hi(cur) + BRIDGE || bridged(key(cur), hi(cur), lo(s)))) {
        if (horizontal) cur.x2 = Math.max(cur.x2, s.x2);
        else cur.y2 = Math.max(cur.y2, s.y2);
      } else {
        if (cur) out.push(cur);
        cur = { ...s };
        const c = key(s);
        if (horizontal) cur.y1 = cur.y2 = c;
        else cur.x1 = cur.x2 = c;
      }
    }
    if (cur) out.push(cur);
    g = [];
  };
  for (const s of sorted) {
    const first = g[0];
    if (first && key(s) - key(first) > SAME_LINE) flushGroup();
    g.push(s);
  }
  flushGroup();
  return out;
}

/** Union-find root of i, halving the path on the way (shared with the OCR grid, ocr/grid.ts). */
export function find(p: number[], i: number): number {
  while (p[i] !== i) {
    const up = p[p[i]!]!;
    p[i] = up;
    i = up;
  }
  return i;
}

/** Values within SAME_LINE of each other → one (their mean), ascending. */
const cluster = (values: number[]): number[] => clusterValues(values, SAME_LINE);

/**
 * Ruling lines → table grids: connected sets of horizontal and vertical
 * lines with at least two of each and at least two cells. A missing border
 * between neighbouring grid cells merges them (colspan/rowspan).
 */
export function findGrids(g: PageGraphics): Grid[] {
  const hs = mergeCollinear(g.horizontals, true, g.verticals);
  const vs = mergeCollinear(g.verticals, false);
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i]!;
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j]!;
      if (v.x1 >= h.x1 - SNAP && v.x1 <= h.x2 + SNAP && h.y1 >= v.y1 - SNAP && h.y1 <= v.y2 + SNAP) {
        const a = find(parent, i);
        const b = find(parent, hs.length + j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const comps = new Map<number, { h: Segment[]; v: Segment[] }>();
  all.forEach((s, i) => {
    const root = find(parent, i);
    let c = comps.get(root);
    if (!c) comps.set(root, (c = { h: [], v: [] }));
    (i < hs.length ? c.h : c.v).push(s);
  });
  const lone = [...comps.values()].filter((c) => c.h.length === 0).flatMap((c) => c.v);
  const grids: Grid[] = [];
  for (const { h, v } of comps.values()) {
    if (h.length > 0 && v.length >= 2) v.push(...besideRows(v, lone));
    // one horizontal rule is enough where the verticals run on past it (a row cut by a page break: openEnds)
    if (h.length < 1 || v.length < 2) continue;
    for (const part of splitStacked(h, v)) {
      const grid = buildGrid(part.h, part.v);
      if (grid && grid.cells.length >= 2) grids.push(grid);
    }
  }
  return grids;
}

/**
 * Verticals touching no horizontal rule that run exactly as high as the
 * table's: the border of a cell merged down over every row on the page (a
 * section cell whose rows the page breaks cut, drawn without a rule at
 * either cut). Without them the merged cell's column is lost.
 */
function besideRows(v: Segment[], lone: Segment[]): Segment[] {
  const top = Math.max(...v.map((s) => s.y2));
  const bottom = Math.min(...v.map((s) => s.y1));
  const x0 = Math.min(...v.map((s) => s.x1));
  const x1 = Math.max(...v.map((s) => s.x1));
  return lone.filter((s) => (s.x1 < x0 - SNAP || s.x1 > x1 + SNAP) && Math.abs(s.y2 - top) <= 2 * SNAP && Math.abs(s.y1 - bottom) <= 2 * SNAP);
}

function covers(segs: Segment[], horizontal: boolean, at: number, mid: number): boolean {
  for (const s of segs) {
    if (horizontal) {
      if (Math.abs(s.y1 - at) <= SNAP && s.x1 <= mid && s.x2 >= mid) return true;
    } else if (Math.abs(s.x1 - at) <= SNAP && s.y1 <= mid && s.y2 >= mid) return true;
  }
  return false;
}

/** How far past the outermost horizontal rule a table's verticals must run to leave a row open there. */
const OPEN_END = 6;

/**
 * Where a table's rows stay open past its outermost horizontal rules: a row
 * cut by a page break is drawn without the rule at the cut by writers that
 * slice cell borders there (Chromium and Skia's PDF, Google Docs), so the
 * verticals run on to the page's last line (or start at the next page's
 * first) with no rule to close them. When both outer verticals run on, the
 * row ends where they end.
 */
function openEnds(h: Segment[], v: Segment[], xs: number[]): { low: number | null; high: number | null } {
  const lowRule = Math.min(...h.map((s) => s.y1));
  const highRule = Math.max(...h.map((s) => s.y1));
  const edge = (segs: Segment[], x: number) => segs.some((s) => Math.abs(s.x1 - x) <= SNAP);
  const end = (segs: Segment[], pick: (s: Segment) => number): number | null => {
    if (!edge(segs, xs[0]!) || !edge(segs, xs[xs.length - 1]!)) return null;
    const ends = segs.map(pick).sort((a, b) => a - b);
    return ends[Math.floor(ends.length / 2)]!;
  };
  return {
    low: end(v.filter((s) => s.y1 < lowRule - OPEN_END), (s) => s.y1),
    high: end(v.filter((s) => s.y2 > highRule + OPEN_END), (s) => s.y2),
  };
}

function buildGrid(h: Segment[], v: Segment[]): Grid | null {
  const xs = cluster(v.map((s) => s.x1));
  const ys = cluster(h.map((s) => s.y1)).reverse();
  if (xs.length >= 2) {
    const open = openEnds(h, v, xs);
    if (open.high !== null) ys.unshift(open.high);
    if (open.low !== null) ys.push(open.low);
  }
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr < 1 || nc < 1) return null;
  const cells = mergedCells(
    nr,
    nc,
    (r, c) => !covers(v, false, xs[c]!, (ys[r]! + ys[r + 1]!) / 2),
    (r, c) => !covers(h, true, ys[r]!, (xs[c]! + xs[c + 1]!) / 2),
  );
  return { xs, ys, cells };
}

/** Index of the interval of `bounds` (ascending) holding v, or -1. */
export function intervalOf(bounds: readonly number[], v: number, descending = false): number {
  const n = bounds.length - 1;
  for (let k = 0; k < n; k++) {
    const a = bounds[k]!;
    const b = bounds[k + 1]!;
    if (descending ? v <= a && v >= b : v >= a && v <= b) return k;
  }
  return -1;
}

/**
 * The cells of an nr × nc grid whose slots are merged where no rule parts
 * them: `openLeft(r, c)` says slots (r, c−1) and (r, c) are one, `openAbove(r,
 * c)` says (r−1, c) and (r, c) are. Each merged set is a cell spanning its
 * bounding box, in reading order. Shared by the PDF reader and the OCR grid.
 */
export function mergedCells(nr: number, nc: number, openLeft: (r: number, c: number) => boolean, openAbove: (r: number, c: number) => boolean): GridCell[] {
  const id = (r: number, c: number): number => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const union = (a: number, b: number): void => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < nr; r++) for (let c = 1; c < nc; c++) if (openLeft(r, c)) union(id(r, c - 1), id(r, c));
  for (let c = 0; c < nc; c++) for (let r = 1; r < nr; r++) if (openAbove(r, c)) union(id(r - 1, c), id(r, c));
  const box = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(parent, id(r, c));
      const b = box.get(root);
      if (!b) box.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        b.r0 = Math.min(b.r0, r);
        b.r1 = Math.max(b.r1, r);
        b.c0 = Math.min(b.c0, c);
        b.c1 = Math.max(b.c1, c);
      }
    }
  }
  return [...box.values()]
    .map((b) => ({ r: b.r0, c: b.c0, rowspan: b.r1 - b.r0 + 1, colspan: b.c1 - b.c0 + 1 }))
    .sort((a, b) => a.r - b.r || a.c - b.c);
}
