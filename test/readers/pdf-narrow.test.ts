/**
 * The PDF reader on cells narrower than a character (fixtures/layout-pdf,
 * LibreOffice): a sequence column and twelve month columns so narrow that
 * LibreOffice prints the first letter of each cell ("ล" of "ลำดับ", "ต" of
 * "ต.ค.") and clips the rest. The letter runs past the cell's right border
 * and pdfjs joins it with the next cell's text into one run.
 */
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/readers/pdf.js';
import type { TableBlock } from '../../src/model/blocks.js';
import { layoutPdf, scoredLayout } from './_layout-fixtures.js';

describe('cells narrower than a character (LibreOffice)', () => {
  it('keeps a clipped letter in its own cell, not in the next cell its run ran into', async () => {
    const t = (await readPdf(layoutPdf(97620))).blocks.find((b): b is TableBlock => b.type === 'table')!;
    const header = t.rows[0]!.cells.map((c) => c.paragraphs.join(' '));
    // "ลำดับ" clipped to "ล" in its own column; "วิธีการ" alone in the next (before: "" | "ล วิธีการ")
    expect(header.slice(0, 3)).toEqual(['ประเด็นที่', 'ล', 'วิธีการ']);
    expect(header.slice(6, 18)).toEqual(['ต', 'พ', 'ธ', 'ม', 'ก', 'ม', 'เ', 'พ', 'ม', 'ก', 'ส', 'ก']);
    // a sub-row's number clipped to "1" stays in the sequence column, out of the steps
    const sub = t.rows[2]!.cells.map((c) => c.paragraphs.join(' '));
    expect(sub[0]).toBe('1');
    expect(sub[1]!.startsWith('1. จัดทำ')).toBe(true);
  });

  it('finds every entry of the table under that header, with its months and section (before: none)', async () => {
    const { n, f } = await scoredLayout(97620);
    expect(n).toBe(17);
    expect(f.recall).toBe(1);
    expect(f.precision).toBe(1);
    expect(f.periods).toBe(1);
    expect(f.sections).toBe(1);
    expect(f.codeF1).toBe(1);
  });
});
