/**
 * A page break inside a Thai cluster (fixtures/layout-pdf/92084, LibreOffice):
 * a row number "ข้อ ๒" wrapped a letter a line in a narrow column, its first
 * line "ข้" cut by the page break. LibreOffice draws "ข" at the foot of the
 * page and the tone mark alone at the top of the next, in the cell's first
 * line; pdfjs glued the mark to the text drawn before it (the repeated
 * header's last cell), so the header repeat was not recognised and the cut
 * row was not joined.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/model/blocks.js';
import { readPdf } from '../../src/readers/pdf.js';
import { joinCellText } from '../../src/readers/_pdf-paragraphs.js';
import { patchWorkerDetachedMarks } from '../../src/readers/_pdf-worker-marks.js';
import { layoutPdf, scoredLayout } from './_layout-fixtures.js';

describe('a Thai mark drawn alone on the next page (LibreOffice)', () => {
  it('patches the shipped worker once: a zero-width mark far from the item before goes through the position check', () => {
    const src = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
    const patched = patchWorkerDetachedMarks(src);
    expect(patched).not.toBeNull();
    expect(patched!.includes('!category.isZeroWidthDiacritic && !compareWithLastPosition')).toBe(false);
    expect(patchWorkerDetachedMarks(patched!)).toBeNull();
  });

  it('joins a piece opening with a mark to the letter before it, without a space', () => {
    expect(joinCellText('ข', '้อ๒')).toBe('ข้อ๒');
    expect(joinCellText('ประสิทธิภาพแล', 'ะลดระยะเวลา')).toBe('ประสิทธิภาพและลดระยะเวลา');
  });

  it('keeps the mark out of the repeated header and joins the cut row number "ข" / "้อ๒"', async () => {
    const t = (await readPdf(layoutPdf(92084))).blocks.find((b): b is TableBlock => b.type === 'table')!;
    const texts = t.rows.map((r) => r.cells.map((c) => c.paragraphs.join(' ')));
    // the header's second row (three status columns) once, ending as written
    expect(texts.filter((r) => r[0] === 'ดำเนินการ แล้ว')).toHaveLength(1);
    expect(texts.some((r) => r.some((c) => c.endsWith('การ้')))).toBe(false);
    // the row cut by the page break is one row with its whole number (before: "ข" and "อ๒" in two rows)
    expect(texts.filter((r) => r[0] === 'ข้อ๒')).toHaveLength(1);
    expect(texts.some((r) => r[0] === 'ข' || r[0]?.startsWith('้'))).toBe(false);
  });

  it('finds every entry with its period (before: recall 0.833, precision 0.882)', async () => {
    const { n, f } = await scoredLayout(92084);
    expect(n).toBe(18);
    expect(f.recall).toBe(1);
    expect(f.precision).toBe(1);
    expect(f.periods).toBe(1);
  });
});
