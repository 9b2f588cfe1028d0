/**
 * Tables across pages in the PDF reader: the row a page break cut, where
 * a merged cell (a section column's title written once for its rows) is
 * drawn again at the top of the new page, and rows whose numbers or
 * sub-row marks say they are rows of their own.
 */
import { describe, expect, it } from 'vitest';
import { type TableCell, type TableRow, cell, position, row, table } from '../../src/model/blocks.js';
import { appendContinuation } from '../../src/readers/_pdf-continuation.js';
import { isCutRow, numberColumn, placeCells } from '../../src/readers/_pdf-cut-rows.js';
import { toGrid } from '../../src/ita/grid.js';

const c = (text: string, rowspan = 1): TableCell => cell(text === '' ? [] : [text], { rowspan });
const r = (...cells: Array<TableCell | string>): TableRow => row(cells.map((x) => (typeof x === 'string' ? c(x) : x)), position(1, null));
const texts = (rows: TableRow[]): string[][] => rows.map((x) => x.cells.map((k) => k.paragraphs.join(' ')));

const header = (): TableRow => r('ประเด็น', 'ลำดับ', 'มาตรการ', 'ระยะเวลา');

describe('appendContinuation with merged cells', () => {
  it('joins a cut row whose merged section cell is drawn again, and keeps the rows under it in their columns', () => {
    // page 1: section ๒'s title merged down from the last row, the row cut by the page break
    const t = table([header(), r('ประเด็นที่ ๑', '๑', 'จัดทำคู่มือ', 'ต.ค. ๒๕๖๖'), r(c('ประเด็นที่ ๒ การให้'), '๒', 'เผยแพร่ข้อมูล', '')], position(1, null));
    // page 2: header again; the section cell drawn again over three rows with the rest of its title
    appendContinuation(t, [header(), r(c('บริการ', 3), '', 'ข่าวสาร', 'ทุกไตรมาส'), r('๓', 'ประชาสัมพันธ์', 'ม.ค. ๒๕๖๗'), r('๔', 'สำรวจความพึงพอใจ', 'ก.ย. ๒๕๖๗')]);
    expect(texts(t.rows)).toEqual([
      ['ประเด็น', 'ลำดับ', 'มาตรการ', 'ระยะเวลา'],
      ['ประเด็นที่ ๑', '๑', 'จัดทำคู่มือ', 'ต.ค. ๒๕๖๖'],
      ['ประเด็นที่ ๒ การให้ บริการ', '๒', 'เผยแพร่ข้อมูล ข่าวสาร', 'ทุกไตรมาส'],
      ['๓', 'ประชาสัมพันธ์', 'ม.ค. ๒๕๖๗'],
      ['๔', 'สำรวจความพึงพอใจ', 'ก.ย. ๒๕๖๗'],
    ]);
    // as a grid, rows ๓ and ๔ stand under section ๒ with their periods in the period column
    const g = toGrid(t);
    expect(texts(g.rows.slice(3))).toEqual([
      ['ประเด็นที่ ๒ การให้ บริการ', '๓', 'ประชาสัมพันธ์', 'ม.ค. ๒๕๖๗'],
      ['ประเด็นที่ ๒ การให้ บริการ', '๔', 'สำรวจความพึงพอใจ', 'ก.ย. ๒๕๖๗'],
    ]);
  });

  it('lets a merged cell drawn again, empty, above a complete row go on over it (not a cut row)', () => {
    const t = table([header(), r(c('ประเด็นที่ ๑', 2), '๑', 'จัดทำคู่มือ', 'ต.ค. ๒๕๖๖'), r('๒', 'เผยแพร่ข้อมูล', 'พ.ย. ๒๕๖๖')], position(1, null));
    appendContinuation(t, [r(c('', 2), '๓', 'ประชาสัมพันธ์', 'ม.ค. ๒๕๖๗'), r('๔', 'สำรวจ', 'ก.ย. ๒๕๖๗')]);
    const g = toGrid(t);
    expect(texts(g.rows.slice(1))).toEqual([
      ['ประเด็นที่ ๑', '๑', 'จัดทำคู่มือ', 'ต.ค. ๒๕๖๖'],
      ['ประเด็นที่ ๑', '๒', 'เผยแพร่ข้อมูล', 'พ.ย. ๒๕๖๖'],
      ['ประเด็นที่ ๑', '๓', 'ประชาสัมพันธ์', 'ม.ค. ๒๕๖๗'],
      ['ประเด็นที่ ๑', '๔', 'สำรวจ', 'ก.ย. ๒๕๖๗'],
    ]);
  });
});

describe('appendContinuation, a cut row continued under "(ต่อ)"', () => {
  it('does not add to a cell the same text written again in the continuation (a section title repeated)', () => {
    const t = table([header(), r(c('ประเด็นที่ ๑ กระบวนการปฏิบัติงาน', 2), '๑', 'การป้องกันการขัดกัน', 'ไตรมาส ๔'), r('๒', 'มีการกำหนดนโยบายของผู้บริหาร', 'ไตรมาส ๓')], position(1, null));
    appendContinuation(t, [header(), r('ประเด็นที่ ๑ กระบวนการ ปฏิบัติงาน', '(ต่อ)', 'ไม่ให้รับทรัพย์สิน', '')]);
    expect(texts(t.rows.slice(1))).toEqual([
      ['ประเด็นที่ ๑ กระบวนการปฏิบัติงาน', '๑', 'การป้องกันการขัดกัน', 'ไตรมาส ๔'],
      ['๒', 'มีการกำหนดนโยบายของผู้บริหาร ไม่ให้รับทรัพย์สิน', 'ไตรมาส ๓'],
    ]);
  });
});

describe('isCutRow', () => {
  const numbered = (...rows: TableRow[]) => table([r('ลำดับ', 'มาตรการ', 'ระยะเวลา'), r('ข้อ ๑', 'จัดทำคู่มือ', 'ต.ค.'), r('ข้อ ๒', 'เผยแพร่', 'พ.ย.'), ...rows], position(1, null));

  it('reads "ข้อ ๑" as row numbering', () => {
    expect(numberColumn(placeCells(numbered().rows))).toBe(0);
    expect(isCutRow(numbered(), r('ข้อ ๓', 'ประชาสัมพันธ์', 'ม.ค.'))).toBe(false);
    expect(isCutRow(numbered(), r('', 'ข้อมูลข่าวสาร', ''))).toBe(true);
  });

  it('takes a number the page cut ("ข้อ" / "๓") as the rest of the row above', () => {
    expect(isCutRow(numbered(r('ข้อ', 'ประชาสัมพันธ์', 'ม.ค.')), r('๓', 'ช่องทาง', ''))).toBe(true);
    const paren = table([r('ลำดับ', 'มาตรการ'), r('(๑)', 'ก'), r('(๒)', 'ข'), r('(', 'ค')], position(1, null));
    expect(isCutRow(paren, r('๓)', 'ง'))).toBe(true);
  });

  it('keeps a sub-row at the top of the page a row of its own', () => {
    expect(isCutRow(numbered(), r('๒.๑', 'จัดประชุม', 'ธ.ค.'))).toBe(false);
    expect(isCutRow(numbered(), r('', '- จัดประชุมชี้แจง', 'ธ.ค.'))).toBe(false);
    // a period range's end cut off is not a bullet
    expect(isCutRow(numbered(), r('', 'ข้อมูล', '– ๓๑ มี.ค.'))).toBe(true);
  });

  it('finds the numbering of a table that numbers on from the one before (an issue\'s own table starting at ๔)', () => {
    const t = table([r('ข้อคำถาม', 'ลำดับที่', 'มาตรการ'), r('O๑๑', '๔', 'ก'), r('ข้อ O๑๔', '๕', 'ข'), r('E๗', '๕.๑', 'ค'), r('ข้อ O๒๗ – O', '๖', 'ง')], position(1, null));
    expect(numberColumn(placeCells(t.rows))).toBe(1);
    // the code the page cut ("ข้อ O๒๗ – O" / "๓๐") goes back into the row above
    expect(isCutRow(t, r('๓๐', '', 'ความพึงพอใจ'))).toBe(true);
  });

  it('does not take a section column repeating its number for the numbering', () => {
    const t = table(
      [r('ประเด็น', 'ลำดับ', 'มาตรการ'), r('๑. กระบวนการ', '๑', 'ก'), r('๑. กระบวนการ', '๒', 'ข'), r('๒. การให้บริการ', '๑', 'ค'), r('๒. การให้บริการ', '๒', 'ง')],
      position(1, null),
    );
    expect(numberColumn(placeCells(t.rows))).toBe(1);
  });

  it('does not take a section column written once over its rows (merged down) for the numbering', () => {
    // sections ๑ and ๒ so far: "๑. …", "๒. …" count up like row numbers, but each title covers a group of rows
    const t = table(
      [r('ประเด็น', 'ลำดับ', 'มาตรการ'), r(c('๑. กระบวนการ ปฏิบัติงาน', 2), '๑', 'ก'), r('๒', 'ข'), r(c('๒. การให้ บริการ', 3), '๑', 'ค')],
      position(1, null),
    );
    expect(numberColumn(placeCells(t.rows))).toBe(1);
    // the next page: section ๒'s cell drawn again, empty, over a complete row numbered ๒: not the rest of row ๑
    expect(isCutRow(t, r(c('', 2), '๒', 'ง'))).toBe(false);
    // a section's one row on a page (its title in a cell of its own, not merged) numbers no more rows than the numbering
    const t2 = table([...t.rows, r('๒', 'ง'), r('๓', 'จ'), r('๓. การใช้อำนาจ', '๑', 'ฉ')], position(1, null));
    expect(numberColumn(placeCells(t2.rows))).toBe(1);
    expect(isCutRow(t2, r(c('', 2), '๒', 'ช'))).toBe(false);
  });

  // a section column repeated on each row, status ticks, a number on the first row of each issue only (the others
  // are its sub-rows), responsible, issue and measure columns: too few numbers to tell the numbering

  it('takes the column of numbers alone for the numbering when a page shows one row per section (titles count as many)', () => {
    // page 1: sections ๑ and ๓ with one row each, rows numbered afresh per section ("ข้อ ๑", "ข้อ ๑")
    const t = table([r('ประเด็น', 'ที่', 'มาตรการ'), r('๑. กระบวนการ ปฏิบัติงาน', 'ข้อ ๑', 'ก'), r('๓. ช่องทางและรูป แบบการ', 'ข้อ ๑', 'ข')], position(1, null));
    expect(numberColumn(placeCells(t.rows))).toBe(1);
    // page 2: section ๓'s cell drawn again, empty, over the rows numbered ข้อ ๒ and ข้อ ๓: they are rows of their own
    appendContinuation(t, [r('ประเด็น', 'ที่', 'มาตรการ'), r(c('', 2), 'ข้อ ๒', 'ค'), r('ข้อ ๓', 'ง')]);
    // three sections or more a row each: numbers alone, all one, are rows numbered afresh, not numbered steps
    const t3 = table(
      [r('ประเด็น', 'ที่', 'มาตรการ'), r('๑. กระบวนการ', 'ข้อ ๑', 'ก'), r('๓. ช่องทาง', 'ข้อ ๑', 'ข'), r('๕. กระบวนการสร้าง ความโปร่งใส', 'ข้อ ๑', 'ค')],
      position(1, null),
    );
    expect(numberColumn(placeCells(t3.rows))).toBe(1);
    expect(isCutRow(t3, r(c('', 2), 'ข้อ ๒', 'ง'))).toBe(false);
    expect(texts(toGrid(t).rows.slice(2))).toEqual([
      ['๓. ช่องทางและรูป แบบการ', 'ข้อ ๑', 'ข'],
      ['๓. ช่องทางและรูป แบบการ', 'ข้อ ๒', 'ค'],
      ['๓. ช่องทางและรูป แบบการ', 'ข้อ ๓', 'ง'],
    ]);
  });
  const sparse = (...rows: TableRow[]) =>
    table(
      [
        r('ประเด็น', 'แล้ว', 'ยังไม่', 'ลำดับ', 'ผู้รับผิดชอบ', 'ประเด็นที่ต้องพัฒนา', 'มาตรการ'),
        r('๒. การให้บริการ', '✓', '', '', 'กองช่าง', 'ข้อ I๓ บุคลากร', 'จัดทำคู่มือ'),
        r('๒. การให้บริการ', '', '✓', '', 'สำนักปลัด', 'บุคลากรบางราย', 'เผยแพร่ข้อมูล'),
        ...rows,
      ],
      position(1, null),
    );

  it('takes a row closing a bracket the row above left open, in the same column, as its rest', () => {
    const t = sparse(r('๓. ช่องทางและรูป แบบการ', '✓', '', '(๑', 'งานการเจ้าหน้าที่', 'o๖, o๘ ช่องทาง', 'มีการเผยแพร่และ'));
    expect(numberColumn(placeCells(t.rows))).toBe(-1);
    expect(isCutRow(t, r('ประชาสัมพันธ์เผยแพร่', '', '', ')', 'กองคลัง', 'ข้อมูลเข้าถึงได้ยาก', 'ประชาสัมพันธ์'))).toBe(true);
    // a code list in a text cell cut the same way
    const codes = sparse(r('๓. ช่องทาง', '✓', '', '', 'กองคลัง', 'บุคลากรบางราย (ข้อ O๑๑ ถึง', 'มีการเผยแพร่'));
    expect(isCutRow(codes, r('ประชาสัมพันธ์', '', '', '', 'งานพัสดุ', 'O๑๓) ที่ยังไม่ผ่าน', 'ข้อมูล'))).toBe(true);
    // a bracket closed on its own row, or opened in another column, says nothing
    expect(isCutRow(codes, r('๓. ช่องทาง', '', '✓', '', 'งานพัสดุ', 'เผยแพร่ (o๘)', 'ข้อมูล'))).toBe(false);
  });

  it('takes a row leaving empty two columns every row of the table fills as the rest of the row above', () => {
    const t = sparse(r('๓. ช่องทางและรูป แบบการ', '✓', '', '', 'งานการเจ้าหน้าที่', 'o๖, o๘ ช่องทาง', 'มีการเผยแพร่และ'));
    expect(isCutRow(t, r('ภาครัฐ', '', '', '', '', '', 'ของผู้บังคับบัญชา'))).toBe(true);
    // one such column left empty (no one responsible named) is a row of its own
    expect(isCutRow(t, r('๓. ช่องทาง', '', '✓', '', '', 'บุคลากรบางราย', 'จัดอบรม'))).toBe(false);
  });
});

describe('cut rows told by their content', () => {
  const rows = (...more: TableRow[]) =>
    table(
      [
        r('ประเด็น', 'มาตรการ', 'ลำดับ', 'ข้อ', 'ระยะเวลา'),
        r('ประเด็นที่ ๒ การให้ บริการ', 'ปรับปรุงคุณภาพ', '๑', 'I๒', 'ต.ค. ๖๕'),
        r('ประเด็นที่ ๒ การให้ บริการ', '- ประชาสัมพันธ์', '', 'I๓', 'พ.ย. ๖๕'),
        r('ประเด็นที่ ๒ การให้ บริการ', '- จัดอบรม', '', 'I๔', 'ธ.ค. ๖๕'),
        ...more,
      ],
      position(1, null),
    );

  it('takes a row completing the text its column repeats on every row as the rest of the row the page cut', () => {
    const t = rows(r('ประเด็นที่ ๒ การให้', '๑.๒ จัดให้มีช่องทาง', '', 'ข้อ', 'เริ่ม ๑ ก.พ.'));
    expect(numberColumn(placeCells(t.rows))).toBe(-1);
    expect(isCutRow(t, r('บริการ', 'รับฟังความคิดเห็น', '', 'I๖, I๘', '๒๕๖๖ สิ้นสุด ๓๐ เม.ย.'))).toBe(true);
    // the column's whole text again: a row of its own
    expect(isCutRow(rows(), r('ประเด็นที่ ๒ การให้ บริการ', 'รับฟังความคิดเห็น', '', 'I๖', 'ม.ค. ๖๖'))).toBe(false);
  });

  it('takes a code whose "ข้อ" ended the row above, in the same column, as the rest of that row', () => {
    const t = rows(r('ประเด็นที่ ๒ การให้ บริการ', 'มีการมอบหมาย', '', 'ข้อ', 'ม.ค. ๖๖'));
    expect(isCutRow(t, r('ประเด็นที่ ๒ การให้ บริการ', 'ผู้รับผิดชอบตอบข้อซักถาม', '', 'E๙', ''))).toBe(true);
    // "ข้อ" closing a cell's sentence is no cut code when the next row's cell opens with words
    expect(isCutRow(t, r('ประเด็นที่ ๒ การให้ บริการ', 'จัดอบรม', '', 'ตามข้อเสนอ', 'ก.พ. ๖๖'))).toBe(false);
  });

  it('takes a bullet going on with the list its column opens with in the numbered row above as that row\'s rest, not a sub-row', () => {
    const t = table([r('ผู้รับผิดชอบ', 'ลำดับที่', 'กิจกรรม'), r('- กองช่าง', '๒', 'จัดทำคู่มือ'), r('- สำนักปลัด', '๓', 'มีการเผยแพร่และ')], position(1, null));
    expect(numberColumn(placeCells(t.rows))).toBe(1);
    expect(isCutRow(t, r('- นิติกร', '', 'ประชาสัมพันธ์ข้อมูลข่าวสาร'))).toBe(true);
    // a bullet in a column that did not open with one above is a sub-row's mark
    expect(isCutRow(t, r('', '', '- จัดอบรม'))).toBe(false);
  });

  it('takes ".๓" under "๕" as the rest of the sub-row number ๕.๓ the page cut before its dot', () => {
    const t = table([r('ลำดับ', 'หน่วยงาน', 'มาตรการ'), r('(๕)', 'สำนักปลัด', 'ก'), r('๕.๑', 'กองคลัง', 'ข'), r('๕.๒', 'สำนักปลัด', 'ค'), r('๕', 'กองการศึกษา / กอง', 'จัดทำทะเบียนคุมการ')], position(1, null));
    expect(isCutRow(t, r('.๓', 'สาธารณสุขและสิ่งแวดล้อม', 'ยืมคืนพัสดุ'))).toBe(true);
    appendContinuation(t, [r('.๓', 'สาธารณสุขและสิ่งแวดล้อม', 'ยืมคืนพัสดุ')]);
    expect(texts(t.rows).at(-1)).toEqual(['๕.๓', 'กองการศึกษา / กอง สาธารณสุขและสิ่งแวดล้อม', 'จัดทำทะเบียนคุมการ ยืมคืนพัสดุ']);
    // a number and its own text under it is no such cut
    expect(isCutRow(t, r('๖', 'สำนักปลัด', 'ง'))).toBe(false);
  });

  it('drops the one letter a clipped header left before a bare row number ("ลำดั" repeated, "บ" + "๙"), and keeps the row its own', () => {
    const t = table([r('ประเด็น', 'ลำดับที่', 'มาตรการ'), r('การให้บริการ', '๘', 'จัดทำคู่มือ')], position(1, null));
    appendContinuation(t, [r('ประเด็น', 'ลำดั', 'มาตรการ'), r('การให้บริการ', 'บ๙', 'ประเมินความเสี่ยง')]);
    expect(texts(t.rows)).toEqual([
      ['ประเด็น', 'ลำดับที่', 'มาตรการ'],
      ['การให้บริการ', '๘', 'จัดทำคู่มือ'],
      ['การให้บริการ', '๙', 'ประเมินความเสี่ยง'],
    ]);
  });

  it('keeps an empty template row ("-" in every cell) at the top of a page a row of its own', () => {
    const t = table([r('ลำดับ', 'มาตรการ', 'ข้อ', 'งบประมาณ'), r('๖', 'จัดประชุม', 'E๑๐', '๒๕๐,๐๐๐'), r('๗', 'มีการประกาศใช้', 'e๘', 'ไม่ใช้งบประมาณ')], position(1, null));
    expect(numberColumn(placeCells(t.rows))).toBe(0);
    expect(isCutRow(t, r('-', '-', '-', '-'))).toBe(false);
    expect(isCutRow(t, r('', 'มาตรการป้องกัน', '', ''))).toBe(true);
  });

  it('keeps a row opening a list its column\'s cell above does not (or with another bullet) a row of its own, with no numbering column', () => {
    // one numbered row and its sub-rows so far: too few numbers for a numbering column
    const t = table(
      [r('ลำดับ', 'ช่วงเวลา', 'หน่วยงาน', 'กิจกรรม'), r('(2)', '1 ส.ค. 2569', '➢ กองสาธารณสุข', 'ส่งเสริมการป้องกัน'), r('', 'ส.ค. 69', '➢ กองช่าง', '- มีการมอบหมาย'), r('', 'ก.ย. 69', '➢ นิติกร', '- จัดประชุม')],
      position(1, null),
    );
    expect(numberColumn(placeCells(t.rows))).toBe(-1);
    // a sub-row of its own: its units a list of another bullet
    expect(isCutRow(t, r('', 'ภายในเดือน มกราคม 2569', '• กองช่าง', '• จัดทำแผน'))).toBe(false);
    // the rest of the cut row: the activity list goes on with its bullet, the other cells empty
    expect(isCutRow(t, r('', '', '', '- ประชาสัมพันธ์'))).toBe(true);
  });

  it('keeps a row opening a numbered sub-row ("๓.๒ …") a row of its own, its first cell empty', () => {
    const t = table([r('ประเด็น', 'ผลลัพธ์', 'มาตรการ'), r('การให้บริการ', 'ประชาชนพึงพอใจ', 'จัดทำคู่มือ'), r('', 'ข้อมูลครบถ้วน', '๑.๑ เผยแพร่ข้อมูล')], position(1, null));
    expect(numberColumn(placeCells(t.rows))).toBe(-1);
    expect(isCutRow(t, r('', 'ประชาชนเข้ามามีส่วนร่วม', '๑.๒ มีการมอบหมายผู้รับผิดชอบ'))).toBe(false);
    expect(isCutRow(t, r('', 'หน้าที่', 'ตอนและระยะเวลา'))).toBe(true);
  });

  it('takes "๒" under "๑." in a column numbering sub-rows "๑.๑" as the rest of the sub-row number ๑.๒', () => {
    const t = table([r('ที่', 'มาตรการ'), r('๑.', 'ก'), r('๑.๑', 'ข'), r('๑.', 'จัดทำคู่มือ')], position(1, null));
    expect(numberColumn(placeCells(t.rows))).toBe(0);
    expect(isCutRow(t, r('๒', 'การปฏิบัติงาน'))).toBe(true);
    // without sub-row numbers in the column, "๒" is the next row
    const plain = table([r('ที่', 'มาตรการ'), r('๑.', 'ก')], position(1, null));
    expect(isCutRow(plain, r('๒', 'ข'))).toBe(false);
  });

  it('reads "๐." in the number column as the rest of a number the page cut ("๑" / "๐."), not a row number', () => {
    const t = table([r('ลำดับ', 'มาตรการ'), ...['๗.', '๘.', '๙.'].map((n) => r(n, 'ก')), r('๑', 'จัดทำสรุปผลการจัด')], position(1, null));
    expect(numberColumn(placeCells(t.rows))).toBe(0);
    expect(isCutRow(t, r('๐.', 'ซื้อจัดจ้างรายเดือน'))).toBe(true);
  });
});

describe('tables under caption rows across pages', () => {
  const caption = (text: string): TableRow => row([cell([text], { colspan: 3 })], position(1, null));
  it("keeps the next issue's caption row at the top of a page: its number differs, it is no repeat of the one before", () => {
    const t = table([caption('ประเด็นที่ ๑'), r('ที่', 'มาตรการ', 'ระยะเวลา'), r('ข้อ ๑', 'จัดทำคู่มือ', 'ต.ค. ๒๕๖๖')], position(1, null));
    appendContinuation(t, [caption('ประเด็นที่ ๓'), r('ที่', 'มาตรการ', 'ระยะเวลา'), r('ข้อ ๒', 'เผยแพร่ข้อมูล', 'พ.ย. ๒๕๖๖')]);
    expect(texts(t.rows).map((x) => x.join('|'))).toEqual(['ประเด็นที่ ๑', 'ที่|มาตรการ|ระยะเวลา', 'ข้อ ๑|จัดทำคู่มือ|ต.ค. ๒๕๖๖', 'ประเด็นที่ ๓', 'ที่|มาตรการ|ระยะเวลา', 'ข้อ ๒|เผยแพร่ข้อมูล|พ.ย. ๒๕๖๖']);
    // the same caption repeated (the table going on under its issue) is dropped with the header, a typo allowed
    const u = table([caption('ประเด็นที่ ๑ การปฏิบัติงาน'), r('ที่', 'มาตรการ', 'ระยะเวลา'), r('ข้อ ๑', 'จัดทำคู่มือ', 'ต.ค. ๒๕๖๖')], position(1, null));
    appendContinuation(u, [caption('ประเด็นที่ ๑ การปฏิบัตงาน'), r('ที่', 'มาตรการ', 'ระยะเวลา'), r('ข้อ ๒', 'เผยแพร่ข้อมูล', 'พ.ย. ๒๕๖๖')]);
    expect(u.rows).toHaveLength(4);
  });

  it('drops the header repeated under the next issue\'s caption left at the foot of the page before (a table under its caption, printed by Chromium)', () => {
    const head = (): TableRow[] => [r(c('ที่', 2), c('มาตรการ', 2), 'ไตรมาส'), r('๑ ๒')];
    const t = table([caption('๑) การปฏิบัติงาน'), ...head(), r('๑', 'จัดทำคู่มือ', '/'), caption('๓) การเผยแพร่ข้อมูล')], position(1, null));
    appendContinuation(t, [...head(), r('๓', 'เผยแพร่ผลการดำเนินงาน', '/')]);
    expect(texts(t.rows).map((x) => x.join('|'))).toEqual(['๑) การปฏิบัติงาน', 'ที่|มาตรการ|ไตรมาส', '๑ ๒', '๑|จัดทำคู่มือ|/', '๓) การเผยแพร่ข้อมูล', '๓|เผยแพร่ผลการดำเนินงาน|/']);
    // the caption keeps its own height: the header was not taken for the rest of a cut row
    expect(t.rows[4]!.cells[0]!.rowspan).toBe(1);
  });
});
