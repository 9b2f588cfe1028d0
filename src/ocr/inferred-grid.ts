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
 *   begins where the text of the first column (the number or item column)
 *   starts after a gap taller than a line gap (1.2 H), and the other
 *   columns agree: those with text near there start a line after such a
 *   gap at the same height (within 0.8 H). A column whose text runs on
 *   through that height disagrees (a paragraph break in one cell is no
 *   row); one disagreeing column for three agreeing ones is allowed (a
 *   stamp or a signature over the rule). The boundary lies in the gap
 *   shared by the agreeing columns. Ink of horizontal rules found there,
 *   and ink only a few pixels tall (a rule broken into dashes too short to
 *   be found, specks), is left out of the gaps. A first column with no
 *   text makes one row (a row continued from the page before).
 * - Cells: a column boundary counts as drawn in a row when the image is
 *   dark along it on half the row (read from the image, not from the rule
 *   lines: a stamp's ring across a rule hides it from rules.ts, not from
 *   the eye); where it is not, the cells merge (a heading across columns).
 */
import { mergedCells } from '../readers/_pdf-grid.js';
import { type RuledGrid, cellIndex, cluster } from './grid.js';
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

/**
 * Per column, per deskewed row of [y0, y1): whether the column holds ink
 * there (two dark pixels or more, the rules' own pixels and the dashes of
 * horizontal rules left out; so is ink no more than a quarter of H tall,
 * the dashes of a rule too broken to be found).
 */
function inkRows(img: GreyImage, s: number, xs: readonly number[], y0: number, y1: number, horizontal: readonly RuleLine[], dark: number, H: number): Uint8Array[] {
  const { width: w, height: h, data } = img;
  const m = Math.max(3, Math.round(0.3 * H));
  const out: Uint8Array[] = [];
  for (let c = 0; c + 1 < xs.length; c++) {
    const a = Math.round((xs[c] as number) + m);
    const b = Math.round((xs[c + 1] as number) - m);
    const rules = horizontal.filter((l) => l.b >= a && l.a <= b && l.pos >= y0 - 3 && l.pos <= y1 + 3);
    const row = new Uint8Array(Math.max(0, y1 - y0));
    for (let Y = y0; Y < y1; Y++) {
      const onRule = rules.filter((l) => Math.abs(l.pos - Y) <= 2);
      let n = 0;
      for (let X = a; X < b && n < 2; X++) {
        const x = Math.round(X - s * Y);
        const y = Math.round(Y + s * X);
        if (x < 0 || y < 0 || x >= w || y >= h || (data[y * w + x] as number) >= dark) continue;
        if (onRule.some((l) => l.spans.some(([p, q]) => X >= p - 1 && X <= q + 1))) continue;
        n++;
      }
      row[Y - y0] = n >= 2 ? 1 : 0;
    }
    // ink a few rows tall is no text line: a rule's dashes, specks
    const thin = Math.max(3, Math.round(0.25 * H));
    for (let i = 0; i < row.length; ) {
      if (!row[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < row.length && row[j]) j++;
      if (j - i <= thin) row.fill(0, i, j);
      i = j;
    }
    out.push(row);
  }
  return out;
}

/** Blank runs [start, end) of a column's rows at least `min` long and with ink after them. */
function gaps(rows: Uint8Array, min: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i < rows.length; i++) {
    if (!rows[i]) {
      if (start < 0) start = i;
    } else {
      if (start >= 0 && i - start >= min) out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

/** Row boundaries (offsets from the segment's top) from the columns' ink rows; see the module comment. */
function rowBoundaries(ink: Uint8Array[], H: number): number[] {
  const R = Math.max(4, Math.round(1.2 * H));
  const near = 0.8 * H;
  const first = 0;
  if (!ink[0]?.some((v) => v)) return []; // no row starts here: one row (a row continued from the page before)
  const colGaps = ink.map((r) => gaps(r, R));
  const out: number[] = [];
  for (const [g0, g1] of colGaps[first] as Array<[number, number]>) {
    if (g1 > ink[first]!.length - H) continue; // no row starts in the last line's height (a rule's edge)
    // the segment's top: text starts, unless another column has text above
    if (g0 === 0 && !ink.some((r) => r.slice(0, Math.max(0, Math.round(g1 - near))).some((v) => v))) continue;
    let lo = g0;
    let hi = g1;
    let agree = 0;
    let disagree = 0;
    ink.forEach((rows, c) => {
      if (c === first) return;
      const g = (colGaps[c] as Array<[number, number]>).find(([, q]) => Math.abs(q - g1) <= near);
      if (g) {
        agree++;
        lo = Math.max(lo, g[0]);
        hi = Math.min(hi, g[1]);
        return;
      }
      const from = Math.max(0, Math.round(g1 - near));
      const to = Math.min(rows.length, Math.round(g1 + near));
      if (rows.slice(from, to).some((v) => v)) disagree++;
    });
    if (agree === 0 || 3 * disagree > agree) continue;
    out.push(hi > lo ? Math.round((lo + hi) / 2) : Math.round((g0 + g1) / 2));
  }
  return out;
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

/** Row boundaries found from the text inside [y0, y1) of the columns xs (absolute, the ends excluded). */
function textRows(img: GreyImage, s: number, xs: readonly number[], y0: number, y1: number, horizontal: readonly RuleLine[], H: number, dark: number): number[] {
  const Y0 = Math.round(y0);
  return rowBoundaries(inkRows(img, s, xs, Y0, Math.round(y1), horizontal, dark, H), H).map((b) => Y0 + b);
}

/**
 * A ruled grid with its rows split where the text shows row starts that no
 * rule marks (rules lost in the scan); a cell spanning rows or columns
 * keeps spanning them.
 */
export function splitRows(g: RuledGrid, img: GreyImage, s: number, horizontal: readonly RuleLine[], H: number, dark: number): RuledGrid {
  const ys: number[] = [];
  const from: number[] = []; // the original row of each new row
  for (let r = 0; r + 1 < g.ys.length; r++) {
    const a = g.ys[r] as number;
    const b = g.ys[r + 1] as number;
    const cuts = b - a >= 3 * H ? textRows(img, s, g.xs, a + 2, b - 2, horizontal, H, dark) : [];
    for (const y of [a, ...cuts]) {
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
  const out = found.map((f) => ({ grid: splitRows(f.grid, img, s, rules.horizontal, H, dark), lines: f.lines }));
  const sameColumns = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] as number)) <= tol);
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
        const ys = [Math.round(y0), ...textRows(img, s, xs, y0, y1, rules.horizontal, H, dark), Math.round(y1)];
        const vertical = inside.map((l) => ({ ...l, spans: l.spans.map(([p, q]) => [Math.max(p, y0), Math.min(q, y1)] as [number, number]).filter(([p, q]) => q > p) }));
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
    }
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
