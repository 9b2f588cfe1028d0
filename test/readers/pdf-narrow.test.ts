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

describe('a header repeated on a new page and clipped over a column a letter wide (LibreOffice)', () => {
  it("drops the one letter the clipped header left in the page's first row, which stays a row of its own", async () => {
    // "ลำดับ" wraps a letter a line; repeated on page 2 the header is clipped after "ล" / "ำ", and the
    // "ด" it lost is drawn into the first row's number cell ("ดข้อ๓"): no row number there, it was taken for
    // the rest of page 1's last row and joined to it, the section cell beside it lost
    const t = (await readPdf(layoutPdf(97707))).blocks.find((b): b is TableBlock => b.type === 'table')!;
    const seqs = t.rows.slice(2, 6).map((r) => r.cells.map((c) => c.paragraphs.join(' ')).find((x) => x.startsWith('ข้อ')));
    expect(seqs).toEqual(['ข้อ๑', 'ข้อ๒', 'ข้อ๓', 'ข้อ๔']);
    expect(t.rows[4]!.cells[0]!.paragraphs.join(' ').startsWith('ประเด็นที่ ๒')).toBe(true);
    const { n, f } = await scoredLayout(97707);
    expect(n).toBe(10);
    expect(f.recall).toBe(1);
    expect(f.sections).toBe(1);
    expect(f.periods).toBe(1);
    expect(f.codeF1).toBe(1);
  });
});

describe('the right margin of a page with little prose (LibreOffice)', () => {
  it('does not take the line after a paragraph for its rest when that paragraph ends the second longest line', async () => {
    // the intro's first line runs to the margin, its last ends at 599 of 770: as the second longest line
    // of the document it was the margin, and the heading under it ("ประเด็นที่ ๑ …") was joined to the intro
    const blocks = (await readPdf(layoutPdf(97842))).blocks;
    const prose = blocks.flatMap((b) => (b.type === 'table' ? [] : [b.text]));
    expect(prose.some((t) => t.endsWith('ดังนี้'))).toBe(true);
    expect(prose).toContain('ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประ');
    const { n, f } = await scoredLayout(97842);
    expect(n).toBe(8);
    expect(f.sections).toBe(1);
  });
});
