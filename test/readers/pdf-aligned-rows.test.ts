/**
 * Borderless tables printed by LibreOffice from a Word table with its
 * borders off (cells without padding: rows one line pitch apart, like the
 * lines within a cell), cut into rows by how their cells are aligned
 * (src/readers/_pdf-aligned-rows.ts): generated reports of the layout
 * generator (fixtures/layout-pdf, scripts/make-layout-pdfs.ts), with
 * sub-rows that have no number, rows run on across pages, wrapped row
 * numbers ("(1)") and quarter columns. Before, most rows of each merged into
 * one (84264: 6 of 17 entries, 84254: 0 of 18, 84239: 0 of 5).
 */
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/model/blocks.js';
import { readPdf } from '../../src/readers/pdf.js';
import { layoutPdf, scoredLayout } from './_layout-fixtures.js';

describe('borderless tables cut into rows by their cells’ alignment', () => {
  it('centred cells, sub-rows without a number, a row run on to the next page (84264)', async () => {
    const { n, f } = await scoredLayout(84264);
    expect(n).toBe(17);
    expect(f.recall).toBeGreaterThanOrEqual(0.94);
    expect(f.precision).toBeGreaterThanOrEqual(0.94);
  });

  it('top-aligned cells under a two-line quarter header (84254)', async () => {
    const { n, f } = await scoredLayout(84254);
    expect(n).toBe(18);
    expect(f.recall).toBeGreaterThanOrEqual(0.94);
    expect(f.precision).toBeGreaterThanOrEqual(0.94);
    expect(f.codeF1).toBeGreaterThanOrEqual(0.9);
  });

  it('row numbers in brackets, each row its own table row (84239)', async () => {
    const { n, f } = await scoredLayout(84239);
    expect(n).toBe(5);
    expect(f.recall).toBe(1);
    const blocks = (await readPdf(layoutPdf(84239))).blocks;
    const seqs = blocks
      .filter((b): b is TableBlock => b.type === 'table')
      .flatMap((t) => t.rows.map((r) => r.cells[0]?.paragraphs.join(' ') ?? ''))
      .filter((s) => /^\(\d\)$/.test(s));
    expect(seqs).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)']);
  });
});
