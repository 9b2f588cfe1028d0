/**
 * Shaded cells on a scan (shading.ts): a ruled table drawn here as a
 * 150 dpi grey scan draws it, thin blurred rules and month cells filled
 * mid-grey (a Gantt chart drawn with cell shading), with noise. No
 * Tesseract: fast.
 */
import { describe, expect, it } from 'vitest';
import { gridTable } from '../../src/ocr/ruled-table.js';
import { findShading, shadedRect, withoutShading } from '../../src/ocr/shading.js';
import { prepareRuledPage } from '../../src/ocr/tablepage.js';
import type { GreyImage } from '../../src/ocr/types.js';

const W = 900;
const HT = 560;
const XS = [80, 300, 360, 420, 480, 540, 600, 820];
const YS = [80, 140, 220, 300, 380, 460];
/** Shaded cells, [row, column]: a bar over columns 2–4 in row 1, 3–5 in row 2, 1–2 in row 4. */
const SHADED: Array<[number, number]> = [[1, 2], [1, 3], [1, 4], [2, 3], [2, 4], [2, 5], [4, 1], [4, 2]];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Paper 246 ± 6, fills `fill` ± 6 under the rules, rules a 2 px core at 112 with edges at 170 (a thin rule blurred by the scan). */
function scan(fill: number, seed = 3): GreyImage & { dpi: number } {
  const rnd = prng(seed);
  const data = new Uint8Array(W * HT);
  for (let i = 0; i < data.length; i++) data[i] = 246 + Math.round((rnd() - 0.5) * 12);
  for (const [r, c] of SHADED) {
    for (let y = YS[r]!; y < YS[r + 1]!; y++) for (let x = XS[c]!; x < XS[c + 1]!; x++) data[y * W + x] = fill + Math.round((rnd() - 0.5) * 12);
  }
  const dot = (x: number, y: number, v: number): void => {
    data[y * W + x] = Math.min(data[y * W + x]!, v);
  };
  for (const x of XS) for (let y = YS[0]!; y <= YS[YS.length - 1]!; y++) [dot(x - 1, y, 170), dot(x, y, 112), dot(x + 1, y, 112), dot(x + 2, y, 170)];
  for (const y of YS) for (let x = XS[0]!; x <= XS[XS.length - 1]!; x++) [dot(x, y - 1, 170), dot(x, y, 112), dot(x, y + 1, 112), dot(x, y + 2, 170)];
  // a word in a white cell and one in a shaded cell: ink stays
  for (const [x0, y0] of [[100, 100], [368, 170]] as const) for (let y = y0; y < y0 + 14; y++) for (let x = x0; x < x0 + 30; x += 4) dot(x, y, 40);
  return { width: W, height: HT, data, dpi: 150 };
}

describe('shaded cells on a scan', () => {
  it('finds the grid whole under grey and coloured fills, and says which cells are shaded', () => {
    // greys and the luminance of word processors' orange and blue fills as a grey scan gives them
    for (const fill of [166, 190, 214]) {
      const prepared = prepareRuledPage(scan(fill));
      expect(prepared.grids).toHaveLength(1);
      const g = prepared.grids[0]!;
      // every rule between shaded cells found: no cell merged
      expect(g.xs).toHaveLength(XS.length);
      expect(g.ys).toHaveLength(YS.length);
      expect(g.cells.every((c) => c.colspan === 1 && c.rowspan === 1)).toBe(true);
      const { rows } = gridTable(g, [], 15, 30, 1);
      const shaded = rows.flatMap((r, i) => r.cells.flatMap((c, j) => (c.shaded ? [[i, j]] : [])));
      expect(shaded).toEqual(SHADED);
    }
  });

  it('turns the fill to paper and leaves the ink on it', () => {
    const img = scan(190);
    const map = findShading(img, 15, 246);
    expect(map).not.toBeNull();
    const out = withoutShading(img, map!, 246);
    const at = (x: number, y: number) => out.data[y * W + x]!;
    expect(at(390, 200)).toBe(246); // the fill inside a shaded cell
    expect(at(368, 172)).toBe(40); // a letter written on the shade
    expect(at(420, 200)).toBeLessThan(130); // the rule between two shaded cells
    expect(at(200, 200)).toBe(img.data[200 * W + 200]); // a white cell untouched
    expect(shadedRect(map!, { x0: XS[2]!, y0: YS[1]!, x1: XS[3]!, y1: YS[2]! }, 0)).toBe(true);
    expect(shadedRect(map!, { x0: XS[1]!, y0: YS[1]!, x1: XS[2]!, y1: YS[2]! }, 0)).toBe(false);
  });

  it('finds no shading on a page of text and rules only', () => {
    const img = scan(246);
    expect(findShading(img, 15, 246)).toBeNull();
  });
});
