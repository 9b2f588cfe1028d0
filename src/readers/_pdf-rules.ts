/**
 * PDF reader, graphics side: ruling lines from a page's operator list
 * (table grids are built from them in _pdf-grid.ts).
 *
 * pdfjs 5 hands paths over as `constructPath` operations whose arguments are
 * [paint operator, [path data], bounding box]; the path data is a flat list
 * of DrawOPS (moveTo 0 x y, lineTo 1 x y, curveTo 2 x1 y1 x2 y2 x y,
 * quadraticCurveTo 3 x1 y1 x y, closePath 4) in the user space of the
 * current transformation matrix, which is tracked here through
 * save/restore/transform and form XObjects. Ruling lines are the axis-
 * aligned straight edges of stroked paths and the long sides of thin filled
 * rectangles (how Word and many PDF writers draw cell borders). Filled
 * rectangles wider than that in a colour other than white are shading
 * (a cell's background: month columns drawn as a Gantt chart); the fill
 * colour is followed through save/restore (an operator list's
 * setFillRGBColor, or the colour the patched worker gives each path).
 */
import { paints, rgbPaints } from './_cell-fill.js';
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
  /** Rectangles filled with a colour other than white, wider than a rule both ways (cell shading); at most MAX_FILLS. */
  fills?: Rect[];
}

/** An axis-aligned rectangle; x1 ≤ x2, y1 ≤ y2. */
export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Shaded rectangles kept per page, at most (a page of vector art can fill thousands). */
const MAX_FILLS = 5000;

/**
 * A fill colour that shades: not white or nearly. `#rrggbb` (operator
 * lists), or the operands of a fill-colour operator (the patched worker):
 * one is grey, three RGB, four CMYK, each 0–1. null (a pattern, a colour
 * space not followed) shades nothing; undefined is the initial black.
 */
export function fillShades(colour: string | ArrayLike<number> | null | undefined): boolean {
  if (colour === undefined) return true;
  if (colour === null) return false;
  if (typeof colour === 'string') return /^#[0-9a-f]{6}$/i.test(colour) && paints(colour);
  const v = Array.from(colour);
  const rgb = v.length === 1 ? [v[0]!, v[0]!, v[0]!] : v.length === 3 ? v : v.length === 4 ? [0, 1, 2].map((i) => (1 - v[i]!) * (1 - v[3]!)) : null;
  return rgb !== null && rgbPaints(rgb[0]! * 255, rgb[1]! * 255, rgb[2]! * 255);
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
  setFillRGBColor: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** Values within `tol` of the one before (sorted) → one, their mean; ascending. Rule coordinates to boundaries. */
export function clusterValues(values: number[], tol: number): number[] {
  const v = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const x of v) {
    if (n > 0 && x - last > tol) {
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
  const fills: Rect[] = [];
  let imageArea = 0;
  let paths = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let colour: string | ArrayLike<number> | null | undefined;
  const stack: Matrix[] = [];
  const colours: Array<typeof colour> = [];
  const addFill = (r: Rect): void => {
    if (fills.length < MAX_FILLS && fillShades(colour)) fills.push(r);
  };

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
        colours.push(colour);
        break;
      case ops.restore:
        ctm = stack.pop() ?? ctm;
        if (colours.length > 0) colour = colours.pop();
        break;
      case ops.setFillRGBColor:
        colour = typeof args?.[0] === 'string' ? args[0] : null;
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
        // the patched worker gives each path its fill colour (see paintedOps in pdf.ts)
        if (args.length > 3) colour = args[3] as typeof colour;
        const data = args[1];
        const buffers: unknown[] = Array.isArray(data) ? data : [data];
        for (const buf of buffers) {
          if (buf && typeof buf === 'object' && 'length' in buf) {
            walkPath(buf as ArrayLike<number>, point, stroke, fill, addEdge, addFill);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return { horizontals, verticals, imageArea, paths, fills };
}

/** Straight edges of one path: every edge when stroked, the long sides of thin rectangles when filled. */
function walkPath(
  d: ArrayLike<number>,
  point: (x: number, y: number) => [number, number],
  stroke: boolean,
  fill: boolean,
  addEdge: (ax: number, ay: number, bx: number, by: number) => void,
  addFill: (r: Rect) => void = () => undefined,
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
    else if (fill && !curved) {
      const r = rectOf(sub);
      if (r && (r.y2 - r.y1 <= THIN || r.x2 - r.x1 <= THIN)) thinRect(r, addEdge);
      else if (r) addFill(r);
    }
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

/** The rectangle a subpath draws, if it is one: 3–6 points all on the corners of their bounding box. */
function rectOf(pts: Array<[number, number]>): Rect | null {
  if (pts.length < 3 || pts.length > 6) return null;
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
    if (!onX || !onY) return null;
  }
  return { x1: x0, y1: y0, x2: x1, y2: y1 };
}

/** A filled axis-aligned rectangle at most THIN across → its centre line. */
function thinRect(r: Rect, addEdge: (ax: number, ay: number, bx: number, by: number) => void): void {
  const { x1: x0, y1: y0, x2: x1, y2: y1 } = r;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN && w >= MIN_LENGTH) addEdge(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
  else if (w <= THIN && h >= MIN_LENGTH) addEdge((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
}
