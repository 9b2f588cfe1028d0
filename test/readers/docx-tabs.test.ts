/**
 * A measure table typed with tab stops: one Word paragraph per row, the
 * columns separated by tabs. Read as a table; a lone tabbed line (a
 * signature "ลงชื่อ⇥⇥(…)") stays a paragraph with the tabs as spaces.
 */
import { Document, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import type { TableBlock } from '../../src/model/blocks.js';
import { readDocx } from '../../src/readers/docx.js';

const tabbed = (cells: string[]) =>
  new Paragraph({
    tabStops: [1000, 5000, 7000].map((position) => ({ type: TabStopType.LEFT, position })),
    children: cells.flatMap((c, k) => [...(k > 0 ? [new TextRun({ text: '\t' })] : []), new TextRun(c)]),
  });

const docxOf = (children: Paragraph[]) => Packer.toBuffer(new Document({ sections: [{ children }] }));

describe('columns typed with tab stops', () => {
  it('a run of tabbed paragraphs is a table, a heading between rows stays a line, a lone tabbed line a paragraph', async () => {
    const bytes = await docxOf([
      new Paragraph('มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘'),
      new Paragraph('ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ'),
      tabbed(['ที่', 'มาตรการ', 'ระยะเวลา', 'ผู้รับผิดชอบ']),
      tabbed(['๑.', 'จัดทำคู่มือการให้บริการประชาชน (ข้อ i๑)', 'ต.ค. - ธ.ค. ๖๗', 'สำนักปลัด']),
      tabbed(['๒.', 'ประกาศเจตนารมณ์ต่อต้านการทุจริต', 'ม.ค. ๖๘', 'กองคลัง']),
      new Paragraph('ประเด็นที่ ๕ กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง'),
      tabbed(['๓.', 'เผยแพร่แผนการจัดซื้อจัดจ้าง (ข้อ o๑๒)', 'ต.ค. ๖๗ - ก.ย. ๖๘', 'กองคลัง']),
      new Paragraph('จึงประกาศมาให้ทราบโดยทั่วกัน'),
      new Paragraph('ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗'),
      new Paragraph('ผู้ประกาศ'),
      tabbed(['ลงชื่อ', '(นายสมชาย ใจดี)']),
    ]);
    const { blocks } = await readDocx(new Uint8Array(bytes));
    const tables = blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(tables[0]!.rows.map((r) => r.cells.map((c) => c.paragraphs.join(' ')))).toEqual([
      ['ที่', 'มาตรการ', 'ระยะเวลา', 'ผู้รับผิดชอบ'],
      ['๑.', 'จัดทำคู่มือการให้บริการประชาชน (ข้อ i๑)', 'ต.ค. - ธ.ค. ๖๗', 'สำนักปลัด'],
      ['๒.', 'ประกาศเจตนารมณ์ต่อต้านการทุจริต', 'ม.ค. ๖๘', 'กองคลัง'],
    ]);
    expect(blocks.some((b) => b.type === 'paragraph' && b.text === 'ลงชื่อ (นายสมชาย ใจดี)')).toBe(true);
    expect(JSON.stringify(blocks)).not.toContain('⟦');
    const doc = await extract(new Uint8Array(bytes), { fileName: 'tabs.docx' });
    expect(doc.entries.map((e) => [e.section, e.seq, e.itemCodes.map((c) => c.code), e.responsible])).toEqual([
      [1, 1, ['i1'], ['สำนักปลัด']],
      [1, 2, [], ['กองคลัง']],
      [5, 3, ['o12'], ['กองคลัง']],
    ]);
  });
});
