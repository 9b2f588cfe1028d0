/**
 * The PDF reader on generated reports written as text PDF by LibreOffice
 * (fixtures/layout-pdf, made by scripts/make-layout-pdfs.ts from the
 * layout generator, with the generator's expected output beside each):
 * cells whose text wraps over lines (down to a character a line in narrow
 * month columns), rows cut by page breaks under a repeated two-row header,
 * glyphs LibreOffice leaves out of ToUnicode, numbered paragraphs with
 * field labels. CI has no soffice: the PDFs are committed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import type { Block, TableBlock } from '../../src/model/blocks.js';
import { WORKER_MODULE, patchWorkerSource, patchWorkerSpanGlyphs } from '../../src/readers/_pdf-worker.js';
import { readPdf } from '../../src/readers/pdf.js';
import { figures, tallyDoc, type Tally } from '../_support/layouts/score.js';
import { layoutExpected as expectedOf, layoutPdf as pdf } from './_layout-fixtures.js';
import { createRequire } from 'node:module';

const SEEDS = [20004, 20009, 20038, 20076];
const blocksOf = async (seed: number): Promise<Block[]> => (await readPdf(pdf(seed))).blocks;
const tables = (blocks: Block[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.type === 'table');
const texts = (blocks: Block[]): string[] => blocks.flatMap((b) => (b.type === 'table' ? [] : [b.text]));

describe('generated reports as LibreOffice text PDFs', () => {
  it('extracts entries, periods, sections and codes as the generator wrote them (floors one point below measured)', async () => {
    const tallies = new Map<string, Tally>();
    for (const seed of SEEDS) {
      const doc = await extract(pdf(seed), { fileName: `${seed}.pdf` });
      tallyDoc(tallies, ['all'], doc, expectedOf(seed));
    }
    const f = figures(tallies.get('all')!);
    // measured: 22 entries, recall 1, precision 1, periods 21/22, sections 1, code F1 1
    expect(tallies.get('all')!.expected).toBe(22);
    expect(f.recall).toBeGreaterThanOrEqual(0.99);
    expect(f.precision).toBeGreaterThanOrEqual(0.99);
    expect(f.periods).toBeGreaterThanOrEqual(0.94);
    expect(f.sections).toBeGreaterThanOrEqual(0.99);
    expect(f.codeF1).toBeGreaterThanOrEqual(0.99);
  });

  it('reads the า LibreOffice leaves out of ToUnicode (drawn in ActualText spans only)', async () => {
    const t = texts(await blocksOf(20076));
    expect(t).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๗');
    expect(t.some((x) => x.startsWith('จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ'))).toBe(true);
  });

  it('joins the pieces of a word broken a character a line in a narrow cell, without spaces', async () => {
    const header = tables(await blocksOf(20009))[0]!.rows[0]!.cells.map((c) => c.paragraphs.join(' '));
    expect(header.slice(6, 18)).toEqual(['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.']);
    expect(header[0]).toBe('ลำดับที่');
  });

  it('starts a new paragraph in a cell where a line was ended with room left (numbered steps)', async () => {
    // the table on the second page ([1]: the rest of the first page's last row, alone at the page top, is joined to it)
    const steps = tables(await blocksOf(20009))[1]!.rows[2]!.cells[5]!.paragraphs;
    expect(steps).toEqual([
      '๑. จัดให้มี แบบสอบถาม ความพึงพอใจ ของผู้รับบริการ',
      '๒. ทบทวนและ ปรับปรุงคู่มือ การปฏิบัติงาน ให้เป็นปัจจุบัน',
      '๓. ผู้บริหาร กำกับติดตาม การดำเนินการ ทุกเดือน',
    ]);
  });

  it('drops both rows of a repeated two-row header and joins the row a page break cut', async () => {
    const t = tables(await blocksOf(20004))[0]!;
    expect(t.rows).toHaveLength(5);
    const third = t.rows[4]!.cells.map((c) => c.paragraphs.join(' '));
    expect(third.slice(3, 7)).toEqual(['๓.', 'I๘', '๑ มิ.ย.๒๕๖๖', '๓๐ มิ.ย.๒๕๖๖']);
  });

  it('joins numbers and codes a narrow cell broke between digits or scripts without a space, and keeps the space between two codes', async () => {
    const [first, second] = tables(await blocksOf(20004));
    // LibreOffice broke "๑๒๐,๐๐๐.-" after "๑๒๐,๐" and "๒๕๖๖" after "๒๕"; "O๑๕"-style codes after the letter
    const row = second!.rows[3]!.cells.map((c) => c.paragraphs.join(' '));
    expect(row[4]).toBe('ข้อO๒๒');
    expect(row[6]).toBe('๓๐ ก.ย.๒๕๖๖');
    expect(row[10]).toBe('๑๒๐,๐๐๐.-');
    // "o๒" / "o๗" / "และ o๑๗", a code a line: the codes stay apart, and pdfjs's fake space inside "o๒" is gone
    expect(first!.rows[2]!.cells[4]!.paragraphs.join(' ')).toBe('o๒ o๗ และ o๑๗');
  });

  it('gives a line opening with a field label a paragraph of its own', async () => {
    const t = texts(await blocksOf(20038));
    expect(t).toContain('ระยะเวลาดำเนินการ: ๑ พ.ย. ๒๕๖๕ - ๓๑ ก.ค. ๒๕๖๖');
    expect(t.filter((x) => x.indexOf('ระยะเวลาดำเนินการ:') > 0)).toEqual([]);
  });
});

describe('patchWorkerSpanGlyphs', () => {
  it('keeps blank glyphs inside ActualText spans, once', () => {
    const src = readFileSync(createRequire(import.meta.url).resolve(WORKER_MODULE), 'utf8');
    const patched = patchWorkerSpanGlyphs(patchWorkerSource(src)!);
    expect(patched).toContain('category.isWhitespace && !markedContentData?.itaActual');
    expect(patched).toContain('markedContentData.itaActual = markedContentData.level');
    expect(patchWorkerSpanGlyphs(patched!)).toBeNull();
    // without the ActualText patch there is no span to keep glyphs in
    expect(patchWorkerSpanGlyphs(src)).toBeNull();
  });
});
