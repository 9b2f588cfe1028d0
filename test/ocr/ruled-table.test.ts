/**
 * Ruled tables from OCR words: words into the cells of a grid with merged
 * cells (ruled-table.ts), and tables continued across pages (continued.ts).
 * Synthetic words and grids: fast.
 */
import { describe, expect, it } from 'vitest';
import { type TableBlock, cell, paragraph, position, row, table } from '../../src/model/blocks.js';
import { joinContinuedTables, rememberGrid } from '../../src/ocr/continued.js';
import type { RuledGrid } from '../../src/ocr/grid.js';
import type { LayoutWord } from '../../src/ocr/lines.js';
import { clipToColumns, gridTable } from '../../src/ocr/ruled-table.js';
import { emptyCellText } from '../../src/ocr/pdf.js';
import type { OcrWord } from '../../src/ocr/types.js';

const H = 20;

/** A word as the layout has it (deskewed box = image box). */
function word(text: string, x0: number, y0: number, x1: number, line: number): LayoutWord {
  const y1 = y0 + H;
  return { w: { text, bbox: { x0, y0, x1, y1 }, confidence: 90, line, spaceBefore: false }, x0, x1, y0, y1, base: true };
}

/** Columns at 0 | 100 | 300 | 500, rows at 0 | 80 | 200 | 320; the header's last two cells merged, the first column's data cells merged. */
const grid: RuledGrid = {
  x0: 0,
  x1: 500,
  y0: 0,
  y1: 320,
  xs: [0, 100, 300, 500],
  ys: [0, 80, 200, 320],
  cells: [
    { r: 0, c: 0, rowspan: 1, colspan: 1 },
    { r: 0, c: 1, rowspan: 1, colspan: 2 },
    { r: 1, c: 0, rowspan: 2, colspan: 1 },
    { r: 1, c: 1, rowspan: 1, colspan: 1 },
    { r: 1, c: 2, rowspan: 1, colspan: 1 },
    { r: 2, c: 1, rowspan: 1, colspan: 1 },
    { r: 2, c: 2, rowspan: 1, colspan: 1 },
  ],
};

const texts = (t: { rows: Array<{ cells: Array<{ paragraphs: string[] }> }> }) => t.rows.map((r) => r.cells.map((c) => c.paragraphs.join(' ')));

describe('gridTable: letters whose boxes reach over a rule (page reading)', () => {
  /** A Tesseract symbol: spaceBefore as Tesseract reports it. */
  const sym = (text: string, x0: number, x1: number, line: number, spaceBefore: boolean): LayoutWord => {
    const w = word(text, x0, 100, x1, line);
    return { ...w, w: { ...w.w, spaceBefore } };
  };

  it('puts a letter after a space whose box covers the rule with the letters it is written with (the next column)', () => {
    // "นิติกร" ends column 1 (100–300); "หลัก" opens column 2 at 310, its "ห" boxed 288–322 over the rule at 300
    const words = [sym('น', 200, 212, 1, true), sym('ิ', 212, 220, 1, false), sym('ติ', 220, 240, 1, false), sym('กร', 240, 270, 1, false), sym('ห', 288, 322, 1, true), sym('ลัก', 322, 360, 1, false)];
    const { rows } = gridTable(grid, words, H, 1.5 * H, 1);
    // centre 305 would have put "ห" right anyway: with the box 280–316 (centre 298) it went left before
    const shifted = words.map((w) => (w.w.text === 'ห' ? { ...w, x0: 280, x1: 316 } : w));
    const { rows: rows2 } = gridTable(grid, shifted, H, 1.5 * H, 1);
    expect(texts({ rows })[1]).toEqual(['', 'นิติกร', 'หลัก']);
    expect(texts({ rows: rows2 })[1]).toEqual(['', 'นิติกร', 'หลัก']);
  });

  it('keeps a letter of no width on the rule with the letter written after it', () => {
    const words = [sym('กร', 240, 270, 1, true), sym('ห', 299, 300, 1, true), sym('ร', 312, 322, 1, false)];
    expect(texts(gridTable(grid, words, H, 1.5 * H, 1))[1]).toEqual(['', 'กร', 'หร']);
  });

  it('drops the rule read as "เ" (alone on the rule, or glued to the first letter of the cell)', () => {
    const words = [sym('ไตรมาส', 110, 200, 1, true), sym('เ', 292, 308, 1, true), sym('เน', 290, 330, 2, true), sym('ัก', 330, 350, 2, false)];
    const moved = words.map((w) => ({ ...w, y0: w.w.line === 2 ? 140 : w.y0, y1: w.w.line === 2 ? 160 : w.y1 }));
    expect(texts(gridTable(grid, moved, H, 1.5 * H, 1))[1]).toEqual(['', 'ไตรมาส', 'นัก']);
  });

  it('leaves a real "เ" opening a cell half a letter right of the rule', () => {
    const words = [sym('เจ้า', 309, 340, 1, true), sym('หน้าที่', 340, 400, 1, false)];
    expect(texts(gridTable(grid, words, H, 1.5 * H, 1))[1]).toEqual(['', '', 'เจ้าหน้าที่']);
  });
});

describe('gridTable', () => {
  it('gives one row per grid row with the cells starting on it, spans kept, rule marks dropped', () => {
    const words = [
      word('ลำดับ', 10, 20, 80, 0),
      word('ระยะเวลา', 150, 20, 260, 0),
      word('|', 99, 20, 102, 0), // a rule read as a bar
      word('๑', 10, 100, 25, 1),
      word('ไตรมาส', 110, 100, 200, 1),
      word('จัดทำ', 310, 100, 380, 1),
      word('—', 200, 190, 240, 2), // a dash lying on a horizontal rule
      word('ไตรมาส', 110, 220, 200, 3),
      word('รายงาน', 310, 220, 400, 3),
    ];
    words[6]!.y0 = 196;
    words[6]!.y1 = 204;
    const { rows } = gridTable(grid, words, H, 2.4 * H, 1);
    expect(texts({ rows })).toEqual([['ลำดับ', 'ระยะเวลา'], ['๑', 'ไตรมาส', 'จัดทำ'], ['ไตรมาส', 'รายงาน']]);
    expect(rows.map((r) => r.cells.map((c) => [c.colspan, c.rowspan]))).toEqual([
      [[1, 1], [2, 1]],
      [[2 - 1, 2], [1, 1], [1, 1]],
      [[1, 1], [1, 1]],
    ]);
  });

  it('clips a word read across a column boundary to the two cells', () => {
    // "การผู้รับ" read as one word from x 220 to 340 over the boundary at 300
    const parts = clipToColumns(word('การผู้รับ', 220, 100, 340, 1), grid, H);
    expect(parts.map((p) => p.w.text)).toEqual(['การผู้', 'รับ']);
    expect(parts[0]!.x1).toBe(300);
    const { rows } = gridTable(grid, [word('การผู้รับ', 220, 100, 340, 1)], H, 2.4 * H, 1);
    expect(texts({ rows })[1]).toEqual(['', 'การผู้', 'รับ']);
  });
});

describe('gridTable: a stroke across one cell taken for a rule', () => {
  // columns 0 | 100 | 300 | 500, rows 0 | 80 | 200 | 320: the data row's last cell cut in two at 200 (a
  // signature's stroke across it), the other cells of the row running across the cut
  const cut: RuledGrid = {
    x0: 0,
    x1: 500,
    y0: 0,
    y1: 320,
    xs: [0, 100, 300, 500],
    ys: [0, 80, 200, 320],
    cells: [
      { r: 0, c: 0, rowspan: 1, colspan: 1 },
      { r: 0, c: 1, rowspan: 1, colspan: 1 },
      { r: 0, c: 2, rowspan: 1, colspan: 1 },
      { r: 1, c: 0, rowspan: 2, colspan: 1 },
      { r: 1, c: 1, rowspan: 2, colspan: 1 },
      { r: 1, c: 2, rowspan: 1, colspan: 1 },
      { r: 2, c: 2, rowspan: 1, colspan: 1 },
    ],
  };
  const words = [word('ประเด็น', 10, 20, 90, 0), word('มาตรการ', 110, 20, 200, 0), word('ผู้รับผิดชอบ', 310, 20, 420, 0), word('การเรียกรับ', 10, 100, 90, 1), word('ประกาศ', 110, 100, 200, 1), word('ทุกส่วน', 310, 100, 400, 1)];

  it('reads the row once when the cell the stroke cuts off is empty', () => {
    const empties: string[] = [];
    const { rows } = gridTable(cut, words, H, 1.5 * H, 1, (_c, rect) => empties.push(`${rect.y0},${rect.x0}`));
    expect(texts({ rows })).toEqual([['ประเด็น', 'มาตรการ', 'ผู้รับผิดชอบ'], ['การเรียกรับ', 'ประกาศ', 'ทุกส่วน']]);
    expect(rows[1]!.cells.map((c) => c.rowspan)).toEqual([1, 1, 1]);
    expect(empties).toEqual([]);
  });

  it('keeps the rows when the cell below the cut holds text, and a cut every column draws', () => {
    // text under the cut, in a cell of its own: a sub-row
    const sub = [...words, word('กองคลัง', 310, 240, 400, 2)];
    expect(texts(gridTable(cut, sub, H, 1.5 * H, 1))).toEqual([['ประเด็น', 'มาตรการ', 'ผู้รับผิดชอบ'], ['การเรียกรับ', 'ประกาศ', 'ทุกส่วน'], ['กองคลัง']]);
    // the stroke's row in every column: an empty row, no cell running across, is no row read twice: left as drawn
    const full: RuledGrid = { ...cut, cells: [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => ({ r, c, rowspan: 1, colspan: 1 }))) };
    expect(gridTable(full, words, H, 1.5 * H, 1).rows).toHaveLength(3);
  });
});

describe('gridTable: brackets and bars read before a line by the left rule', () => {
  it('drops an opening mark nothing closes at a line start by the left rule, keeps closed brackets and marks mid-line (g99009 p2)', () => {
    const words = [
      // cell (1,0), x 0–100: "(1)", a row number in brackets
      word('(1', 16, 90, 36, 0),
      word(')', 40, 90, 46, 0),
      // cell (1,1), x 100–300: "ไตรมาสที่" / "(2-3", the bracket Tesseract's
      word('ไตรมาสที่', 110, 90, 200, 1),
      word('(2-3', 118, 120, 160, 2),
      // cell (1,2), x 300–500: "(E-" / "Service)", and "ข้อ (ก" mid-line: text
      word('(E-', 318, 90, 350, 3),
      word('Service)', 318, 120, 400, 4),
      word('ข้อ', 310, 150, 340, 5),
      word('(ก', 350, 150, 380, 5),
      // cell (2,1): "|ทุก" and "[ไตรมาส" at line starts
      word('|ทุก', 104, 210, 150, 6),
      word('[ไตรมาส', 104, 240, 190, 7),
    ];
    const { rows } = gridTable(grid, words, H, 1.5 * H, 1);
    expect(texts({ rows }).slice(1)).toEqual([
      ['(1)', 'ไตรมาสที่ 2-3', '(E- Service) ข้อ(ก'],
      ['ทุก ไตรมาส', ''],
    ]);
  });
});

describe('empty cells read again', () => {
  // columns 0 | 60 | 400, rows every 60 px: a number column and a text column; row 3's number lost
  const ys = [0, 60, 120, 180, 240, 300];
  const g: RuledGrid = { x0: 0, x1: 400, y0: 0, y1: 300, xs: [0, 60, 400], ys, cells: ys.slice(1).flatMap((_, r) => [0, 1].map((c) => ({ r, c, rowspan: 1, colspan: 1 }))) };
  const rowsOf = (first: string[]) =>
    first.flatMap((t, r) => [...(t ? [word(t, 10, r * 60 + 10, 40, 2 * r)] : []), word('มาตรการ', 80, r * 60 + 10, 200, 2 * r + 1)]);
  const empties = (first: string[]) => {
    const seen: Array<{ at: string; numbering: boolean }> = [];
    gridTable(g, rowsOf(first), H, 2.4 * H, 1, (_c, rect, numbering) => seen.push({ at: `${rect.y0},${rect.x0}`, numbering }));
    return seen;
  };
  it('tells the reading of an empty cell whether its column numbers the rows', () => {
    expect(empties(['ที่', '1', '2', '', '4'])).toEqual([{ at: '180,0', numbering: true }]);
    expect(empties(['ที่', '๑.', '(๒)', '', '๔.๑'])).toEqual([{ at: '180,0', numbering: true }]);
    // a column of marks, or of one number only, numbers nothing
    expect(empties(['สถานะ', '/', '/', '', '/'])).toEqual([{ at: '180,0', numbering: false }]);
    expect(empties(['สถานะ', '/', '1', '', '/'])).toEqual([{ at: '180,0', numbering: false }]);
  });

  const read = (text: string, confidence = 96): OcrWord => ({ text, confidence, bbox: { x0: 0, y0: 0, x1: 10, y1: 10 }, line: 0, spaceBefore: false });
  it('takes Arabic digits alone into a cell of a numbering column only; Thai text anywhere; Latin letters alone never', () => {
    expect(emptyCellText([read('3')], true)).toBe('3');
    expect(emptyCellText([read('12.')], true)).toBe('12.');
    expect(emptyCellText([read('3')], false)).toBeNull(); // a tick read as a digit in a column of marks
    expect(emptyCellText([read('3'), read('x')], true)).toBeNull();
    expect(emptyCellText([read('3', 40)], true)).toBeNull();
    expect(emptyCellText([read('ข้อ๓')], false)).toBe('ข้อ๓');
    expect(emptyCellText([read('xy')], true)).toBeNull();
  });
});

describe('joinContinuedTables', () => {
  const g = (xs: number[]): RuledGrid => ({ x0: xs[0]!, x1: xs[xs.length - 1]!, y0: 0, y1: 100, xs, ys: [0, 100], cells: [] });
  const t = (page: number, rows: string[][], xs: number[]): TableBlock => {
    const b = table(
      rows.map((r) => row(r.map((x) => cell(x ? [x] : [])), position(page, null))),
      position(page, null),
    );
    rememberGrid(b, g(xs), 1000);
    return b;
  };

  it('joins the table opening a page to the one closing the page before: header repeat dropped, the cut row joined', () => {
    const a = t(1, [['ลำดับ', 'มาตรการ', 'ระยะเวลา'], ['๑', 'จัดทำคู่มือการ', 'ไตรมาสที่ ๑']], [100, 200, 600, 900]);
    // page 2: the header again, read a little differently, then the rest of row ๑ and row ๒
    const b = t(2, [['ลำดับ', 'มาตรการ', 'ระยะเวลn'], ['', 'ปฏิบัติงาน', ''], ['๒', 'เผยแพร่', 'ไตรมาสที่ ๒']], [102, 203, 598, 901]);
    const out = joinContinuedTables([paragraph('ประเด็นที่ ๑', position(1, null)), a, paragraph('- ๒ -', position(2, null)), b], [90, 80, 70, 60]);
    expect(out.blocks).toHaveLength(3);
    expect(out.confidence).toEqual([90, 80, 70]);
    expect(texts(out.blocks[1] as TableBlock)).toEqual([
      ['ลำดับ', 'มาตรการ', 'ระยะเวลา'],
      ['๑', 'จัดทำคู่มือการ ปฏิบัติงาน', 'ไตรมาสที่ ๑'], // joined as the PDF reader joins wrapped cell lines
      ['๒', 'เผยแพร่', 'ไตรมาสที่ ๒'],
    ]);
  });

  it('joins a cut row of an unnumbered table by the columns it leaves empty (q200 001 p1–2: the rest of ข้อ ๐ ๔๓\'s row)', () => {
    const xs = [50, 300, 400, 700, 900, 1000];
    const head = ['ประเด็นที่ต้องปรับปรุง', 'ผู้รับผิดชอบ', 'ขั้นตอนหรือวิธีการ', 'การรายงานผล', 'ระยะเวลา'];
    const page1 = [head, ['ตัวชี้วัดที่ ๑๐ ข้อ ๐๓๗ การดำเนินการ', 'สำนักปลัด', '๑. เจ้าหน้าที่', '๑.เจ้าหน้าที่', '๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖'], ['ตัวชี้วัดย่อยที่ ๑๐.๒ มาตรการ', 'สำนักปลัด', 'มอบหมายเจ้าหน้าที่', '๑.เจ้าหน้าที่', '๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖']];
    const a = t(1, page1, xs);
    // page 2: the rest of the cut row (responsible and period fitted on page 1), then a row of its own
    const b = t(2, [['ข้อ ๐ ๔๓ การดำเนินการ', '', 'ดำเนินการอย่างไร', 'เผยแพร่บนเว็บไซต์', ''], ['e๖ การเผยแพร่ข้อมูล', 'ผู้บริหาร', '๑.เจ้าหน้าที่', '๑.เจ้าหน้าที่', '๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖']], xs);
    const rows = texts(joinContinuedTables([a, b], [1, 2]).blocks[0] as TableBlock);
    expect(rows).toHaveLength(4);
    expect(rows[2]![0]).toBe('ตัวชี้วัดย่อยที่ ๑๐.๒ มาตรการ ข้อ ๐ ๔๓ การดำเนินการ');
    expect(rows[2]![1]).toBe('สำนักปลัด');
    expect(rows[3]![0]).toBe('e๖ การเผยแพร่ข้อมูล');
    // a row of its own with one cell left blank is not a cut row
    const c = t(2, [['e๖ การเผยแพร่ข้อมูล', '', '๑.เจ้าหน้าที่', '๑.เจ้าหน้าที่', '๑ ตุลาคม พ.ศ.๒๕๖๕']], xs);
    expect(texts(joinContinuedTables([t(1, page1, xs), c], [1, 2]).blocks[0] as TableBlock)).toHaveLength(4);
  });

  it('joins the rest of the one data row of a table cut by the page break; not when the rows under it leave those columns empty too', () => {
    const xs = [50, 300, 450, 600, 750, 1000];
    const head = ['ประเด็นที่เป็นข้อบกพร่อง', 'มาตรการ', 'ช่วงระยะเวลาในการดำเนินการ', 'ผู้รับผิดชอบ', 'ผลลัพธ์'];
    const page1 = [head, ['ประเด็น มีผู้รับบริการหรือผู้มาติดต่อราชการ', '- มีการเปิดโอกาสให้ประชาชน', 'ต.ค. ๖๗- ก.ย. ๖๘', 'ทุกส่วนราชการ', 'ในปีงบประมาณ พ.ศ. ๒๕๖๘']];
    const rest = ['กับหน่วยงานบางรายมีความเห็นว่า', 'และบุคคลภายนอกเข้ามามีส่วนร่วม', '', '', 'ประชาชนเข้ามามีส่วนร่วม'];
    const one = texts(joinContinuedTables([t(1, page1, xs), t(2, [rest], xs)], [1, 2]).blocks[0] as TableBlock);
    expect(one).toHaveLength(2);
    expect(one[1]![0]).toBe('ประเด็น มีผู้รับบริการหรือผู้มาติดต่อราชการ กับหน่วยงานบางรายมีความเห็นว่า');
    expect(one[1]![2]).toBe('ต.ค. ๖๗- ก.ย. ๖๘');
    // period and responsible merged down over the rows of the new page: a row of its own
    const merged = [rest, ['ประเด็น ช่องทางการเผยแพร่ข้อมูล', '- เผยแพร่ทางเว็บไซต์', '', '', 'ประชาชนรับทราบ']];
    expect(texts(joinContinuedTables([t(1, page1, xs), t(2, merged, xs)], [1, 2]).blocks[0] as TableBlock)).toHaveLength(4);
  });

  it('joins the cut row of a table holding one row under its header, the header counted as a filled row (scans-q 000 p11–12)', () => {
    const xs = [50, 250, 450, 600, 700, 1000];
    const head = ['ประเด็นที่เป็นข้อบกพร่อง', 'มาตรการ/โครงการ', 'ช่วงระยะเวลา', 'ผู้รับผิดชอบ', 'ผลการดำเนินการ'];
    const page1 = [head, ['ประเด็น มีผู้รับบริการหรือผู้มา', '- มีการเปิดโอกาสให้ ประชาชน', 'ต.ค. ๖๗ - ก.ย. ๖๘', 'ทุกส่วนราชการ', 'ในปีงบประมาณ พ.ศ. ๒๕๖๘']];
    // page 2: the rest of the row: its period and unit fitted on page 1
    const rest = ['ติดต่อราชการกับหน่วยงาน (ข้อ E๘)', 'และบุคคลภายนอก', '', '', 'ประชาชนเข้ามามีส่วนร่วม'];
    const rows = texts(joinContinuedTables([t(1, page1, xs), t(2, [rest], xs)], [1, 2]).blocks[0] as TableBlock);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('ประเด็น มีผู้รับบริการหรือผู้มา ติดต่อราชการกับหน่วยงาน (ข้อ E๘)');
    expect(rows[1]![3]).toBe('ทุกส่วนราชการ');
    // a row of its own that leaves one column blank stays a row
    const own = ['ประเด็น ช่องทางการเผยแพร่ (ข้อ E๔)', '- มีการเผยแพร่', 'ต.ค. ๖๗ - ก.ย. ๖๘', '', 'เผยแพร่ทางเว็บไซต์'];
    expect(texts(joinContinuedTables([t(1, page1, xs), t(2, [own], xs)], [1, 2]).blocks[0] as TableBlock)).toHaveLength(3);
  });

  it('joins a row whose period range the page break cut ("ต.ค. ๖๗- #ส" / "ก.ย.๖๘", scans-q 000 p3–4 on g4 and colour), the noise after the dash dropped', () => {
    const xs = [50, 300, 500, 700, 800, 900, 1000];
    const head = ['ประเด็นที่เป็นข้อบกพร่อง', 'มาตรการ', 'ขั้นตอนหรือวิธีการปฏิบัติ', 'ช่วงระยะเวลา', 'ผู้รับผิดชอบ', 'ข้อจำกัด'];
    const page1 = [
      head,
      ['ประเด็น มีผู้รับบริการ (ข้อ E๘)', '- มีการเปิดโอกาสให้', '๑. มีการเปิดโอกาส', 'ต.ค. ๖๗-ก.ย.๖๘', 'ทุกส่วนราชการ', 'กระบวนการปฏิบัติงาน'],
      ['ประเด็น มีผู้รับบริการ หรือผู้มาติดต่อ', '- มีการพัฒนาระบบการให้บริการ', '๑,. มีการพัฒนาระบบการ', 'ต.ค. ๖๗- #ส', 'สำนัก', 'กระบวน'],
    ];
    // page 2: the rest of the cut row fills every column (long cells, the range's end, the unit's name)
    const rest = ['ราชการกับหน่วยงานบางรายมี (ข้อ E๙)', 'ออนไลน์ (E-Service)', 'ออนไลน์ (E-Service) ที่เป็นงาน', 'ก.ย.๖๘', 'ปลัดฯ', 'งานบางงานอาจต้องใช้'];
    const own = ['ประเด็น ช่องทางการเผยแพร่ (ข้อ E๕)', '- มีการเผยแพร่', '๑. มีการเผยแพร่', 'ต.ค. ๖๗-ก.ย.๖๘', 'ทุกส่วนราชการ', 'หน่วยงานขาดบุคลากร'];
    const rows = texts(joinContinuedTables([t(1, page1, xs), t(2, [rest, own], xs)], [1, 2]).blocks[0] as TableBlock);
    expect(rows).toHaveLength(4);
    expect(rows[2]![3]).toBe('ต.ค. ๖๗- ก.ย.๖๘');
    expect(rows[3]![0]).toBe('ประเด็น ช่องทางการเผยแพร่ (ข้อ E๕)');
    // a row of its own opening its period with a month under a closed range stays a row
    const closed = page1.map((r, i) => (i === 2 ? r.map((c, k) => (k === 3 ? 'ต.ค. ๖๗- ก.ย.๖๘' : c)) : r));
    expect(texts(joinContinuedTables([t(1, closed, xs), t(2, [own], xs)], [1, 2]).blocks[0] as TableBlock)).toHaveLength(4);
  });

  it('joins a row whose list the page break cut after a bullet ("- สำนักปลัดฯ -" / "กองคลัง", scans-q 000 p20–21 on g4, colour and q300g)', () => {
    const xs = [50, 250, 450, 650, 750, 850, 1000];
    const head = ['ประเด็นที่เป็นข้อบกพร่อง', 'มาตรการ', 'ขั้นตอนหรือวิธีการปฏิบัติ', 'ช่วงระยะเวลา', 'ผู้รับผิดชอบ', 'ผลลัพธ์'];
    const page1 = [
      head,
      ['ประเด็น เจ้าหน้าที่ขาดการกำกับ', '- มีการกำหนดแนวทาง', '๑. มีการกำหนดแนวทาง', 'ต.ค. ๖๗- ก.ย.๖๘', '- สำนักปลัดฯ - กองคลัง', 'มีการประกาศ'],
      ['ประเด็น บุคลากรในหน่วยงานบางรายมี', '- มีการกำหนดขั้น', '๑. มีขั้นตอนการขออนุญาต', 'ต.ค. ๖๗- ก.ย.๖๘', '- สำนักปลัดฯ -', 'มีการประกาศใช้มาตรการ'],
    ];
    // page 2: the rest of the row: its period fitted on page 1, the unit list's last item
    const rest = ['การขอยืมทรัพย์สินของทางราชการ', 'ตอนการขออนุญาต และแนวทาง', 'และแนวทางในการขอยืม', '', 'กองคลัง', 'ป้องกันการใช้ทรัพย์สิน'];
    const rows = texts(joinContinuedTables([t(1, page1, xs), t(2, [rest], xs)], [1, 2]).blocks[0] as TableBlock);
    expect(rows).toHaveLength(3);
    expect(rows[2]![0]).toBe('ประเด็น บุคลากรในหน่วยงานบางรายมี การขอยืมทรัพย์สินของทางราชการ');
    expect(rows[2]![4]).toBe('- สำนักปลัดฯ - กองคลัง');
    // the row above's list closed, or this row's own list opening with a bullet: a row of its own
    const own = ['ประเด็น การใช้ทรัพย์สิน', '- มีการกำหนด', '๑. มีการกำกับ', 'ต.ค. ๖๗- ก.ย.๖๘', '- กองคลัง', 'มีการประกาศ'];
    expect(texts(joinContinuedTables([t(1, page1, xs), t(2, [own], xs)], [1, 2]).blocks[0] as TableBlock)).toHaveLength(4);
    const closed = page1.map((r, i) => (i === 2 ? r.map((c, k) => (k === 4 ? '- สำนักปลัดฯ' : c)) : r));
    expect(texts(joinContinuedTables([t(1, closed, xs), t(2, [rest], xs)], [1, 2]).blocks[0] as TableBlock)).toHaveLength(4);
  });

  it('drops the header repeated at the foot of the page before (cut by the page break and drawn again)', () => {
    const a = t(1, [['ลำดับ', 'มาตรการ', 'ระยะเวลา'], ['๑', 'จัดทำคู่มือ', 'ไตรมาสที่ ๑'], ['ลำดับ', 'มาตรการ', 'ระยะเวลn']], [100, 200, 600, 900]);
    const b = t(2, [['๒', 'เผยแพร่', 'ไตรมาสที่ ๒']], [101, 201, 599, 900]);
    const out = joinContinuedTables([a, b], [90, 80]);
    expect(out.blocks).toHaveLength(1);
    expect(texts(out.blocks[0] as TableBlock)).toEqual([
      ['ลำดับ', 'มาตรการ', 'ระยะเวลา'],
      ['๑', 'จัดทำคู่มือ', 'ไตรมาสที่ ๑'],
      ['๒', 'เผยแพร่', 'ไตรมาสที่ ๒'],
    ]);
  });

  it('joins a cut row whose first cell goes on, as the PDF reader does: no number in the column numbering the rows', () => {
    const a = t(1, [['ประเด็น', 'ผู้รับผิดชอบ', 'การดำเนินการ'], ['ตัวชี้วัดที่ ๑๐ การประเมิน', 'สำนักปลัด', '๑ ตุลาคม ๒๕๖๕'], ['ตัวชี้วัดย่อยที่ ๑๐.๒ มาตรการ', 'สำนักปลัด', '๑ ตุลาคม ๒๕๖๕']], [100, 300, 600, 900]);
    const b = t(2, [['ข้อ ๔๓ การดำเนินการ', '', ''], ['ตัวชี้วัดที่ ๑๖ การเผยแพร่', 'ผู้บริหาร', '๑ ตุลาคม ๒๕๖๕']], [101, 301, 599, 900]);
    const out = joinContinuedTables([a, b], [90, 80]);
    expect(out.blocks).toHaveLength(1);
    expect(texts(out.blocks[0] as TableBlock).map((r) => r[0])).toEqual(['ประเด็น', 'ตัวชี้วัดที่ ๑๐ การประเมิน', 'ตัวชี้วัดย่อยที่ ๑๐.๒ มาตรการ ข้อ ๔๓ การดำเนินการ', 'ตัวชี้วัดที่ ๑๖ การเผยแพร่']);
  });

  it('drops both rows of a two-row header repeated on the next page, the sub-header read worse, then joins the cut row (g99006 p1–2)', () => {
    const xs = [100, 150, 300, 450, 900];
    const header = (page: number, sub: [string, string]) => [
      row([cell(['ที่'], { rowspan: 2 }), cell(['ช่วงเวลา'], { colspan: 2 }), cell(['แนวทางการพัฒนา'], { rowspan: 2 })], position(page, null)),
      row([cell([sub[0]]), cell([sub[1]])], position(page, null)),
    ];
    const data = (page: number, r: string[]) => row(r.map((x) => cell(x ? [x] : [])), position(page, null));
    const a = table([...header(1, ['เริ่ม', 'สิ้นสุด']), data(1, ['1', '1 มิ.ย. 2568', '31 ส.ค. 2568', 'คุ้มครองผู้แจ้งเบาะแสการทุจริตและรักษา'])], position(1, null));
    rememberGrid(a, g(xs), 1000);
    // page 2: the header drawn again (its sub-header misread by three characters), the rest of row 1, row 2
    const b = table(
      [...header(2, ['เรื่ม', '[สั้น สุด']), data(2, ['', '', '', 'ความลับของผู้ร้องเรียน']), data(2, ['2', '1 เม.ย. 2568', '30 มิ.ย. 2568', 'กำหนดแนวปฏิบัติ'])],
      position(2, null),
    );
    rememberGrid(b, g(xs.map((x) => x + 2)), 1000);
    const out = joinContinuedTables([a, b], [90, 80]);
    expect(out.blocks).toHaveLength(1);
    expect(texts(out.blocks[0] as TableBlock)).toEqual([
      ['ที่', 'ช่วงเวลา', 'แนวทางการพัฒนา'],
      ['เริ่ม', 'สิ้นสุด'],
      ['1', '1 มิ.ย. 2568', '31 ส.ค. 2568', 'คุ้มครองผู้แจ้งเบาะแสการทุจริตและรักษา ความลับของผู้ร้องเรียน'],
      ['2', '1 เม.ย. 2568', '30 มิ.ย. 2568', 'กำหนดแนวปฏิบัติ'],
    ]);
  });

  it('keeps a row under a one-row header that happens to look like the row under it on the page before', () => {
    const xs = [100, 200, 600, 900];
    const a = t(1, [['ลำดับ', 'มาตรการ', 'ระยะเวลา'], ['๑', 'ก', 'ไตรมาส ๑']], xs);
    const b = t(2, [['ลำดับ', 'มาตรการ', 'ระยะเวลา'], ['๑', 'ก', 'ไตรมาส ๑']], xs);
    expect(texts(joinContinuedTables([a, b], [1, 2]).blocks[0] as TableBlock)).toEqual([
      ['ลำดับ', 'มาตรการ', 'ระยะเวลา'],
      ['๑', 'ก', 'ไตรมาส ๑'],
      ['๑', 'ก', 'ไตรมาส ๑'],
    ]);
  });

  it('joins a row whose number the page break cut ("ข้อ" / "๕"), and keeps a numbered row after an unnumbered one apart (g99001 p2–3)', () => {
    const xs = [100, 180, 500, 900];
    const a = t(1, [['ลำดับ', 'ขั้นตอน', 'แนวทาง'], ['ข้อ', 'รวบรวมสถิติและสรุปผล', 'มีการประเมินความเสี่ยงการ']], xs);
    const b = t(2, [['๕', 'เสนอผู้บริหาร', 'ทุจริตที่อาจเกิดขึ้น'], ['ข้อ ๖', 'ประชาสัมพันธ์', 'จัดทำแผน']], xs);
    expect(texts(joinContinuedTables([a, b], [1, 2]).blocks[0] as TableBlock)).toEqual([
      ['ลำดับ', 'ขั้นตอน', 'แนวทาง'],
      ['ข้อ ๕', 'รวบรวมสถิติและสรุปผล เสนอผู้บริหาร', 'มีการประเมินความเสี่ยงการ ทุจริตที่อาจเกิดขึ้น'],
      ['ข้อ ๖', 'ประชาสัมพันธ์', 'จัดทำแผน'],
    ]);
    const c = t(1, [['ประเด็น', 'ขั้นตอน', 'แนวทาง'], ['การเปิดเผยข้อมูล', 'รวบรวม', 'ก']], xs);
    const d = t(2, [['๒. การป้องกัน', 'เสนอ', 'ข']], xs);
    expect(texts(joinContinuedTables([c, d], [1, 2]).blocks[0] as TableBlock)).toHaveLength(3);
  });

  it('keeps tables apart when text comes between them, or their columns differ', () => {
    const a = t(1, [['ลำดับ', 'มาตรการ'], ['๑', 'ก']], [100, 200, 900]);
    const b = t(2, [['ลำดับ', 'มาตรการ'], ['๑', 'ข']], [100, 200, 900]);
    const between = joinContinuedTables([a, paragraph('ประเด็นที่ ๒ การให้บริการ', position(2, null)), b], [1, 2, 3]);
    expect(between.blocks).toHaveLength(3);
    const c = t(3, [['ลำดับ', 'มาตรการ'], ['๑', 'ค']], [100, 200, 900]);
    const d = t(4, [['ข้อ', 'ผล', 'หมายเหตุ'], ['๑', 'ง', '']], [100, 400, 700, 900]);
    expect(joinContinuedTables([c, d], [1, 2]).blocks).toHaveLength(2);
  });
});
