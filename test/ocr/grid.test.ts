/**
 * Ruled tables in page images (rules.ts, grid.ts, tablepage.ts) on
 * synthetic scans drawn here: a grey page with noise, a table of thin grey
 * rules, tilted, broken, crossed by a stamp, with merged cells and
 * letter-like ink in the cells. No Tesseract: fast.
 */
import { describe, expect, it } from 'vitest';
import { type GridCell, ruledGrids } from '../../src/ocr/grid.js';
import { findRules, measureSkew } from '../../src/ocr/rules.js';
import { prepareRuledPage } from '../../src/ocr/tablepage.js';
import type { GreyImage } from '../../src/ocr/types.js';

const H = 15; // base text height at 150 dpi
const W = 1200;
const HT = 800;

/** Deterministic noise. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Page extends GreyImage {
  dpi: number;
}

/** A scanned page: background 232 with noise; `skew` tilts everything drawn (dy/dx). */
function page(skew: number, seed = 7, paper = 232, noise = 16): { img: Page; ink: (u: number, v: number, level?: number) => void } {
  const data = new Uint8Array(W * HT);
  const rnd = prng(seed);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(255, paper + Math.round((rnd() - 0.5) * noise));
  const img: Page = { width: W, height: HT, data, dpi: 150 };
  // (u, v) in the table's own frame → the tilted image
  const ink = (u: number, v: number, level = 165): void => {
    const x = Math.round(u - skew * v);
    const y = Math.round(v + skew * u);
    if (x >= 0 && y >= 0 && x < W && y < HT) data[y * W + x] = Math.min(data[y * W + x] as number, level);
  };
  return { img, ink };
}

const XS = [100, 220, 520, 760, 1100];
const YS = [100, 160, 330, 500, 700];

interface Drawing {
  skew?: number;
  /** [x, y0, y1] stretches of vertical rules left out; [y, x0, x1] of horizontal ones. */
  vGaps?: Array<[number, number, number]>;
  hGaps?: Array<[number, number, number]>;
  /** Inner boundaries not drawn: vertical [x, band], horizontal [y, column]. */
  vMissing?: Array<[number, number]>;
  hMissing?: Array<[number, number]>;
  stamp?: { u: number; v: number; r: number };
  letters?: boolean;
  /** Paper grey and its noise (default 232 ± 8), and the rules' grey (default 165). */
  paper?: number;
  noise?: number;
  rule?: number;
  /** Every rule drawn twice, this many pixels apart (cells boxed apart: a web table's cellspacing). */
  double?: number;
}

function drawTable(d: Drawing = {}): Page {
  const { img, ink } = page(d.skew ?? 0, 7, d.paper, d.noise);
  const gapV = (x: number, y: number) => (d.vGaps ?? []).some(([gx, a, b]) => gx === x && y >= a && y <= b);
  const gapH = (y: number, x: number) => (d.hGaps ?? []).some(([gy, a, b]) => gy === y && x >= a && x <= b);
  XS.forEach((x, k) => {
    for (let y = YS[0] as number; y <= (YS[YS.length - 1] as number); y++) {
      const band = YS.findIndex((b, i) => i + 1 < YS.length && y >= b && y < (YS[i + 1] as number));
      if ((d.vMissing ?? []).some(([mx, mb]) => mx === k && mb === band) && y > (YS[band] as number) + 1) continue;
      if (!gapV(x, y)) for (const t of [0, 1]) for (const o of d.double ? [0, d.double] : [0]) ink(x + t + o, y, d.rule);
    }
  });
  YS.forEach((y, k) => {
    for (let x = XS[0] as number; x <= (XS[XS.length - 1] as number) + 1; x++) {
      const col = XS.findIndex((b, i) => i + 1 < XS.length && x >= b && x < (XS[i + 1] as number));
      if ((d.hMissing ?? []).some(([my, mc]) => my === k && mc === col) && x > (XS[col] as number) + 1) continue;
      if (!gapH(y, x)) for (const t of [0, 1]) for (const o of d.double ? [0, d.double] : [0]) ink(x, y + t + o, d.rule);
    }
  });
  if (d.letters) {
    // letter-like ink in every cell: rows of small loops and strokes, 0.5 H from the rules
    for (let r = 0; r + 1 < YS.length; r++) {
      for (let c = 0; c + 1 < XS.length; c++) {
        for (let line = (YS[r] as number) + 8; line + H < (YS[r + 1] as number) - 4; line += 2 * H) {
          for (let u = (XS[c] as number) + 8; u + 10 < (XS[c + 1] as number) - 8; u += 12) {
            for (let t = 0; t < H; t++) {
              ink(u, line + t, 60);
              ink(u + 8, line + t, 60);
            }
            for (let t = 0; t < 9; t++) ink(u + t, line, 60);
          }
        }
      }
    }
  }
  if (d.stamp) {
    // a round stamp: a thick ring and letters inside, dark, crossing the rules
    const { u: cu, v: cv, r } = d.stamp;
    for (let v = cv - r; v <= cv + r; v++) {
      for (let u = cu - r; u <= cu + r; u++) {
        const dist = Math.hypot(u - cu, v - cv);
        if ((dist <= r && dist >= r - 5) || (dist < r - 15 && (u + v) % 9 < 3)) ink(u, v, 90);
      }
    }
  }
  return img;
}

function gridOf(img: Page) {
  const skew = measureSkew(img, H) ?? 0;
  const grids = ruledGrids(findRules(img, skew, H), H);
  return { skew, grids };
}

const ones = (nr: number, nc: number): GridCell[] =>
  Array.from({ length: nr * nc }, (_, i) => ({ r: Math.floor(i / nc), c: i % nc, rowspan: 1, colspan: 1 }));

describe('ruled grids in scanned images', () => {
  it('finds a 4×4 grid of faint grey rules on a noisy page', () => {
    const { skew, grids } = gridOf(drawTable({ letters: true }));
    expect(Math.abs(skew)).toBeLessThan(0.001);
    expect(grids).toHaveLength(1);
    const g = grids[0]!;
    expect(g.xs).toHaveLength(5);
    expect(g.ys).toHaveLength(5);
    g.xs.forEach((x, i) => expect(Math.abs(x - (XS[i]! + 0.5))).toBeLessThanOrEqual(2));
    g.ys.forEach((y, i) => expect(Math.abs(y - (YS[i]! + 0.5))).toBeLessThanOrEqual(2));
    expect(g.cells).toEqual(ones(4, 4));
  });

  it('finds rules of light grey on white paper (a thin rule scanned at 200 dpi, read at 150: 224 on 254)', () => {
    // under the ink level (at most 200) and under the old faint level (dark + 18 = 218) none of these pixels counted
    const { grids } = gridOf(drawTable({ letters: true, paper: 253, noise: 3, rule: 224 }));
    expect(grids).toHaveLength(1);
    expect(grids[0]!.xs).toHaveLength(5);
    expect(grids[0]!.ys).toHaveLength(5);
    expect(grids[0]!.cells).toEqual(ones(4, 4));
  });

  it.each([3, 4, 5, 6])('finds the grid of double rules %i px apart (each cell boxed on its own), one boundary per pair', (apart) => {
    // the pair's other line lies where the thinness test looks for light paper: every piece was refused
    const { grids } = gridOf(drawTable({ letters: true, double: apart }));
    expect(grids).toHaveLength(1);
    const g = grids[0]!;
    expect(g.xs).toHaveLength(5);
    expect(g.ys).toHaveLength(5);
    g.xs.forEach((x, i) => expect(Math.abs(x - (XS[i]! + (apart + 1) / 2))).toBeLessThanOrEqual(2));
    expect(g.cells).toEqual(ones(4, 4));
  });

  it('takes no rule from the grain of grey paper (noise ± 12)', () => {
    const { img, ink } = page(0, 11, 236, 24);
    for (let line = 100; line < 700; line += 35) {
      for (let u = 100; u < 1100; u += 12) {
        for (let t = 0; t < H; t++) ink(u, line + t, 60);
      }
    }
    const rules = findRules(img, 0, H);
    expect(rules.horizontal).toEqual([]);
    expect(rules.vertical).toEqual([]);
  });

  it('measures a 0.8° tilt from the rules and finds the same grid', () => {
    const s = Math.tan((0.8 * Math.PI) / 180);
    const { skew, grids } = gridOf(drawTable({ skew: s, letters: true }));
    expect(Math.abs(skew - s)).toBeLessThan(0.0015);
    expect(grids).toHaveLength(1);
    expect(grids[0]!.xs).toHaveLength(5);
    expect(grids[0]!.ys).toHaveLength(5);
    expect(grids[0]!.cells).toEqual(ones(4, 4));
  });

  it('bridges rules broken by the scan: the cells stay apart', () => {
    const { grids } = gridOf(
      drawTable({
        skew: 0.005,
        // an inner vertical rule missing over 60 px of a band, a horizontal one over 90 px
        vGaps: [[520, 360, 420]],
        hGaps: [[330, 560, 650]],
        letters: true,
      }),
    );
    expect(grids).toHaveLength(1);
    expect(grids[0]!.cells).toEqual(ones(4, 4));
  });

  it('keeps the grid when a round stamp crosses two rules, and makes no boundary of it', () => {
    const { grids } = gridOf(drawTable({ stamp: { u: 760, v: 330, r: 70 }, letters: true }));
    expect(grids).toHaveLength(1);
    expect(grids[0]!.xs).toHaveLength(5);
    expect(grids[0]!.ys).toHaveLength(5);
    expect(grids[0]!.cells).toEqual(ones(4, 4));
  });

  it('mends rules a stamp took away over more than 10 H, across a column rule: the header stays apart from the row under it (colour 001 p1)', () => {
    // on a colour scan the stamp's ink becomes paper, and the rule under it with it: the header's lower rule is lost
    // from mid-column to mid-column (230 px, past a column rule), a column rule over 210 px of the header, the row and the next
    const { grids } = gridOf(drawTable({ skew: 0.004, hGaps: [[160, 600, 830]], vGaps: [[760, 190, 400]], letters: true }));
    expect(grids).toHaveLength(1);
    expect(grids[0]!.cells).toEqual(ones(4, 4));
  });

  it('mends no rule between two column rules: a cell merged over two rows beside a rule broken by a stamp stays merged', () => {
    const { grids } = gridOf(drawTable({ hMissing: [[1, 2]], hGaps: [[330, 600, 830]], letters: true }));
    expect(grids).toHaveLength(1);
    const cells = grids[0]!.cells;
    expect(cells).toContainEqual({ r: 0, c: 2, rowspan: 2, colspan: 1 });
    expect(cells).toContainEqual({ r: 1, c: 3, rowspan: 1, colspan: 1 });
    expect(cells).toContainEqual({ r: 2, c: 2, rowspan: 1, colspan: 1 });
    expect(cells).toHaveLength(15);
  });

  it('merges cells where an inner rule is not drawn: a header over two columns, a first cell over two rows', () => {
    const { grids } = gridOf(
      drawTable({
        skew: -0.006,
        vMissing: [[2, 0]], // no rule at XS[2] in the header band
        hMissing: [[2, 0]], // no rule at YS[2] in the first column
        letters: true,
      }),
    );
    expect(grids).toHaveLength(1);
    const cells = grids[0]!.cells;
    expect(cells).toContainEqual({ r: 0, c: 1, rowspan: 1, colspan: 2 });
    expect(cells).toContainEqual({ r: 1, c: 0, rowspan: 2, colspan: 1 });
    expect(cells).not.toContainEqual(expect.objectContaining({ r: 0, c: 2 }));
    expect(cells).not.toContainEqual(expect.objectContaining({ r: 2, c: 0 }));
    expect(cells).toHaveLength(16 - 2);
  });

  it('keeps apart two tables one above the other with a heading between them, their outer rules in line', () => {
    const { img, ink } = page(0.003);
    const rule = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) ink(x, y);
    };
    // table 1: columns at 100 | 300 | 1100, rows 100 | 160 | 300; table 2: 100 | 500 | 800 | 1100, rows 400 | 460 | 700
    for (const y of [100, 160, 300]) rule(100, y, 1101, y + 1);
    for (const x of [100, 300, 1100]) rule(x, 100, x + 1, 301);
    for (const y of [400, 460, 700]) rule(100, y, 1101, y + 1);
    for (const x of [100, 500, 800, 1100]) rule(x, 400, x + 1, 701);
    // the heading between them
    for (let u = 120; u < 700; u += 12) for (let t = 0; t < H; t++) ink(u, 340 + t, 60);
    const { grids } = gridOf(img);
    expect(grids).toHaveLength(2);
    expect(grids[0]!.xs).toHaveLength(3);
    expect(grids[0]!.cells).toEqual(ones(2, 2));
    expect(grids[1]!.xs).toHaveLength(4);
    expect(grids[1]!.cells).toEqual(ones(2, 3));
  });

  it('keeps apart two tables with a heading between them that touches the upper one, a letter stem under its column rule (scans-q 000 p20)', () => {
    const { img, ink } = page(0);
    const rule = (x0: number, y0: number, x1: number, y1: number, level?: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) ink(x, y, level);
    };
    // table 1: columns 100 | 300 | 1100, rows 100 | 160 | 300; table 2: 100 | 500 | 800 | 1100, rows 360 | 420 | 700
    for (const y of [100, 160, 300]) rule(100, y, 1101, y + 1);
    for (const x of [100, 300, 1100]) rule(x, 100, x + 1, 301);
    for (const y of [360, 420, 700]) rule(100, y, 1101, y + 1);
    for (const x of [100, 500, 800, 1100]) rule(x, 360, x + 1, 701);
    // the heading right under table 1: its letters touch the rule, one letter's stem below the column rule at 300
    for (let u = 120; u < 900; u += 12) rule(u, 306, u + 1, 306 + H, 60);
    rule(300, 302, 301, 332, 60);
    const { grids } = gridOf(img);
    expect(grids).toHaveLength(2);
    expect(grids[0]!.ys).toHaveLength(3);
    expect(grids[1]!.ys).toHaveLength(3);
    expect(grids[1]!.cells).toEqual(ones(2, 3));
  });

  it('keeps a short rule upright whose blurred edge is inked on most of its length (a sub-header\'s rule under a group header)', () => {
    // the start | end rule under "period", from the header's middle rule down to the table's foot:
    // two pixel columns, and the blurred edge beside them dark enough on all but its top few pixels
    const { img, ink } = page(0);
    const rule = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) ink(x, y);
    };
    for (const x of [100, 300, 600, 1100]) rule(x, 100, x + 1, 331);
    for (const y of [100, 230, 330]) rule(100, y, 1101, y + 1);
    rule(300, 160, 601, 161); // under the group header "period" only
    rule(450, 160, 451, 331);
    rule(452, 166, 452, 331);
    const rules = findRules(img, 0, H);
    const sub = rules.vertical.find((l) => Math.abs(l.pos - 451) < 3);
    expect(sub).toBeDefined();
    expect(Math.abs(sub!.slope)).toBeLessThan(0.01);
    expect(Math.abs(sub!.pos - 451)).toBeLessThan(1);
    const { grids } = gridOf(img);
    expect(grids).toHaveLength(1);
    expect(grids[0]!.xs).toHaveLength(5);
    expect(Math.abs(grids[0]!.xs[2]! - 451)).toBeLessThan(2);
    // "period" over start and end; the other header cells over both header rows
    expect(grids[0]!.cells).toContainEqual({ r: 0, c: 1, rowspan: 1, colspan: 2 });
    expect(grids[0]!.cells).toContainEqual({ r: 1, c: 1, rowspan: 1, colspan: 1 });
    expect(grids[0]!.cells).toContainEqual({ r: 1, c: 2, rowspan: 1, colspan: 1 });
    expect(grids[0]!.cells).toContainEqual({ r: 2, c: 2, rowspan: 1, colspan: 1 });
  });

  it('takes no letter stem under the end of a rule for the rule going on (a note row across the table, its first letter under a column rule)', () => {
    const { img, ink } = page(0);
    const rule = (x0: number, y0: number, x1: number, y1: number, level?: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) ink(x, y, level);
    };
    for (const x of [100, 1100]) rule(x, 100, x + 1, 267);
    for (const x of [160, 600]) rule(x, 100, x + 1, 231); // column rules stop at the note row, one line tall
    for (const y of [100, 230, 266]) rule(100, y, 1101, y + 1);
    // the note's text: its first letter's stem (H tall, a stroke's width) in line with the rule at 160, the rest beside it
    rule(160, 242, 161, 256, 60);
    for (let u = 172; u < 700; u += 12) rule(u, 242, u + 1, 256, 60);
    const { grids } = gridOf(img);
    expect(grids).toHaveLength(1);
    expect(grids[0]!.cells).toContainEqual({ r: 1, c: 0, rowspan: 1, colspan: 3 });
    expect(grids[0]!.cells).toHaveLength(4);
  });

  it('finds no table in a page of text alone', () => {
    const { img, ink } = page(0);
    for (let line = 100; line < 700; line += 35) {
      for (let u = 100; u < 1100; u += 12) {
        for (let t = 0; t < H; t++) {
          ink(u, line + t, 60);
          ink(u + 8, line + t, 60);
        }
        for (let t = 0; t < 9; t++) ink(u + t, line, 60);
      }
    }
    expect(gridOf(img).grids).toEqual([]);
  });
});

describe('prepareRuledPage', () => {
  it('erases the rules of the table and leaves the letters', () => {
    const img = drawTable({ skew: 0.004, letters: true });
    const before = Uint8Array.from(img.data);
    const prepared = prepareRuledPage(img);
    expect(prepared.grids).toHaveLength(1);
    expect(Math.abs(prepared.skew - 0.004)).toBeLessThan(0.0015);
    const at = (d: Uint8Array, u: number, v: number) => d[Math.round(v + 0.004 * u) * W + Math.round(u - 0.004 * v)] as number;
    // along an inner vertical rule, between letters: rule before, background after
    let ruled = 0;
    let erased = 0;
    for (let v = 170; v < 320; v += 5) {
      if (Math.min(at(before, 520, v), at(before, 521, v)) < 200) ruled++;
      if (Math.min(at(prepared.image.data, 520, v), at(prepared.image.data, 521, v)) >= 200) erased++;
    }
    expect(ruled).toBeGreaterThanOrEqual(28);
    expect(erased).toBeGreaterThanOrEqual(28);
    // the letters' ink is still there
    let letters = 0;
    for (let i = 0; i < before.length; i++) if ((before[i] as number) <= 60 && (prepared.image.data[i] as number) <= 60) letters++;
    const inkBefore = before.reduce((n, v) => n + (v <= 60 ? 1 : 0), 0);
    expect(letters).toBeGreaterThan(0.97 * inkBefore);
    // the input is left as it was
    expect(Buffer.compare(Buffer.from(img.data), Buffer.from(before))).toBe(0);
  });

  it('returns a page without a table as it is', () => {
    const { img } = page(0);
    const prepared = prepareRuledPage(img);
    expect(prepared.grids).toEqual([]);
    expect(prepared.image).toBe(img);
  });
});
