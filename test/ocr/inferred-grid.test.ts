/**
 * Tables whose horizontal rules a 1-bit scan lost (inferred-grid.ts,
 * through tablepage.ts), on synthetic black-and-white pages drawn here:
 * vertical rules, letter-like text in the cells, the horizontal rules
 * missing or kept only at the table's edges. No Tesseract: fast.
 */
import { describe, expect, it } from 'vitest';
import { prepareRuledPage } from '../../src/ocr/tablepage.js';
import type { GreyImage } from '../../src/ocr/types.js';

const H = 15; // base text height at 150 dpi
const W = 1200;
const HT = 900;
const XS = [100, 260, 560, 860, 1100];
const TOP = 100;
const PITCH = 2 * H;

interface Page extends GreyImage {
  dpi: number;
}

/** Lines of text per cell, per row: rows[r][c] lists the line slots (0, 1, …) that hold text. */
type Rows = number[][][];

/** A 1-bit page: white paper, black vertical rules, text in the cells; returns the page and the text's rows' extents. */
function draw(rows: Rows, opts: { topRule?: boolean; bottomRule?: boolean; dashed?: boolean; pitch?: number } = {}) {
  const pitch = opts.pitch ?? PITCH;
  const data = new Uint8Array(W * HT).fill(255);
  const img: Page = { width: W, height: HT, data, dpi: 150 };
  const ink = (x: number, y: number): void => {
    if (x >= 0 && y >= 0 && x < W && y < HT) data[y * W + x] = 0;
  };
  const line = (x0: number, x1: number, y: number): void => {
    for (let u = x0; u + 10 < x1; u += 12) {
      for (let t = 0; t < H; t++) {
        ink(u, y + t);
        ink(u + 8, y + t);
      }
      for (let t = 0; t < 9; t++) ink(u + t, y);
    }
  };
  // each row: padding 10, its lines, padding 10; the row's text from its first to its last inked line
  const text: Array<{ top: number; bottom: number }> = [];
  let y = TOP;
  for (const row of rows) {
    const slots = Math.max(...row.flat()) + 1;
    let top = Infinity;
    let bottom = -Infinity;
    row.forEach((lines, c) => {
      for (const k of lines) {
        const ly = y + 10 + k * pitch;
        line((XS[c] as number) + 8, (XS[c + 1] as number) - 8, ly);
        top = Math.min(top, ly);
        bottom = Math.max(bottom, ly + H);
      }
    });
    text.push({ top, bottom });
    y += 10 + slots * pitch + 10;
    if (opts.dashed && text.length < rows.length) {
      // the rule between the rows left as dashes: 8 px of ink, 5 px gaps, some dashes missing
      for (let u = XS[0] as number; u <= (XS[XS.length - 1] as number); u += 13) {
        if ((u / 13) % 7 === 3) continue;
        for (let t = 0; t < 8; t++) for (const d of [0, 1]) ink(u + t, y - 8 + d);
      }
    }
  }
  const bottom = y;
  for (const x of XS) for (let v = TOP; v <= bottom; v++) for (const t of [0, 1]) ink(x + t, v);
  const rule = (v: number): void => {
    for (let u = XS[0] as number; u <= (XS[XS.length - 1] as number) + 1; u++) for (const t of [0, 1]) ink(u, v + t);
  };
  if (opts.topRule) rule(TOP);
  if (opts.bottomRule) rule(bottom);
  return { img, text, bottom };
}

/** Every inner row boundary lies between one row's text and the next's. */
function expectRowsBetween(ys: readonly number[], text: ReadonlyArray<{ top: number; bottom: number }>): void {
  expect(ys).toHaveLength(text.length + 1);
  for (let k = 1; k < text.length; k++) {
    expect(ys[k]).toBeGreaterThan(text[k - 1]!.bottom);
    expect(ys[k]).toBeLessThan(text[k]!.top);
  }
}

const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('tables whose horizontal rules are lost', () => {
  // a header row of one or two lines, then rows of three to five lines
  const rows: Rows = [
    [[0, 1], [0], [0], [0, 1]],
    [all(3), [0], all(5), all(4)],
    [all(2), [0, 1], all(3), [0]],
    [all(4), [0], all(2), all(3)],
  ];

  it('finds a table framed by vertical rules only, its rows from where the text starts', () => {
    const { img, text } = draw(rows);
    const { grids } = prepareRuledPage(img);
    expect(grids).toHaveLength(1);
    const g = grids[0]!;
    expect(g.xs).toHaveLength(XS.length);
    g.xs.forEach((x, i) => expect(Math.abs(x - (XS[i]! + 0.5))).toBeLessThanOrEqual(2));
    expectRowsBetween(g.ys, text);
    expect(g.cells).toHaveLength(4 * 4);
    expect(g.cells.every((c) => c.rowspan === 1 && c.colspan === 1)).toBe(true);
  });

  it('splits the one row of a grid ruled only at its top and bottom into the rows of its text', () => {
    const { img, text, bottom } = draw(rows, { topRule: true, bottomRule: true });
    const { grids } = prepareRuledPage(img);
    expect(grids).toHaveLength(1);
    const g = grids[0]!;
    expect(Math.abs(g.ys[0]! - TOP)).toBeLessThanOrEqual(2);
    expect(Math.abs(g.ys[g.ys.length - 1]! - bottom)).toBeLessThanOrEqual(2);
    expectRowsBetween(g.ys, text);
    expect(g.cells).toHaveLength(4 * 4);
  });

  it('finds the rows of a table whose horizontal rules the scan broke into dashes', () => {
    const { img, text } = draw(rows, { topRule: true, bottomRule: true, dashed: true });
    const { grids } = prepareRuledPage(img);
    expect(grids).toHaveLength(1);
    expectRowsBetween(grids[0]!.ys, text);
    expect(grids[0]!.cells).toHaveLength(4 * 4);
  });

  it('gives a header row left alone at the foot of a page the columns of its own short rules', () => {
    const { img } = draw(rows.slice(0, 2));
    const data = img.data;
    const ink = (x: number, y: number): void => {
      data[y * W + x] = 0;
    };
    // a heading under the table, then the next table's header row: its rules 5 H tall, the outer ones in line with the table's
    for (let u = 120; u < 700; u += 12) for (let t = 0; t < H; t++) ink(u, 420 + t);
    const header = [100, 400, 650, 1100];
    for (const x of header) for (let v = 470; v <= 545; v++) for (const t of [0, 1]) ink(x + t, v);
    for (let c = 0; c + 1 < header.length; c++) for (let u = header[c]! + 8; u + 10 < header[c + 1]! - 8; u += 12) for (let t = 0; t < H; t++) ink(u, 480 + t);
    const { grids } = prepareRuledPage(img);
    expect(grids).toHaveLength(2);
    expect(grids[1]!.xs.map(Math.floor)).toEqual(header);
    expect(grids[1]!.ys).toHaveLength(2);
  });

  it('makes no row of a paragraph break in the first column while another column runs on, nor of parallel paragraphs in other columns', () => {
    const { img, text } = draw([
      [[0], [0], [0], [0]],
      // the first column: two lines, a blank line, two more; the fourth breaks there too, the third runs on through it
      [[0, 1, 3, 4], [0], all(5), [0, 1, 3]],
      // the first column empty; the third and fourth start paragraphs at the same height
      [[], [0], [0, 1, 3, 4], [0, 1, 3]],
    ]);
    const { grids } = prepareRuledPage(img);
    expect(grids).toHaveLength(1);
    // the header and the second row apart; the third row (no text in the first column) joins the second
    expect(grids[0]!.ys).toHaveLength(3);
    const y1 = grids[0]!.ys[1]!;
    expect(y1).toBeGreaterThan(text[0]!.bottom);
    expect(y1).toBeLessThan(text[1]!.top);
  });

  it('makes no row of each line of cells whose lines lie further apart than a line gap (a Thai font\'s tall line spacing), only where the padding adds to it', () => {
    // lines 3 H apart: the blank between two lines of one cell is 2 H, taller than 1.2 H; between rows
    // the cells' padding (10 + 10 px) adds to it
    const { img, text } = draw(rows, { pitch: 3 * H });
    const { grids } = prepareRuledPage(img);
    expect(grids).toHaveLength(1);
    expectRowsBetween(grids[0]!.ys, text);
    expect(grids[0]!.cells).toHaveLength(4 * 4);
  });
});
