/**
 * A report as pandoc 2.17 writes it to plain text (`pandoc -f docx -t plain`
 * of fixtures/producers/plain-report.docx, a DOCX made with the docx
 * library: title lines, an introduction, an issue heading over a table
 * whose code column is narrow, a second issue heading over a one-row
 * table). What such text does that our own text writer never does:
 * prose wrapped at 72 columns (a wrapped line can start with
 * "ประจำปีงบประมาณ …"), a one-row table drawn as a header with no body,
 * and codes cut letter by letter down a narrow grid column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import type { Block, TableBlock } from '../../src/model/blocks.js';
import { readText } from '../../src/readers/text.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/producers/${name}`, import.meta.url), 'utf8');
const texts = (blocks: Block[]): string[] => blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
const tables = (blocks: Block[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.type === 'table');

describe('a report through pandoc plain text', () => {
  it('gives the three measures and nothing of the title or the introduction', async () => {
    const doc = await extract(fixture('plain-report.txt'), { fileName: 'plain-report.txt' });
    expect(doc.entries.map((e) => [e.kind, e.section, e.seq, e.itemCodes.map((c) => c.code), e.periods.map((p) => `${p.start}..${p.end}`), e.responsible])).toEqual([
      ['row', 1, 1, ['i2', 'i6', 'i13'], ['2024-10..2024-12'], ['สำนักปลัด']],
      ['row', 1, 2, ['i8'], ['2025-01..2025-01'], ['กองคลัง']],
      ['row', 5, 3, ['o12'], ['2024-10..2025-09'], ['กองคลัง']],
    ]);
    expect(doc.fiscalYear?.be).toBe(2568);
    expect(doc.organization?.name).toBe('เทศบาลตำบลหนองหาน');
  });

  it('joins prose wrapped at 72 columns, a heading wrapped after its number included', () => {
    const blocks = readText(fixture('plain-report.txt')).blocks;
    expect(texts(blocks)).toContain(
      'จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ เทศบาลตำบลหนองหาน ได้คะแนน ๘๘.๓๖ คะแนน จึงได้กำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ดังนี้',
    );
    expect(texts(blocks)).toContain('ประเด็นที่ ๕ กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง');
    // the title lines, a paragraph each between blank lines, stay apart
    expect(texts(blocks).slice(0, 4)).toEqual(['รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'เทศบาลตำบลหนองหาน', 'อ.หนองหาน จ.อุดรธานี', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๘']);
  });

  it('reads a one-row table drawn as a header without a body as a table', () => {
    const [, second] = tables(readText(fixture('plain-report.txt')).blocks);
    expect(second!.rows.map((r) => r.cells.map((c) => c.paragraphs.join(' ')))).toEqual([
      ['๓', 'เผยแพร่แผนการจัดซื้อจัดจ้างประจำปีบนเว็บไซต์ของหน่วยงาน', 'o๑๒', 'ต.ค. ๖๗ - ก.ย. ๖๘', 'กองคลัง'],
    ]);
  });

  it('finds the wrap width past a line that is one word too long to wrap, and keeps a label line its own', () => {
    // pandoc cannot break "๑.  <a Thai phrase longer than the width>": that line says nothing of the width
    const long = 'มีการกำหนดนโยบายของผู้บริหารไม่ให้รับทรัพย์สินหรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่';
    const text = [
      'จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
      'ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ เทศบาลตำบลหนองหาน ได้คะแนน ๘๘.๓๖ คะแนน',
      'จึงได้กำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ดังนี้',
      '',
      `๑. ${long}`,
      '',
      'ขั้นตอนการดำเนินงาน: ประชาสัมพันธ์ผ่านเสียงตามสาย เพจเฟซบุ๊ก และบอร์ด',
      'ประชาสัมพันธ์ จัดประชุมชี้แจงแนวทางแก่บุคลากรทุกส่วนราชการและผู้นำชุมชน',
      // a full line before it, but a label starts its own line (a line break in the DOCX, not a wrap)
      'ห้วงเวลา: ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘',
      '',
    ].join('\n');
    expect(texts(readText(text).blocks)).toEqual([
      'จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ เทศบาลตำบลหนองหาน ได้คะแนน ๘๘.๓๖ คะแนน จึงได้กำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ดังนี้',
      `๑. ${long}`,
      'ขั้นตอนการดำเนินงาน: ประชาสัมพันธ์ผ่านเสียงตามสาย เพจเฟซบุ๊ก และบอร์ด ประชาสัมพันธ์ จัดประชุมชี้แจงแนวทางแก่บุคลากรทุกส่วนราชการและผู้นำชุมชน',
      'ห้วงเวลา: ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘',
    ]);
  });

  it('finds the wrap width past the lines of a drawn table, from two wrapped lines with none against them', async () => {
    // pandoc plain text of a generated report (seed 84601), its title, introduction and last table: the table's
    // padded lines run to 180 columns, and the introduction is the only prose wrapped (two lines full)
    const text = fixture('plain-report-wide-table.txt');
    expect(texts(readText(text).blocks)).toContain(
      'จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ เทศบาลเมืองชุมแพ ได้คะแนน ๙๑.๖๓ คะแนน จึงได้กำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ดังนี้',
    );
    const doc = await extract(text, { fileName: 'plain-report-wide-table.txt' });
    expect([doc.assessment.year, doc.assessment.overallScore]).toEqual([2566, 91.63]);
  });
});
