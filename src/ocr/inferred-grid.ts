/**
 * Table grids inferred where a ruled table's horizontal rules are lost.
 *
 * A 1-bit (CCITT, JBIG2) scan thresholds a thin grey rule away, or leaves
 * it as dashes too short to be told from letter strokes, while the
 * vertical rules and the text survive. The table is then framed by its
 * vertical rules only and grid.ts finds no grid. This module builds one
 * from what is left, as the text-PDF reader does for a borderless table:
 *
 * - Frames: three or more long vertical rules (at least 6 H) whose
 *   extents overlap, cut where fewer than two of them have ink (a heading
 *   between two tables, their outer rules bridged across it). The
 *   stretches of a frame already inside a ruled grid are left to it; in
 *   the rest, the columns are the vertical rules (of any length) with ink
 *   over half the stretch.
 * - Rows: cells of a ruled table have their text at the top, so a row
 *   begins where the first column (the number or item column) starts a
 *   line further below the one before than the text's line pitch (the
 *   cell's padding adds to it) and the other columns agree (_text-rows.ts:
 *   lines placed by their centre of ink, the pitch measured over the
 *   page's tables; a blank gap between lines is no measure on a 1-bit
 *   scan, where it grows and shrinks with the marks above and below the
 *   letters). Ink of horizontal rules found there, and ink only a few
 *   pixels tall (a rule broken into dashes too short to be found, specks),
 *   is left out. A first column with no text makes one row (a row
 *   continued from the page before).
 * - Cells: a column boundary counts as drawn in a row when the image is
 *   dark along it on half the row (read from the image, not from the rule
 *   lines: a stamp's ring across a rule hides it from rules.ts, not from
 *   the eye); where it is not, the cells merge (a heading across columns).
 */
import { mergedCells } from '../readers/_pdf-grid.js';
import { type RuledGrid, cellIndex, cluster } from './grid.js';
import { type RowStep, type TextStretch, columnText, linePitch, rowBoundaries, rowStep } from './_text-rows.js';
import { type RuleLine, type Rules, coverage } from './rules.js';
import type { GreyImage } from './types.js';

/** Groups of at least three long vertical rules whose extents overlap (each group one table's frame). */
function frames(vertical: readonly RuleLine[], H: number): RuleLine[][] {
  const long = vertical.filter((l) => l.b - l.a >= 6 * H).sort((p, q) => p.pos - q.pos);
  const groups: RuleLine[][] = [];
  for (const l of long) {
    const g = groups.find((m) => m.some((o) => Math.min(o.b, l.b) - Math.max(o.a, l.a) >= 0.5 * Math.min(o.b - o.a, l.b - l.a)));
    if (g) g.push(l);
    else groups.push([l]);
  }
  return groups.filter((g) => cluster(g.map((l) => l.pos), Math.max(4, 0.5 * H)).length >= 3);
}

/** [from, to] less the given intervals: the pieces at least `min` long. */
function subtract(from: number, to: number, cut: Array<[number, number]>, min: number): Array<[number, number]> {
  let parts: Array<[number, number]> = [[from, to]];
  for (const [a, b] of cut) {
    parts = parts.flatMap(([p, q]): Array<[number, number]> => (b <= p || a >= q ? [[p, q]] : [[p, a], [b, q]].filter(([x, y]) => (y as number) > (x as number)) as Array<[number, number]>));
  }
  return parts.filter(([p, q]) => q - p >= min);
}

/** Share of [y0, y1) along x (±1 px, deskewed) where the image is dark. */
function darkAlong(img: GreyImage, s: number, x: number, y0: number, y1: number, dark: number): number {
  const { width: w, height: h, data } = img;
  let n = 0;
  let all = 0;
  for (let Y = Math.round(y0); Y < y1; Y++) {
    all++;
    for (let X = Math.round(x) - 1; X <= Math.round(x) + 1; X++) {
      const px = Math.round(X - s * Y);
      const py = Math.round(Y + s * X);
      if (px >= 0 && py >= 0 && px < w && py < h && (data[py * w + px] as number) < dark) {
        n++;
        break;
      }
    }
  }
  return all > 0 ? n / all : 0;
}

/**
 * The stretches of [y0, y1) where at least two of the rules have ink
 * (bridged over gaps of up to 2 H), at least `min` long: a heading between
 * two tables, where the bridged rules have none, cuts them apart.
 */
function inkedStretches(lines: readonly RuleLine[], y0: number, y1: number, H: number, min: number): Array<[number, number]> {
  const n = Math.max(0, Math.round(y1 - y0));
  const count = new Uint8Array(n);
  const bridge = 2 * H;
  for (const l of lines) {
    const on = new Uint8Array(n);
    let last = -Infinity;
    for (const [a, b] of l.spans) {
      const from = a - last <= bridge ? last : a;
      for (let t = Math.max(0, Math.round(from - y0)); t <= Math.min(n - 1, Math.round(b - y0)); t++) on[t] = 1;
      last = b;
    }
    for (let t = 0; t < n; t++) count[t] = Math.min(255, (count[t] as number) + (on[t] as number));
  }
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let t = 0; t <= n; t++) {
    if (t < n && (count[t] as number) >= 2) {
      if (start < 0) start = t;
    } else if (start >= 0) {
      if (t - start >= min) out.push([y0 + start, y0 + t]);
      start = -1;
    }
  }
  return out;
}

/**
 * A ruled grid with its rows split where the text shows row starts that no
 * rule marks (rules lost in the scan); a cell spanning rows or columns
 * keeps spanning them. `text` holds the text of its rows at least 3 H
 * tall, by row index.
 */
function splitRows(g: RuledGrid, text: ReadonlyMap<number, TextStretch>, H: number, step: RowStep): RuledGrid {
  const ys: number[] = [];
  const from: number[] = []; // the original row of each new row
  for (let r = 0; r + 1 < g.ys.length; r++) {
    const st = text.get(r);
    const cuts = st ? rowBoundaries(st, H, step) : [];
    for (const y of [g.ys[r] as number, ...cuts]) {
      ys.push(y);
      from.push(r);
    }
  }
  ys.push(g.ys[g.ys.length - 1] as number);
  if (ys.length === g.ys.length) return g;
  const at = cellIndex(g);
  const cells = mergedCells(
    ys.length - 1,
    g.xs.length - 1,
    (r, c) => at(from[r] as number, c) === at(from[r] as number, c - 1),
    (r, c) => from[r] !== from[r - 1] && at(from[r] as number, c) === at(from[r - 1] as number, c),
  );
  return { ...g, ys, cells };
}

/**
 * Grids of tables whose horizontal rules are (partly) lost, in deskewed
 * coordinates, each with the rules it is drawn with: the ruled grids found
 * (`found`) with their rows split by the text, and new grids where a frame
 * of vertical rules holds no ruled grid; a new grid right above or below a
 * ruled one with the same columns joins it (its header row whose rules
 * were lost).
 */
export function inferredGrids(img: GreyImage, s: number, rules: Rules, found: ReadonlyArray<{ grid: RuledGrid; lines: Rules }>, H: number, dark: number): Array<{ grid: RuledGrid; lines: Rules }> {
  const tol = Math.max(4, 0.5 * H);
  const text = (xs: readonly number[], y0: number, y1: number): TextStretch => columnText(img, s, xs, y0, y1, rules.horizontal, dark, H);
  // the text of the ruled grids' tall rows and of the frames holding no ruled grid, first: the line pitch is the page's
  const ruledText = found.map((f) => {
    const m = new Map<number, TextStretch>();
    for (let r = 0; r + 1 < f.grid.ys.length; r++) {
      const a = f.grid.ys[r] as number;
      const b = f.grid.ys[r + 1] as number;
      if (b - a >= 3 * H) m.set(r, text(f.grid.xs, a + 2, b - 2));
    }
    return m;
  });
  const framed: Array<{ xs: number[]; y0: number; y1: number; vertical: RuleLine[]; text: TextStretch }> = [];
  for (const frame of frames(rules.vertical, H)) {
    const fy0 = Math.min(...frame.map((l) => l.a));
    const fy1 = Math.max(...frame.map((l) => l.b));
    const fx0 = Math.min(...frame.map((l) => l.pos));
    const fx1 = Math.max(...frame.map((l) => l.pos));
    if (fx1 - fx0 < 8 * H) continue;
    const taken = found.filter((f) => f.grid.x0 < fx1 && f.grid.x1 > fx0).map((f): [number, number] => [f.grid.y0 - tol, f.grid.y1 + tol]);
    for (const [p0, p1] of subtract(fy0, fy1, taken, 3 * H)) {
      for (const [y0, y1] of inkedStretches(frame, p0, p1, H, 3 * H)) {
        // the columns: every vertical rule with ink over half the stretch (a header row's short ones too)
        const inside = rules.vertical.filter((l) => l.pos >= fx0 - tol && l.pos <= fx1 + tol && coverage(l, y0, y1) >= 0.5);
        const xs = cluster(inside.map((l) => l.pos), tol);
        if (xs.length < 3) continue;
        const vertical = inside.map((l) => ({ ...l, spans: l.spans.map(([p, q]) => [Math.max(p, y0), Math.min(q, y1)] as [number, number]).filter(([p, q]) => q > p) }));
        framed.push({ xs, y0, y1, vertical, text: text(xs, y0, y1) });
      }
    }
  }
  const step = rowStep(linePitch([...ruledText.flatMap((m) => [...m.values()]), ...framed.map((f) => f.text)], H), H);
  const out = found.map((f, i) => ({ grid: splitRows(f.grid, ruledText[i] as Map<number, TextStretch>, H, step), lines: f.lines }));
  const sameColumns = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] as number)) <= tol);
  for (const { xs, y0, y1, vertical, text: st } of framed) {
    const ys = [Math.round(y0), ...rowBoundaries(st, H, step), Math.round(y1)];
    const below = out.find((f) => sameColumns(f.grid.xs, xs) && Math.abs(f.grid.y0 - y1) <= 2 * tol);
    const above = out.find((f) => sameColumns(f.grid.xs, xs) && Math.abs(f.grid.y1 - y0) <= 2 * tol);
    const join = below ?? above;
    if (join) {
      const g = join.grid;
      const nys = below ? [...ys.slice(0, -1), ...g.ys] : [...g.ys, ...ys.slice(1)];
      join.grid = { ...g, y0: nys[0] as number, y1: nys[nys.length - 1] as number, ys: nys, cells: cellsOf(img, s, g.xs, nys, dark, g, below ? ys.length - 1 : 0) };
      join.lines = { vertical: [...join.lines.vertical, ...vertical], horizontal: join.lines.horizontal };
      continue;
    }
    const grid: RuledGrid = { x0: xs[0] as number, x1: xs[xs.length - 1] as number, y0: ys[0] as number, y1: ys[ys.length - 1] as number, xs, ys, cells: cellsOf(img, s, xs, ys, dark) };
    out.push({ grid, lines: { vertical, horizontal: [] } });
  }
  return out.sort((a, b) => a.grid.y0 - b.grid.y0);
}

/**
 * Cells of a grid whose rows were found from the text: a column boundary
 * is drawn in a row where the image is dark along it on half the row.
 * With `ruled` (the ruled grid these rows were added to, from row
 * `offset` on), its own rows keep their cells.
 */
function cellsOf(img: GreyImage, s: number, xs: readonly number[], ys: readonly number[], dark: number, ruled?: RuledGrid, offset = 0): RuledGrid['cells'] {
  const at = ruled ? cellIndex(ruled) : null;
  const own = (r: number): number => (ruled ? r - offset : -1);
  const inRuled = (r: number): boolean => !!ruled && own(r) >= 0 && own(r) < ruled.ys.length - 1;
  return mergedCells(
    ys.length - 1,
    xs.length - 1,
    (r, c) => (inRuled(r) && at ? at(own(r), c) === at(own(r), c - 1) : darkAlong(img, s, xs[c] as number, (ys[r] as number) + 2, (ys[r + 1] as number) - 2, dark) < 0.5),
    (r, c) => (inRuled(r) && inRuled(r - 1) && at ? at(own(r), c) === at(own(r - 1), c) : false),
  );
}
