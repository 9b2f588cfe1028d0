import { describe, it, expect } from 'vitest';
import { cell, cellText, paragraph, position, row, table } from '../../src/model/blocks.js';
import { toGrid } from '../../src/ita/grid.js';
import { extract } from '../../src/index.js';

const at = position(null, 1);
const texts = (t: ReturnType<typeof toGrid>) => t.rows.map((r) => r.cells.map(cellText));

describe('toGrid', () => {
  it('leaves a column-spanning cell in its first column and pads the rest', () => {
    const t = table([row([cell(['ก']), cell(['ข']), cell(['ค'])], at), row([cell(['ประเด็นที่ ๑'], { colspan: 3 })], at)], at);
    expect(texts(toGrid(t))).toEqual([
      ['ก', 'ข', 'ค'],
      ['ประเด็นที่ ๑', '', ''],
    ]);
  });

  it('leaves a caption over a header alone as it is: no group title (its rows went on to the next page)', () => {
    const t = table(
      [
        row([cell(['(๖) กระบวนการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล'], { colspan: 3 })], at),
        row([cell(['ที่']), cell(['มาตรการ']), cell(['ผู้รับผิดชอบ'])], at, true),
      ],
      at,
    );
    // before: one row, the caption glued to the first column title ("(๖) กระบวนการ… ที่")
    expect(texts(toGrid(t))).toEqual([
      ['(๖) กระบวนการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล', '', ''],
      ['ที่', 'มาตรการ', 'ผู้รับผิดชอบ'],
    ]);
  });

  it('copies a row-spanning cell into every row it covers', () => {
    const t = table(
      [
        row([cell(['ข้อ E๗']), cell(['ทุกส่วนราชการ'], { rowspan: 3 }), cell(['ต.ค. ๖๗-ก.ย.๖๘'])], at),
        row([cell(['ข้อ E๘']), cell(['ต.ค. ๖๗-ก.ย.๖๘'])], at),
        row([cell(['ข้อ E๙']), cell(['ต.ค. ๖๗-ก.ย.๖๘'])], at),
      ],
      at,
    );
    expect(texts(toGrid(t)).map((r) => r[1])).toEqual(['ทุกส่วนราชการ', 'ทุกส่วนราชการ', 'ทุกส่วนราชการ']);
    expect(texts(toGrid(t)).map((r) => r[2])).toEqual(['ต.ค. ๖๗-ก.ย.๖๘', 'ต.ค. ๖๗-ก.ย.๖๘', 'ต.ค. ๖๗-ก.ย.๖๘']);
  });

  it('merges a header written over two rows', () => {
    const t = table(
      [
        row([cell(['ประเด็นที่ต้องพัฒนา'], { rowspan: 2 }), cell(['การดำเนินการ'], { colspan: 2 }), cell(['ผู้รับผิดชอบ'], { rowspan: 2 })], at),
        row([cell(['มาตรการ']), cell(['ระยะเวลา'])], at),
        row([cell(['ข้อ i13']), cell(['จัดอบรม']), cell(['ไตรมาสที่ ๒']), cell(['สำนักปลัด'])], at),
      ],
      at,
    );
    expect(texts(toGrid(t))).toEqual([
      ['ประเด็นที่ต้องพัฒนา', 'การดำเนินการ มาตรการ', 'ระยะเวลา', 'ผู้รับผิดชอบ'],
      ['ข้อ i13', 'จัดอบรม', 'ไตรมาสที่ ๒', 'สำนักปลัด'],
    ]);
  });
});

describe('merged cells end to end (HTML)', () => {
  it('gives every row of a row-spanning responsible cell its units and period', async () => {
    const html = `<html><body>
      <p>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p>
      <p>เทศบาลเมืองตัวอย่าง อำเภอเมือง จังหวัดตัวอย่าง</p>
      <table>
        <tr><th rowspan="2">ประเด็นที่ต้องพัฒนา</th><th colspan="2">การดำเนินการ</th><th rowspan="2">ผู้รับผิดชอบ</th></tr>
        <tr><th>มาตรการ</th><th>ระยะเวลา</th></tr>
        <tr><td colspan="4"><b>๒. การให้บริการและระบบ E-Service</b></td></tr>
        <tr><td>ข้อ E๙ ผู้รับบริการไม่เคยใช้ระบบ E-Service</td><td>พัฒนาระบบออนไลน์</td><td>ไตรมาสที่ ๒</td><td rowspan="2">สำนักปลัด / กองคลัง</td></tr>
        <tr><td>ข้อ E๑๐ ช่องทางออนไลน์</td><td>ประชาสัมพันธ์ระบบ</td><td>ไตรมาสที่ ๓</td></tr>
      </table></body></html>`;
    const doc = await extract(html, { fileName: 'x.html' });
    expect(doc.status).toBe('ok');
    expect(doc.organization?.kind).toBe('เทศบาลเมือง');
    expect(doc.entries.map((e) => e.itemCodes.map((c) => c.code))).toEqual([['e9'], ['e10']]);
    expect(doc.entries.map((e) => e.section)).toEqual([2, 2]);
    expect(doc.entries.map((e) => e.responsible)).toEqual([
      ['สำนักปลัด', 'กองคลัง'],
      ['สำนักปลัด', 'กองคลัง'],
    ]);
    expect(doc.entries.map((e) => e.periods.map((p) => [p.start, p.end]))).toEqual([[['2025-01', '2025-03']], [['2025-04', '2025-06']]]);
    expect(doc.entries[0]?.fields.measure).toBe('พัฒนาระบบออนไลน์');
  });
});

describe('a two-row header the markup does not mark (DOCX without tblHeader)', () => {
  it('names a cell merged down over both header rows once, so "ที่" stays the row number and "ข้อ" the code column', async () => {
    const { recognise } = await import('../../src/ita/recognise.js');
    const t = table(
      [
        row(
          [
            cell(['ที่'], { rowspan: 2 }),
            cell(['มาตรการ'], { rowspan: 2 }),
            cell(['ข้อ'], { rowspan: 2 }),
            cell(['ไตรมาส'], { colspan: 4 }),
            cell(['ผู้ดำเนินการ'], { rowspan: 2 }),
          ],
          at,
        ),
        row([cell(['1']), cell(['2']), cell(['3']), cell(['4'])], at),
        row([cell(['ข้อ 1']), cell(['จัดอบรมเจ้าหน้าที่']), cell(['E4']), cell(['']), cell(['✓']), cell(['']), cell(['']), cell(['กองคลัง'])], at),
        row([cell(['ข้อ 2']), cell(['ประชาสัมพันธ์ช่องทาง']), cell(['ข้อ e3 e8 และ e11']), cell(['✓']), cell(['✓']), cell(['']), cell(['']), cell(['สำนักปลัด'])], at),
      ],
      at,
    );
    const r = recognise([paragraph('แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙', at), t]);
    // the row numbers "ข้อ 1", "ข้อ 2" were read as codes of the tool in force (e1, e2) when the header said "ที่ ที่"
    expect(r.entries.map((e) => e.itemCodes.map((c) => c.code))).toEqual([['e4'], ['e3', 'e8', 'e11']]);
    expect(r.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(r.entries.map((e) => e.periods.map((p) => [p.start, p.end]))).toEqual([[['2026-01', '2026-03']], [['2025-10', '2026-03']]]);
  });
  it('takes the quarter numbers under "ไตรมาส" for a second header row though a long header cell is copied under itself', async () => {
    const { recognise } = await import('../../src/ita/recognise.js');
    const t = table(
      [
        row(
          [
            cell(['ที่'], { rowspan: 2 }),
            cell(['ผู้รับผิดชอบ'], { rowspan: 2 }),
            cell(['ไตรมาส'], { colspan: 4 }),
            cell(['แนวทาง'], { rowspan: 2 }),
            cell(['ข้อบกพร่อง/ประเด็นที่ต้องแก้ไข'], { rowspan: 2 }),
          ],
          at,
        ),
        row([cell(['1']), cell(['2']), cell(['3']), cell(['4'])], at),
        row([cell(['1']), cell(['กองช่าง']), cell(['']), cell(['']), cell(['✔']), cell(['']), cell(['กำหนดแนวปฏิบัติ']), cell(['บุคลากรไม่ทราบแนวทาง'])], at),
        row([cell(['2']), cell(['งานพัสดุ']), cell(['✔']), cell(['✔']), cell(['']), cell(['']), cell(['เผยแพร่แผนการใช้จ่ายงบประมาณ']), cell(['ข้อมูลไม่เป็นปัจจุบัน'])], at),
      ],
      at,
    );
    const r = recognise([paragraph('แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖', at), t]);
    // the second header row became an entry ("ที่ ผู้รับผิดชอบ 1 2 3 4 …") and no quarter column was found
    expect(r.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(r.entries.map((e) => e.periods.map((p) => [p.start, p.end]))).toEqual([[['2023-04', '2023-06']], [['2022-10', '2023-03']]]);
  });
});

describe('isSubHeader: a second header row of plain text (no spans marked)', () => {
  it('takes sub-titles under group titles spanning them, though they fill more than half the row', async () => {
    const { isSubHeader } = await import('../../src/ita/_table-header.js');
    const top = ['ที่', 'ผู้รับผิดชอบ', 'สถานะการดำเนินการ', '', '', 'ขั้นตอนหรือวิธีการ', 'ห้วงเวลา', '', 'แนวทางการพัฒนา'];
    // five of nine filled: taken for a header repeated on its own, whose roles then lost "ที่" (every row its number; held-out 98018)
    expect(isSubHeader(top, ['', '', 'ดำเนินการแล้ว', 'อยู่ระหว่างดำเนินการ', 'ยังไม่ได้ดำเนินการ', '', 'เริ่ม', 'สิ้นสุด', ''])).toBe(true);
    // a data row is none, nor a row of names under titles that span nothing
    expect(isSubHeader(top, ['(1)', 'งานพัสดุ', '', '', '✔', 'ทบทวนคู่มือ', 'ต.ค. 66', 'ก.ย. 67', 'ปรับปรุง'])).toBe(false);
    expect(isSubHeader(top, ['', 'งานพัสดุ', 'ดำเนินการแล้ว', 'อยู่ระหว่าง', 'ยังไม่ได้', 'ทบทวนคู่มือ', '', '', ''])).toBe(false);
  });
});
