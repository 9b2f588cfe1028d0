/**
 * Generated reports as LibreOffice text PDFs (fixtures/layout-pdf, made by
 * scripts/make-layout-pdfs.ts, expected output by construction) whose
 * tables run over pages: a section column merged down over its rows that
 * the page break cuts (LibreOffice draws the merged cell again at the top
 * of the next page), row numbers written "ข้อ๑", and quarter columns under
 * a "ไตรมาส" group title over "๑ ๒ ๓ ๔"; one table per issue under its
 * caption row, the next issue's caption at the top of a page; a period's
 * start and end on two lines of a cell.
 */
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/model/blocks.js';
import { readPdf } from '../../src/readers/pdf.js';
import { layoutPdf as pdf, scoredLayout as scored } from './_layout-fixtures.js';

describe('tables over pages in LibreOffice text PDFs', () => {
  it('keeps the rows under a section cell merged across a page break in their columns (seed 91008)', async () => {
    const { n, f } = await scored(91008);
    // before: the rows under the cut section cell read every field a column off (periods 0.75, code F1 0.81)
    expect(n).toBe(12);
    expect([f.recall, f.precision, f.periods, f.sections, f.codeF1]).toEqual([1, 1, 1, 1, 1]);
  });

  it('reads quarter marks under a "ไตรมาส" group title written over "๑ ๒ ๓ ๔" (seed 91039)', async () => {
    const read = await readPdf(pdf(91039));
    const t = read.blocks.find((b): b is TableBlock => b.type === 'table')!;
    // the two header rows are marked as the header, as the word processor marked them
    expect(t.rows.slice(0, 2).map((r) => r.header)).toEqual([true, true]);
    expect(t.rows[1]!.cells.map((c) => c.paragraphs.join(' '))).toEqual(['๑', '๒', '๓', '๔']);
    expect(t.rows[2]!.header).toBe(false);
    const { n, f } = await scored(91039);
    // before: no entry had a period (the group header was not read), precision 0.94
    expect(n).toBe(15);
    expect([f.recall, f.precision, f.periods, f.sections]).toEqual([1, 1, 1, 1]);
  });

  it('keeps a complete row under a section cell drawn again on a new page a row of its own (seed 97122, month marks)', async () => {
    const { n, f } = await scored(97122);
    // before: the section column's "๑. …", "๒. …" were taken for the row numbering and each issue's rows ๑ and ๒
    // joined into one entry (recall 0.75, periods 0.67, code F1 0.66)
    expect(n).toBe(12);
    expect([f.recall, f.precision, f.periods, f.sections, f.codeF1]).toEqual([1, 1, 1, 1, 1]);
  });

  it("keeps the next issue's caption row at a page top, and a period's two lines apart (seeds 97051, 97007)", async () => {
    // before: "ประเด็นที่ ๓" dropped as a repeat of "ประเด็นที่ ๑", its rows under issue ๑ (sections 0.69, precision 0.94)
    const a = await scored(97051);
    expect(a.n).toBe(16);
    expect([a.f.recall, a.f.precision, a.f.sections]).toEqual([1, 1, 1]);
    // before: "๑ กรกฎาคม ๒๕๖๗" / "๓๐ กันยายน ๒๕๖๗" read "๒๕๖๗๓๐" (periods 0.88)
    const b = await scored(97007);
    expect(b.n).toBe(26);
    expect([b.f.recall, b.f.precision, b.f.periods]).toEqual([1, 1, 1]);
  });

  it('joins a two-row header the page break split, caption and years at the foot, months on the next page (seed 91029)', async () => {
    const read = await readPdf(pdf(91029));
    const t = read.blocks.filter((b): b is TableBlock => b.type === 'table').find((b) => b.rows[0]!.cells[0]!.paragraphs.join('').startsWith('ประเด็นที่ ๔'))!;
    expect(t.rows.slice(1, 4).map((r) => r.header)).toEqual([true, true, false]);
    expect(t.rows[2]!.cells.map((c) => c.paragraphs.join(''))).toEqual(['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.']);
    const { n, f } = await scored(91029);
    // before: the months and issue ๔'s rows a table of their own, under issue ๒ and without periods (periods and sections 0.75)
    expect(n).toBe(12);
    expect([f.recall, f.precision, f.periods, f.sections, f.codeF1]).toEqual([1, 1, 1, 1, 1]);
  });
});
