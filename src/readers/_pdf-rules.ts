/**
 * PDF reader, graphics side: ruling lines from a page's operator list, and
 * table grids built from them.
 *
 * pdfjs 5 hands paths over as `constructPath` operations whose arguments are
 * [paint operator, [path data], bounding box]; the path data is a flat list
 * of DrawOPS (moveTo 0 x y, lineTo 1 x y, curveTo 2 x1 y1 x2 y2 x y,
 * quadraticCurveTo 3 x1 y1 x y, closePath 4) in the user space of the
 * current transformation matrix, which is tracked here through
 * save/restore/transform and form XObjects. Ruling lines are the axis-
 * aligned straight edges of stroked paths and the long sides of thin filled
 * rectangles (how Word and many PDF writers draw cell borders).
 */
import { type Quarter, rotatePoint } from './_pdf-text.js';

/** An axis-aligned ruling line; x1 ≤ x2, y1 ≤ y2; horizontal when y1 = y2. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageGraphics {
  horizontals: Segment[];
  verticals: Segment[];
  /** Area of the page covered by images (sum, user-space units²). */
  imageArea: number;
  /** Painted (stroked or filled) paths: many of them on a page without text are text drawn as outlines. */
  paths: number;
}

/** The OPS codes used here (pdfjs's OPS table). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

export type Matrix = [number, number, number, number, number, number];

/** `m` applied first, then `n`. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (PDF: CTM' = m × CTM)
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

export function asMatrix(v: unknown): Matrix | null {
  if (!v || typeof v !== 'object' || !('length' in v) || (v as ArrayLike<number>).length < 6) return null;
  const a = v as ArrayLike<number>;
  return [a[0] ?? 1, a[1] ?? 0, a[2] ?? 0, a[3] ?? 1, a[4] ?? 0, a[5] ?? 0];
}

/** Longest a thin filled rectangle may be across to count as a line. */
const THIN = 2.5;
/** Shortest ruling line kept. */
const MIN_LENGTH = 4;
/** Off-axis slack for a straight edge to count as horizontal/vertical. */
const AXIS_SLACK = 0.8;

/**
 * Walks an operator list once: ruling lines (in the rotated page space of
 * `q`) and the image area. Nothing of the list is kept.
 */
export function pageGraphics(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: OpCodes, q: Quarter): PageGraphics {
  const horizontals: Segment[] = [];
  const verticals: Segment[] = [];
  let imageArea = 0;
  let paths = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];

  const point = (x: number, y: number): [number, number] => {
    const px = ctm[0] * x + ctm[2] * y + ctm[4];
    const py = ctm[1] * x + ctm[3] * y + ctm[5];
    return rotatePoint(px, py, q);
  };
  const addEdge = (ax: number, ay: number, bx: number, by: number): void => {
    if (Math.abs(ay - by) <= AXIS_SLACK && Math.abs(ax - bx) >= MIN_LENGTH) {
      const y = (ay + by) / 2;
      horizontals.push({ x1: Math.min(ax, bx), y1: y, x2: Math.max(ax, bx), y2: y });
    } else if (Math.abs(ax - bx) <= AXIS_SLACK && Math.abs(ay - by) >= MIN_LENGTH) {
      const x = (ax + bx) / 2;
      verticals.push({ x1: x, y1: Math.min(ay, by), x2: x, y2: Math.max(ay, by) });
    }
  };

  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case ops.save:
        stack.push(ctm);
        break;
      case ops.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case ops.transform: {
        const m = asMatrix(args);
        if (m) ctm = multiply(m, ctm);
        break;
      }
      case ops.paintFormXObjectBegin: {
        stack.push(ctm);
        const m = asMatrix(args?.[0]);
        if (m) ctm = multiply(m, ctm);
        break;
      }
      case ops.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case ops.paintImageXObject:
      case ops.paintInlineImageXObject:
      case ops.paintImageMaskXObject:
      case ops.paintImageXObjectRepeat:
        imageArea += Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
        break;
      case ops.constructPath: {
        if (!args) break;
        const paint = args[0] as number;
        const stroke = strokeOps.has(paint);
        const fill = fillOps.has(paint);
        if (!stroke && !fill) break; // clipping paths, endPath
        paths++;
        const data = args[1];
        const buffers: unknown[] = Array.isArray(data) ? data : [data];
        for (const buf of buffers) {
          if (buf && typeof buf === 'object' && 'length' in buf) {
            walkPath(buf as ArrayLike<number>, point, stroke, fill, addEdge);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return { horizontals, verticals, imageArea, paths };
}

/** Straight edges of one path: every edge when stroked, the long sides of thin rectangles when filled. */
function walkPath(
  d: ArrayLike<number>,
  point: (x: number, y: number) => [number, number],
  stroke: boolean,
  fill: boolean,
  addEdge: (ax: number, ay: number, bx: number, by: number) => void,
): void {
  let sub: Array<[number, number]> = [];
  let curved = false; // the current subpath has a curve: not a rectangle
  const strokeEdges = (closed: boolean): void => {
    for (let k = 1; k < sub.length; k++) {
      const a = sub[k - 1]!;
      const b = sub[k]!;
      addEdge(a[0], a[1], b[0], b[1]);
    }
    if (closed && sub.length > 2) {
      const a = sub[sub.length - 1]!;
      const b = sub[0]!;
      addEdge(a[0], a[1], b[0], b[1]);
    }
  };
  const endSubpath = (closed: boolean): void => {
    if (stroke) strokeEdges(closed);
    else if (fill && !curved) thinRect(sub, addEdge);
    sub = [];
    curved = false;
  };
  let i = 0;
  while (i < d.length) {
    const op = d[i]!;
    if (op === 0) {
      endSubpath(false);
      sub.push(point(d[i + 1]!, d[i + 2]!));
      i += 3;
    } else if (op === 1) {
      sub.push(point(d[i + 1]!, d[i + 2]!));
      i += 3;
    } else if (op === 2 || op === 3) {
      // a curve: straight edges before it still count when stroked
      if (stroke) strokeEdges(false);
      const k = op === 2 ? 5 : 3;
      sub = [point(d[i + k]!, d[i + k + 1]!)];
      curved = true;
      i += op === 2 ? 7 : 5;
    } else if (op === 4) {
      const first = sub[0];
      endSubpath(true);
      if (first) sub.push(first);
      i += 1;
    } else {
      break; // unknown: stop reading this path
    }
  }
  endSubpath(false);
}

/** A filled axis-aligned rectangle at most THIN across → its centre line. */
function thinRect(pts: Array<[number, number]>, addEdge: (ax: number, ay: number, bx: number, by: number) => void): void {
  if (pts.length < 3 || pts.length > 6) return;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of pts) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  // every point on the bounding box's corners
  for (const [x, y] of pts) {
    const onX = Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5;
    const onY = Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5;
    if (!onX || !onY) return;
  }
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN && w >= MIN_LENGTH) addEdge(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
  else if (w <= THIN && h >= MIN_LENGTH) addEdge((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
}

/* ------------------------------------------------------------------------ */
/* Grids                                                                     */
/* ------------------------------------------------------------------------ */

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

/** Collinear pieces of one line (same coordinate within SNAP, touching) merged. */
function mergeCollinear(segs: Segment[], horizontal: boolean): Segment[] {
  const key = (s: Segment): number => (horizontal ? s.y1 : s.x1);
  const lo = (s: Segment): number => (horizontal ? s.x1 : s.y1);
  const hi = (s: Segment): number => (horizontal ? s.x2 : s.y2);
  const sorted = [...segs].sort((a, b) => key(a) - key(b) || lo(a) - lo(b));
  // group by coordinate
  const out: Segment[] = [];
  let g: Segment[] = [];
  const flushGroup = (): void => {
    g.sort((a, b) => lo(a) - lo(b));
    let cur: Segment | null = null;
    for (const s of g) {
      if (cur && lo(s) <= hi(cur) + SNAP) {
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
    if (first && key(s) - key(first) > SNAP) flushGroup();
    g.push(s);
  }
  flushGroup();
  return out;
}

function find(p: number[], i: number): number {
  while (p[i] !== i) {
    const up = p[p[i]!]!;
    p[i] = up;
    i = up;
  }
  return i;
}

/** Values within SNAP of each other → one (their mean), ascending. */
function cluster(values: number[]): number[] {
  const v = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const x of v) {
    if (n > 0 && x - last > SNAP) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += x;
    n++;
    last = x;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/**
 * Ruling lines → table grids: connected sets of horizontal and vertical
 * lines with at least two of each and at least two cells. A missing border
 * between neighbouring grid cells merges them (colspan/rowspan).
 */
export function findGrids(g: PageGraphics): Grid[] {
  const hs = mergeCollinear(g.horizontals, true);
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
  const grids: Grid[] = [];
  for (const { h, v } of comps.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const grid = buildGrid(h, v);
    if (grid && grid.cells.length >= 2) grids.push(grid);
  }
  return grids;
}

function covers(segs: Segment[], horizontal: boolean, at: number, mid: number): boolean {
  for (const s of segs) {
    if (horizontal) {
      if (Math.abs(s.y1 - at) <= SNAP && s.x1 <= mid && s.x2 >= mid) return true;
    } else if (Math.abs(s.x1 - at) <= SNAP && s.y1 <= mid && s.y2 >= mid) return true;
  }
  return false;
}

function buildGrid(h: Segment[], v: Segment[]): Grid | null {
  const xs = cluster(v.map((s) => s.x1));
  const ys = cluster(h.map((s) => s.y1)).reverse();
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr < 1 || nc < 1) return null;
  const id = (r: number, c: number): number => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const union = (a: number, b: number): void => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < nr; r++) {
    const ymid = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 1; c < nc; c++) {
      if (!covers(v, false, xs[c]!, ymid)) union(id(r, c - 1), id(r, c));
    }
  }
  for (let c = 0; c < nc; c++) {
    const xmid = (xs[c]! + xs[c + 1]!) / 2;
    for (let r = 1; r < nr; r++) {
      if (!covers(h, true, ys[r]!, xmid)) union(id(r - 1, c), id(r, c));
    }
  }
  // Regions: bounding boxes of the merged sets.
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
  const cells: GridCell[] = [...box.values()]
    .map((b) => ({ r: b.r0, c: b.c0, rowspan: b.r1 - b.r0 + 1, colspan: b.c1 - b.c0 + 1 }))
    .sort((a, b) => a.r - b.r || a.c - b.c);
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
