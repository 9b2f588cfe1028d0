/**
 * A table across pages in a text PDF, session 12: what LibreOffice does
 * to a sub-row's number and to a code range when a page cuts them, and
 * what the clipped header printed again over the new page leaves in its
 * first row's number cell.
 */
import { describe, expect, it } from 'vitest';
import { type TableCell, type TableRow, cell, position, row, table } from '../../src/model/blocks.js';
import { appendContinuation } from '../../src/readers/_pdf-continuation.js';
import { isCutRow } from '../../src/readers/_pdf-cut-rows.js';
import { scoredLayout } from './_layout-fixtures.js';

const c = (text: string, opts: { rowspan?: number; colspan?: number } = {}): TableCell => cell(text === '' ? [] : [text], opts);
const r = (...cells: Array<TableCell | string>): TableRow => row(cells.map((x) => (typeof x === 'string' ? c(x) : x)), position(1, null));
const texts = (rows: TableRow[]): string[] => rows.map((x) => x.cells.map((k) => k.paragraphs.join(' ')).join('|'));
const HEAD = ['ลำดับ', 'มาตรการ', 'ระยะเวลา', 'ข้อ'];

describe("a table's first sub-row cut after its number's dot", () => {
  it('takes "๑" under "๑." right below row "๑" for the rest of ๑.๑, no sub-row numbered yet', () => {
    const t = table([r(...HEAD), r('๑', 'สร้างการรับรู้ข้อมูลข่าวสาร', 'ก.พ.๖๘', ''), r('๑.', 'ปรับปรุงข้อมูลพื้นฐานในเว็บไซต์ของ', 'ม.', 'O๑๗')], position(1, null));
    expect(isCutRow(t, r('๑', 'หน่วยงานให้มีความครบถ้วน', 'ค.๖๘', ''))).toBe(true);
    // under another row's number, "๑." is a row of its own ("๑.", "๒." numbering), and "๑" under it too
    const u = table([r(...HEAD), r('๒', 'สร้างการรับรู้ข้อมูลข่าวสาร', 'ก.พ.๖๘', ''), r('๑.', 'ปรับปรุงข้อมูลพื้นฐานในเว็บไซต์ของ', 'ม.', 'O๑๗')], position(1, null));
    expect(isCutRow(u, r('๑', 'หน่วยงานให้มีความครบถ้วน', 'ค.๖๘', ''))).toBe(false);
  });

  it('takes it so when the rows after it on the new page number sub-rows', () => {
    const t = table([r(...HEAD), r('๓', 'จัดทำแผน', 'ม.ค.', ''), r('๔', 'สร้างความโปร่งใส', 'ต.ค.', ''), r('๑.', 'ปรับปรุงข้อมูลพื้นฐานในเว็บไซต์ของ', 'ม.', 'O๑๗')], position(1, null));
    const next = r('๑', 'หน่วยงานให้มีความครบถ้วน', 'ค.๖๘', '');
    expect(isCutRow(t, next)).toBe(false);
    expect(isCutRow(t, next, [r('๑.๒', 'มีการเผยแพร่', 'ก.ย.', 'E๓')])).toBe(true);
  });
});

describe('a code range cut by the page', () => {
  it('takes "– O19" opening the code cell for the range\'s end, not a bulleted sub-row', () => {
    const t = table([r(...HEAD), r('๘', 'ประชาสัมพันธ์ช่องทาง', 'มิ.ย.', 'I๑๓'), r('๙', 'ส่งเสริมการป้องกันการทุจริตของ', '๑ ก', 'ข้อ O16')], position(1, null));
    expect(isCutRow(t, r('', 'หน่วยงานโดยผู้บริหารประกาศ', '.พ.2568', '– O19'))).toBe(true);
    // a bullet before words still opens a sub-row
    expect(isCutRow(t, r('', '- จัดให้มีแบบสอบถาม', 'มี.ค.', ''))).toBe(false);
  });
});

describe('the clipped header printed again over a new page', () => {
  it('drops a vowel mark of its lost text from the number cell under it, the number kept', () => {
    const head = r('ลำดับ', 'แนวทางการ พัฒนา', 'ห้วงเวลา');
    head.header = true;
    const t = table([head, r('๕', 'เผยแพร่แผนการใช้จ่าย', 'ต.ค.'), r('๖', 'จัดทำแผนการบริหาร', 'มิ.ย.'), r('๗', 'มีการประเมินความเสี่ยง', 'ต.ค.'), r('๗.', 'เผยแพร่หลักเกณฑ์ การประเมินผล', 'ต')], position(1, null));
    // "ดั" of the clipped "ลำดั": its mark read on a line of its own, into the row below ("ั" + "๑" of ๗.๑)
    appendContinuation(t, [r('ลำด', 'แนวทางการ พัฒนา', 'ห้วงเวลา'), r('ั๑', 'การปฏิบัติงานและการเลื่อนขั้นเงินเดือน', '.ค.๒๕๖๗'), r('๗.๒', 'มีกิจกรรมเสริมสร้างจิตสำนึก', 'มิ.ย.')]);
    expect(texts(t.rows).slice(4)).toEqual(['๗.๑|เผยแพร่หลักเกณฑ์ การประเมินผล การปฏิบัติงานและการเลื่อนขั้นเงินเดือน|ต.ค.๒๕๖๗', '๗.๒|มีกิจกรรมเสริมสร้างจิตสำนึก|มิ.ย.']);
    // a row of its own under the header: its number stays, the mark goes
    const u = table([head, r('๘', 'ประชาสัมพันธ์ช่องทาง', 'มิ.ย.'), r('๙', 'ส่งเสริมการป้องกัน', 'ก.พ.')], position(1, null));
    appendContinuation(u, [r('ลำด', 'แนวทางการ พัฒนา', 'ห้วงเวลา'), r('ั๑๐', 'จัดให้มีช่องทางรับแจ้ง', 'มี.ค.')]);
    expect(texts(u.rows).at(-1)).toBe('๑๐|จัดให้มีช่องทางรับแจ้ง|มี.ค.');
  });
});

describe('LibreOffice PDFs of generated reports (fixtures/layout-pdf)', () => {
  it('joins sub-rows and code ranges the page cut, under a clipped header (seeds 84625, 84628)', async () => {
    for (const seed of [84625, 84628]) {
      const { f } = await scoredLayout(seed);
      // before: 84625 "๑." / "๑" a row of its own (an entry too many, ๑.๑'s period lost); 84628 "– O19" a
      // sub-row (row 9 cut in two, codes o17 o18 lost, the rows after it in issue 6), "ั" + "1" a row number
      expect([seed, f.recall, f.precision, f.codeF1, f.periods, f.sections]).toEqual([seed, 1, 1, 1, 1, 1]);
    }
  });
});
