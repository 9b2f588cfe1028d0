import { describe, expect, it } from 'vitest';
import { cell, type TableRow } from '../../src/model/blocks.js';
import type { Entry, FieldRole } from '../../src/model/schema.js';
import { extract } from '../../src/index.js';
import { markColumns } from '../../src/ita/mark-columns.js';
import { type RowContext, classifyRow, headerKey } from '../../src/ita/rows.js';

const at = { page: 1, line: 1 } as unknown as TableRow['source'];
const row = (...texts: string[]): TableRow => ({ cells: texts.map((t) => cell(t ? [t] : [])), source: at, header: false });
const ROLES: Array<FieldRole | null> = ['seq', 'measure', 'period', 'responsible'];
const parent = { kind: 'row', seq: 1, fields: { seq: '๑', measure: 'จัดทำคู่มือการปฏิบัติงาน' } } as unknown as Entry;
const ctx = (over: Partial<RowContext> = {}): RowContext => ({
  roles: ROLES,
  marks: null,
  subHeader: null,
  sectionCol: null,
  parent,
  last: parent,
  fullWidth: false,
  ...over,
});
const kind = (r: TableRow, over?: Partial<RowContext>) => classifyRow(r, ctx(over)).kind;

describe('classifyRow', () => {
  it('a numbered row with its own cells is data', () => {
    expect(kind(row('๒', 'ประกาศเจตจำนงสุจริตของผู้บริหาร', 'ต.ค. ๖๗', 'สำนักปลัด'))).toBe('data');
  });

  it('blank rows and rows of dashes or dots are empty templates, never entries', () => {
    expect(kind(row('', '', '', ''))).toBe('empty');
    expect(kind(row('-', '-', '-', '-'))).toBe('template');
    expect(kind(row('…', '', '...', ''))).toBe('template');
  });

  it('a note in one cell or in the first cells is a note, not an entry or a continuation', () => {
    expect(kind(row('หมายเหตุ หากมีบุคลากรบรรจุ โอน ย้าย ให้ดำเนินการตามมาตรการนี้ด้วย', '', '', ''))).toBe('note');
    expect(kind(row('', 'หมายเหตุ ประเด็นที่ได้คะแนนตั้งแต่ร้อยละ ๙๐ ขึ้นไปไม่ได้กำหนดมาตรการ', '', ''))).toBe('note');
  });

  it('a section heading row, with a title or with the number only', () => {
    expect(classifyRow(row('ประเด็นที่ ๔ กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ', '', '', ''), ctx()).heading?.stated).toBe(4);
    expect(classifyRow(row('ประเด็นที่ ๒', '', '', ''), ctx())).toMatchObject({ kind: 'section', heading: { stated: 2 } });
  });

  it('a header repeated on a new page, and the second row of a two-row header known again', () => {
    expect(kind(row('ลำดับ', 'มาตรการ', 'ระยะเวลา', 'ผู้รับผิดชอบ'))).toBe('header');
    const months = ['', '', 'ต.ค.', 'พ.ย.', 'ธ.ค.', ''];
    expect(kind(row(...months), { roles: [...ROLES, null, null], subHeader: headerKey(months) })).toBe('header');
  });

  it('a row whose number cell is empty and whose text starts mid-sentence continues the row above', () => {
    expect(kind(row('', 'วจสอบการใช้รถยนต์ส่วนกลาง', '', ''))).toBe('continuation');
    expect(kind(row('(ต่อ)', 'วจสอบการใช้รถยนต์ส่วนกลาง', '', ''))).toBe('continuation');
  });

  it('the same number again continues the row above only when the measure starts the same for long, not with the same few words', () => {
    // numbering restarts under each section: (1) again, its measure opening with the words of the one above
    const last = { kind: 'row', seq: 1, fields: { seq: '(1)', measure: 'มีการประเมินความเสี่ยงในการทุจริตในประเด็นการเบิกจ่ายเงิน' } } as unknown as Entry;
    expect(kind(row('(1)', 'มีการประเมินความเสี่ยงการทุจริตที่อาจเกิดขึ้นจากการใช้อำนาจ', 'มี.ค. ๖๙', 'กองช่าง'), { last, parent: last })).toBe('data');
    // a row cut by a page break that prints its number and its measure's start again
    expect(kind(row('(1)', 'มีการประเมินความเสี่ยงในการทุจริตในประเด็นการเบิกจ่ายเงิน', '', ''), { last, parent: last })).toBe('continuation');
  });

  it('under a section column, the blank under its rowspan is no sign of a continuation', () => {
    const roles: Array<FieldRole | null> = ['issue', ...ROLES];
    expect(kind(row('', '๒', 'ประกาศเจตจำนงสุจริต', 'ต.ค. ๖๗', 'กองคลัง'), { roles, sectionCol: 0 })).toBe('data');
    expect(kind(row('', '๒', 'ประกาศเจตจำนงสุจริต', 'ต.ค. ๖๗', 'กองคลัง'), { roles, sectionCol: null })).toBe('continuation');
  });

  it('a row numbering itself under the numbered row above, with a period of its own, is a sub-row', () => {
    expect(classifyRow(row('', '๑.๒ อบรมบุคลากร', 'พ.ย. ๖๗', 'กองช่าง'), ctx())).toMatchObject({ kind: 'sub', sub: { parentSeq: 1, seq: 2 } });
    expect(classifyRow(row('', '- อบรมบุคลากร', 'พ.ย. ๖๗', 'กองช่าง'), ctx())).toMatchObject({ kind: 'sub', sub: { parentSeq: 1, seq: null } });
    // no period of its own: it carries on the row above
    expect(kind(row('', '- อบรมบุคลากร', '', ''))).toBe('continuation');
  });

  it('with month columns, a mark is a period of its own', () => {
    const headers = ['ที่', 'มาตรการ', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
    const roles: Array<FieldRole | null> = ['seq', 'measure', null, null, null];
    const marks = markColumns(headers);
    expect(kind(row('', '- อบรมบุคลากร', '', '✓', ''), { roles, marks })).toBe('sub');
    expect(kind(row('', '- อบรมบุคลากร', '', '', ''), { roles, marks })).toBe('continuation');
  });
});

const HEAD = 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี\n\n';

describe('rows in whole reports', () => {
  it('text: a section column written once over its rows (rowspan), titles only; template and note rows give no entries', async () => {
    const text = `${HEAD}ประเด็น\tที่\tมาตรการ\tระยะเวลา\tผู้รับผิดชอบ
การให้บริการและระบบ E-Service\t๑\tพัฒนาระบบรับเรื่องออนไลน์\tต.ค. ๖๗ - ธ.ค. ๖๗\tสำนักปลัด
\t๒\tสำรวจความพึงพอใจของผู้รับบริการ\tม.ค. ๖๘\tกองคลัง
กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ\t๓\tจัดทำทะเบียนการยืมทรัพย์สิน\tก.พ. ๖๘\tกองช่าง
-\t-\t-\t-\t-
หมายเหตุ ประเด็นที่ได้คะแนนตั้งแต่ร้อยละ ๙๐ ขึ้นไปไม่ได้กำหนดมาตรการ\t\t\t\t
`;
    const doc = await extract(text, { fileName: 'r.txt' });
    expect(doc.entries.map((e) => [e.seq, e.section])).toEqual([
      [1, 2],
      [2, 2],
      [3, 4],
    ]);
  });

  it('HTML with every row marked as a header (mammoth reads tblHeader w:val="false" so): data rows and a continued row are read as such', async () => {
    const html = `<html><body><p>${HEAD.split('\n')[0]}</p><p>${HEAD.split('\n')[1]}</p><table>
<tr><th>ที่</th><th>มาตรการ</th><th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr>
<tr><th>๑</th><th>เผยแพร่ข้อมูลข่าวสารผ่านเว็บไซต์และเพจของหน่วยงาน</th><th>ต.ค. ๖๗</th><th>สำนักปลัด</th></tr>
<tr><th>๒</th><th>จัดให้มีช่องทางรับแจ้งเรื่องร้</th><th>พ.ย. ๖๗</th><th>กองคลัง</th></tr>
</table><table>
<tr><th></th><th>องเรียนการทุจริตของเจ้าหน้าที่</th><th></th><th></th></tr>
<tr><th>๓</th><th>ประกาศเจตจำนงสุจริตของผู้บริ</th><th>ธ.ค. ๖๗</th><th>กองช่าง</th></tr>
</table><table>
<tr><th></th><th>หารที่รับผิดชอบต่อสาธารณะ</th><th></th><th></th></tr>
<tr><th>๔</th><th>จัดทำคู่มือการปฏิบัติงานให้เป็นปัจจุบัน</th><th>ม.ค. ๖๘</th><th>กองคลัง</th></tr>
</table></body></html>`;
    const doc = await extract(html, { fileName: 'r.html' });
    expect(doc.entries.map((e) => [e.seq, e.fields.measure?.replace(/\s/g, '')])).toEqual([
      [1, 'เผยแพร่ข้อมูลข่าวสารผ่านเว็บไซต์และเพจของหน่วยงาน'],
      [2, 'จัดให้มีช่องทางรับแจ้งเรื่องร้องเรียนการทุจริตของเจ้าหน้าที่'],
      // the cut row's rest names a column ("รับผิดชอบ") but fills one cell of four: not a header
      [3, 'ประกาศเจตจำนงสุจริตของผู้บริหารที่รับผิดชอบต่อสาธารณะ'],
      [4, 'จัดทำคู่มือการปฏิบัติงานให้เป็นปัจจุบัน'],
    ]);
  });

  it('text: item codes quoted in a สาเหตุ column when there is no issue column, not taken from the section column', async () => {
    const text = `${HEAD}ประเด็นการประเมิน\tที่\tสาเหตุ\tกิจกรรม\tระยะเวลา
ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ\t๑\tบุคลากรบางรายไม่ทราบช่องทางการเผยแพร่ข้อมูล (ข้อ I๑)\tเผยแพร่ผลการดำเนินงานบนเว็บไซต์\tต.ค. ๖๗
\t๒\tข้อ e๗ – e๙ ผู้รับบริการเข้าถึงข้อมูลได้ยาก\tจัดทำช่องทางออนไลน์เพิ่มเติม\tพ.ย. ๖๗
`;
    const doc = await extract(text, { fileName: 'r.txt' });
    expect(doc.entries.map((e) => [e.seq, e.section, e.itemCodes.map((c) => c.code)])).toEqual([
      [1, 3, ['i1']],
      [2, 3, ['e7', 'e8', 'e9']],
    ]);
  });

  it('text: a code column\'s cells read as after ข้อ, so codes OCR damaged without ข้อ are found, bare numbers not', async () => {
    // "O๒๓", "I๑๑" and "I๑๒" as the Thai OCR model reads them in a column headed ข้อ; a bare "๑๒" (letter lost) names no tool
    const text = `${HEAD}ข้อ\tมาตรการ\tระยะเวลา
๐๒๓\tคุ้มครองผู้แจ้งเบาะแสการทุจริตและรักษาความลับ\tต.ค. ๖๗
โ๑๑\tมีการประเมินความเสี่ยงในการทุจริตในประเด็นการเบิกจ่าย\tพ.ย. ๖๗
๑๒\tจัดทำแผนปฏิบัติการป้องกันการทุจริตที่มุ่งเน้นกิจกรรมเชิงรุก\tธ.ค. ๖๗
`;
    const doc = await extract(text, { fileName: 'r.txt' });
    expect(doc.entries.map((e) => e.itemCodes.map((c) => c.code))).toEqual([['o23'], ['i11'], []]);
  });

  it('HTML: section rows with the number only', async () => {
    const html = `<html><body><p>${HEAD.split('\n')[0]}</p><p>${HEAD.split('\n')[1]}</p><table>
<tr><th>ที่</th><th>มาตรการ</th><th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr>
<tr><td colspan="4"><b>ประเด็นที่ ๓</b></td></tr>
<tr><td>๑</td><td>เผยแพร่ข้อมูลข่าวสารผ่านเว็บไซต์</td><td>ต.ค. ๖๗</td><td>สำนักปลัด</td></tr>
<tr><td colspan="4"><b>ประเด็นที่ ๕</b></td></tr>
<tr><td>๒</td><td>เผยแพร่แผนการจัดซื้อจัดจ้าง</td><td>พ.ย. ๖๗</td><td>กองคลัง</td></tr>
</table></body></html>`;
    const doc = await extract(html, { fileName: 'r.html' });
    expect(doc.entries.map((e) => [e.seq, e.section])).toEqual([
      [1, 3],
      [2, 5],
    ]);
  });
});
