/**
 * Month or quarter columns drawn as a Gantt chart, printed to PDF: a shaded
 * cell is a filled rectangle in a colour under the cell's text (LibreOffice
 * from Word's cell shading; Chromium from a cell's background, one rectangle
 * per run of shaded cells in a column). The reader follows the fill colour
 * (operator lists, or the patched worker's paths) and marks the grid cells
 * those rectangles cover; the domain reads them as marks.
 * Before: no row of such a table had a period (generated seed 93001, both
 * writers: periods 0.000 of 9 entries, recall 1.000).
 */
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/model/blocks.js';
import { fillShades, pageGraphics } from '../../src/readers/_pdf-rules.js';
import { readPdf } from '../../src/readers/pdf.js';
import { generate } from '../_support/layouts/generate.js';
import { layoutPdf, scoredLayout } from './_layout-fixtures.js';

const shadedCount = async (bytes: Uint8Array) => {
  const read = await readPdf(bytes);
  return read.blocks
    .filter((b): b is TableBlock => b.type === 'table')
    .flatMap((t) => t.rows.flatMap((r) => r.cells))
    .filter((c) => c.shaded).length;
};

describe('fill colours that shade', () => {
  it('greys and colours do; white, near-white and patterns do not; the initial black does', () => {
    expect(['#a6a6a6', '#ffc000', [0.5], [0.2, 0.4, 0.9], [0, 0, 0, 0.35], undefined].map(fillShades)).toEqual([true, true, true, true, true, true]);
    expect(['#ffffff', '#fefefe', [1], [1, 1, 1], [0, 0, 0, 0], null, 'nonsense'].map(fillShades)).toEqual(Array(7).fill(false));
  });

  it('a filled rectangle wider than a rule is a fill; a thin one stays a rule; the colour follows save and restore', () => {
    const O = { save: 1, restore: 2, transform: 3, constructPath: 4, paintFormXObjectBegin: 5, paintFormXObjectEnd: 6, paintImageXObject: 7, paintInlineImageXObject: 8, paintImageMaskXObject: 9, paintImageXObjectRepeat: 10, stroke: 11, closeStroke: 12, fill: 13, eoFill: 14, fillStroke: 15, eoFillStroke: 16, closeFillStroke: 17, closeEOFillStroke: 18, setFillRGBColor: 19 };
    const rect = (x: number, y: number, w: number, h: number) => [O.fill, [new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4])], null];
    const g = pageGraphics(
      [O.setFillRGBColor, O.constructPath, O.constructPath, O.save, O.setFillRGBColor, O.constructPath, O.restore, O.constructPath],
      [['#a6a6a6'], rect(100, 100, 40, 20), rect(0, 50, 300, 1), null, ['#ffffff'], rect(200, 100, 40, 20), null, rect(150, 200, 40, 20)],
      O,
      0,
    );
    expect(g.fills).toEqual([
      { x1: 100, y1: 100, x2: 140, y2: 120 },
      { x1: 150, y1: 200, x2: 190, y2: 220 },
    ]);
    expect(g.horizontals.length).toBe(1);
  });
});

describe('shaded month columns in PDF', () => {
  // the cells the generator shaded (nothing of the recogniser decides this)
  const shadedInGenerator = (seed: number) =>
    generate(seed)
      .blocks.flatMap((b) => (b.t === 'table' ? b.rows.flatMap((r) => r.cells) : []))
      .filter((c) => c?.shaded).length;

  for (const writer of ['libreoffice', 'chromium'] as const) {
    it(`${writer}: the shaded cells are marked and every row's period is read from them`, async () => {
      expect(shadedInGenerator(93001)).toBeGreaterThan(5);
      expect(await shadedCount(layoutPdf(93001, writer))).toBe(shadedInGenerator(93001));
      const { n, f } = await scoredLayout(93001, writer);
      expect(n).toBeGreaterThan(5);
      expect(f.recall).toBe(1);
      expect(f.periods).toBe(1);
    });
  }
});
