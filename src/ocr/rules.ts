/**
 * Ruling lines of a page image (table borders), for OCR'd tables.
 *
 * Coordinates are "deskewed": x' = x + s·y, y' = y − s·x for the page's
 * skew s (see layout.ts), so a rule drawn on a tilted scan is an exact
 * vertical or horizontal line here.
 *
 * A vertical rule is a run of dark pixels along a (tilted) column, long
 * (≥ 3.5 H: no letter is that tall) with gaps of at most a few pixels
 * (noise, JPEG); neighbouring columns with overlapping runs are one rule.
 * Horizontal rules likewise along rows, at least 8 H long and with gaps of
 * one pixel at most (a text line read along a row is broken between
 * letters).
 */
import type { GreyImage } from './types.js';

export interface VRule {
  x: number;
  y0: number;
  y1: number;
}

export interface HRule {
  y: number;
  x0: number;
  x1: number;
}

export interface Rules {
  vertical: VRule[];
  horizontal: HRule[];
}

/** Grey level under which a pixel counts as ink for rules (rules are thin and often grey after scanning). */
const DARK = 200;

interface Run {
  pos: number;
  a: number;
  b: number;
}

/** Dark runs along lines of one direction; `at(p, t)` reads the pixel of line p at step t (null off the image). */
function runsAlong(
  count: number,
  length: number,
  at: (p: number, t: number) => number | null,
  minLen: number,
  maxGap: number,
): Run[] {
  const out: Run[] = [];
  for (let p = 0; p < count; p++) {
    let start = -1;
    let last = -1;
    for (let t = 0; t < length; t++) {
      const v = at(p, t);
      if (v !== null && v < DARK) {
        if (start < 0 || t - last - 1 > maxGap) {
          if (start >= 0 && last - start + 1 >= minLen) out.push({ pos: p, a: start, b: last });
          start = t;
        }
        last = t;
      }
    }
    if (start >= 0 && last - start + 1 >= minLen) out.push({ pos: p, a: start, b: last });
  }
  return out;
}

/** Runs on neighbouring lines (within 3 px) that overlap → one rule at their mean position. */
function mergeRuns(runs: Run[]): Run[] {
  runs.sort((r, s) => r.pos - s.pos || r.a - s.a);
  const groups: Array<{ runs: Run[]; a: number; b: number; lastPos: number }> = [];
  for (const r of runs) {
    const g = groups.find((x) => r.pos - x.lastPos <= 3 && r.a <= x.b && r.b >= x.a);
    if (g) {
      g.runs.push(r);
      g.a = Math.min(g.a, r.a);
      g.b = Math.max(g.b, r.b);
      g.lastPos = r.pos;
    } else {
      groups.push({ runs: [r], a: r.a, b: r.b, lastPos: r.pos });
    }
  }
  return groups.map((g) => ({ pos: g.runs.reduce((s, r) => s + r.pos, 0) / g.runs.length, a: g.a, b: g.b }));
}

/** Ruling lines of the page, in deskewed coordinates; H is the text's base height in pixels. */
export function findRules(img: GreyImage, skew: number, H: number): Rules {
  const { width: w, height: h, data } = img;
  if (H <= 0 || w < 10 || h < 10) return { vertical: [], horizontal: [] };
  const pixel = (x: number, y: number): number | null => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= w || yi >= h) return null;
    return data[yi * w + xi] ?? null;
  };
  // vertical: deskewed column x' holds the pixels (x' − s·y, y); a rule 1 px wide may fall
  // between two rounded columns, so take the darker of x and x + 1
  const vRuns = runsAlong(
    w,
    h,
    (xp, y) => {
      const x = xp - skew * y;
      const p = pixel(x, y);
      const q = pixel(x + 1, y);
      return p === null ? q : q === null ? p : Math.min(p, q);
    },
    Math.max(20, 3.5 * H),
    Math.max(2, Math.round(0.15 * H)),
  );
  // horizontal: deskewed row y' holds the pixels (x, y' + s·x)
  const hRuns = runsAlong(
    h,
    w,
    (yp, x) => {
      const y = yp + skew * x;
      const p = pixel(x, y);
      const q = pixel(x, y + 1);
      return p === null ? q : q === null ? p : Math.min(p, q);
    },
    Math.max(40, 8 * H),
    1,
  );
  const vertical = mergeRuns(vRuns).map((r) => {
    // back to deskewed coordinates: the run's column is x', its rows y; y' = y − s·x
    const x = r.pos;
    return { x, y0: r.a - skew * x, y1: r.b - skew * x };
  });
  const horizontal = mergeRuns(hRuns).map((r) => {
    const y = r.pos;
    return { y, x0: r.a + skew * y, x1: r.b + skew * y };
  });
  return { vertical, horizontal };
}

/** A ruled table: column boundaries and row boundaries (deskewed), and which boundaries each row band has. */
export interface RuledGrid {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Distinct vertical rule positions, left to right (outer borders included). */
  xs: number[];
  /** Horizontal rule positions, top to bottom (outer borders included). */
  ys: number[];
  /** For band r (between ys[r] and ys[r+1]): which inner xs (index into xs) are drawn there. */
  present: boolean[][];
}

/**
 * Tables drawn with rules: connected sets of horizontal and vertical rules
 * with at least two of each, as grids.
 */
export function ruledGrids(rules: Rules, H: number): RuledGrid[] {
  const tol = Math.max(4, 0.5 * H);
  const { vertical: V, horizontal: Hs } = rules;
  // union-find over rules: index < V.length: vertical; else horizontal
  const parent = Array.from({ length: V.length + Hs.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  V.forEach((v, i) => {
    Hs.forEach((hr, j) => {
      if (v.x >= hr.x0 - tol && v.x <= hr.x1 + tol && hr.y >= v.y0 - tol && hr.y <= v.y1 + tol) union(i, V.length + j);
    });
  });
  const comps = new Map<number, { v: VRule[]; h: HRule[] }>();
  V.forEach((v, i) => {
    const r = find(i);
    const c = comps.get(r) ?? { v: [], h: [] };
    c.v.push(v);
    comps.set(r, c);
  });
  Hs.forEach((hr, j) => {
    const r = find(V.length + j);
    const c = comps.get(r) ?? { v: [], h: [] };
    c.h.push(hr);
    comps.set(r, c);
  });
  const grids: RuledGrid[] = [];
  for (const { v, h } of comps.values()) {
    if (v.length < 2 || h.length < 2) continue;
    const xs = cluster(v.map((r) => r.x), tol);
    const ys = cluster(h.map((r) => r.y), tol);
    if (xs.length < 2 || ys.length < 2) continue;
    const x0 = xs[0] as number;
    const x1 = xs[xs.length - 1] as number;
    const y0 = ys[0] as number;
    const y1 = ys[ys.length - 1] as number;
    if (x1 - x0 < 4 * H || y1 - y0 < 1.5 * H) continue;
    const present: boolean[][] = [];
    for (let r = 0; r + 1 < ys.length; r++) {
      const ya = ys[r] as number;
      const yb = ys[r + 1] as number;
      const mid = (ya + yb) / 2;
      present.push(
        xs.map((x) => v.some((rule) => Math.abs(rule.x - x) <= tol && rule.y0 <= mid && rule.y1 >= mid)),
      );
    }
    grids.push({ x0, x1, y0, y1, xs, ys, present });
  }
  return grids.sort((a, b) => a.y0 - b.y0);
}

/** Sorted positions, those within tol of each other averaged. */
function cluster(values: number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x - (last[last.length - 1] as number) <= tol) last.push(x);
    else out.push([x]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}
