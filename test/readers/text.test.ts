import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Block, type TableBlock, cell, heading, paragraph, position, row, table } from '../../src/model/blocks.js';
import { parseCell, readText, textToBlocks } from '../../src/readers/text.js';

const at = (line: number) => position(null, line);
const lines = (...ls: string[]) => ls.join('\n');
/** A cell of one plain paragraph each. */
const cells = (...texts: string[]) => texts.map((t) => cell(t === '' ? [] : [t]));

describe('readText', () => {
  it('wraps the blocks with the format and no pages', () => {
    expect(readText('รายงานผล')).toEqual({ format: 'text', blocks: [paragraph('รายงานผล', at(1))], pages: null, ocr: false, diagnostics: [] });
    expect(readText('## หัวข้อ', 'markdown')).toEqual({
      format: 'markdown',
      blocks: [heading('หัวข้อ', 2, at(1))],
      pages: null,
      ocr: false,
      diagnostics: [],
    });
  });

  it('reads empty and blank-only text as no blocks', () => {
    expect(textToBlocks('')).toEqual([]);
    expect(textToBlocks('\n \n\t\n\r\n')).toEqual([]);
  });
});

describe('textToBlocks: tab tables', () => {
  it('reads a heading line and a tab table with its header line (as corpus 000 writes them)', () => {
    const text = lines(
      '(๑) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ',
      '',
      'ประเด็นที่เป็นข้อบกพร่อง\tมาตรการ\tระยะเวลา\tผู้รับผิดชอบ',
      'ประเด็น เรียกรับสินบน (ข้อ 1๓)\tจัดอบรม\tต.ค. ๖๗-ก.ย.๖๘\tทุกส่วน ราชการ',
      'ประเด็น บริการล่าช้า (ข้อ E๗)\tปรับปรุงขั้นตอน\tต.ค. ๖๗-ก.ย.๖๘\tสำนักปลัดฯ',
    );
    const expected: Block[] = [
      paragraph('(๑) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ', at(1)),
      table(
        [
          row(cells('ประเด็นที่เป็นข้อบกพร่อง', 'มาตรการ', 'ระยะเวลา', 'ผู้รับผิดชอบ'), at(3)),
          row(cells('ประเด็น เรียกรับสินบน (ข้อ 1๓)', 'จัดอบรม', 'ต.ค. ๖๗-ก.ย.๖๘', 'ทุกส่วน ราชการ'), at(4)),
          row(cells('ประเด็น บริการล่าช้า (ข้อ E๗)', 'ปรับปรุงขั้นตอน', 'ต.ค. ๖๗-ก.ย.๖๘', 'สำนักปลัดฯ'), at(5)),
        ],
        at(3),
      ),
    ];
    expect(textToBlocks(text)).toEqual(expected);
  });

  it('continues a table whose header is repeated after a blank line, without repeating the header as a row; the row under it is marked resumed', () => {
    const text = lines(
      'ลำดับ\tมาตรการ/กิจกรรม\tผู้รับผิดชอบ',
      '๑\tการป้องกันและแก้ไขการทุจริต\tนิติกร',
      '',
      'ลำดับ\tมาตรการ/กิจกรรม\tผู้รับผิดชอบ',
      '๑\tการป้องกันและแก้ไขการทุจริต (ต่อ)\tนิติกร',
      '๒\tการใช้อำนาจอย่างโปร่งใส\tปลัด',
    );
    expect(textToBlocks(text)).toEqual([
      table(
        [
          row(cells('ลำดับ', 'มาตรการ/กิจกรรม', 'ผู้รับผิดชอบ'), at(1)),
          row(cells('๑', 'การป้องกันและแก้ไขการทุจริต', 'นิติกร'), at(2)),
          { ...row(cells('๑', 'การป้องกันและแก้ไขการทุจริต (ต่อ)', 'นิติกร'), at(5)), resumed: true },
          row(cells('๒', 'การใช้อำนาจอย่างโปร่งใส', 'ปลัด'), at(6)),
        ],
        at(1),
      ),
    ]);
  });

  it('treats a repeated header re-wrapped with other spaces (and <p> markup) as the same header', () => {
    const text = lines(
      'ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา\tผู้รับผิดชอบ',
      'e๖ การเผยแพร่ข้อมูล\tสำนักปลัด',
      '',
      '',
      '<p>ประเด็นที่ต้องปรับปรุง แก้ไข/</p><p>ประเด็นที่ต้องพัฒนา</p>\tผู้รับ ผิดชอบ',
      'e๗ การเผยแพร่ผลงาน\tทุกภารกิจงาน',
    );
    expect(textToBlocks(text)).toEqual([
      table(
        [
          row(cells('ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา', 'ผู้รับผิดชอบ'), at(1)),
          row(cells('e๖ การเผยแพร่ข้อมูล', 'สำนักปลัด'), at(2)),
          { ...row(cells('e๗ การเผยแพร่ผลงาน', 'ทุกภารกิจงาน'), at(6)), resumed: true },
        ],
        at(1),
      ),
    ]);
  });

  it('starts a new table after a blank line when the next line is not the header', () => {
    const text = lines('ก\tข', '๑\t๒', '', 'ค\tง');
    expect(textToBlocks(text)).toEqual([
      table([row(cells('ก', 'ข'), at(1)), row(cells('๑', '๒'), at(2))], at(1)),
      table([row(cells('ค', 'ง'), at(4))], at(4)),
    ]);
  });

  it('ends a table at a text line: the same header after a heading opens a new table', () => {
    const text = lines('(๒) การให้บริการและระบบ E-Service', 'ประเด็น\tมาตรการ', 'ข้อ E๗\tก', '(๒) การให้บริการและระบบ E-Service', 'ประเด็น\tมาตรการ', 'ข้อ E๙\tข');
    expect(textToBlocks(text)).toEqual([
      paragraph('(๒) การให้บริการและระบบ E-Service', at(1)),
      table([row(cells('ประเด็น', 'มาตรการ'), at(2)), row(cells('ข้อ E๗', 'ก'), at(3))], at(2)),
      paragraph('(๒) การให้บริการและระบบ E-Service', at(4)),
      table([row(cells('ประเด็น', 'มาตรการ'), at(5)), row(cells('ข้อ E๙', 'ข'), at(6))], at(5)),
    ]);
  });

  it('keeps empty cells as cells without paragraphs', () => {
    expect(textToBlocks('ก\t\t ข \t')).toEqual([table([row([cell(['ก']), cell([]), cell(['ข']), cell([])], at(1))], at(1))]);
  });
});

describe('textToBlocks: cell markup', () => {
  it('splits <p>…</p> paragraphs inside a cell and drops the space between them', () => {
    const text = '<p>ตัวชี้วัดที่ ๑๐ การประเมินความเสี่ยง</p> <p>ข้อ ๐ ๓๗ การดำเนินการ</p>\t<p>๑. แต่งตั้ง</p><p>๒. รายงาน</p>\tสำนักปลัด';
    expect(textToBlocks(text)).toEqual([
      table(
        [
          row(
            [
              cell(['ตัวชี้วัดที่ ๑๐ การประเมินความเสี่ยง', 'ข้อ ๐ ๓๗ การดำเนินการ']),
              cell(['๑. แต่งตั้ง', '๒. รายงาน']),
              cell(['สำนักปลัด']),
            ],
            at(1),
          ),
        ],
        at(1),
      ),
    ]);
  });

  it('collapses whitespace inside a paragraph and keeps text outside <p> as its own paragraph', () => {
    expect(parseCell('<p>  ทุกส่วน    ราชการ </p>')).toEqual(cell(['ทุกส่วน ราชการ']));
    expect(parseCell('นำ<p>ตาม</p>ท้าย')).toEqual(cell(['นำ', 'ตาม', 'ท้าย']));
    expect(parseCell('<p class="x">ก</p><P>ข</P>')).toEqual(cell(['ก', 'ข']));
    expect(parseCell('<p></p><p> </p>')).toEqual(cell([]));
  });

  it('marks a cell bold only when all of its text is in <b> or <strong>', () => {
    expect(parseCell('<b>๑. กระบวนการปฏิบัติงานที่โปร่งใส</b>')).toEqual(cell(['๑. กระบวนการปฏิบัติงานที่โปร่งใส'], { bold: true }));
    expect(parseCell('<p><b>ก</b></p><p><strong>ข</strong></p>')).toEqual(cell(['ก', 'ข'], { bold: true }));
    expect(parseCell('<b>ข้อ E๔</b> ได้คะแนน ๑๐๐')).toEqual(cell(['ข้อ E๔ ได้คะแนน ๑๐๐']));
    expect(parseCell('<p><b>ก</b></p><p>ข</p>')).toEqual(cell(['ก', 'ข']));
    expect(parseCell('')).toEqual(cell([]));
    expect(parseCell('<b> </b>')).toEqual(cell([]));
  });

  it('reads a bold cell inside a table row as a bold cell', () => {
    expect(textToBlocks('<b>๑. การให้บริการ</b>\t\t')).toEqual([
      table([row([cell(['๑. การให้บริการ'], { bold: true }), cell([]), cell([])], at(1))], at(1)),
    ]);
  });

  it('decodes HTML entities in cells and in lines, and drops other tags', () => {
    expect(parseCell('สำนักปลัด &amp; กองคลัง')).toEqual(cell(['สำนักปลัด & กองคลัง']));
    expect(parseCell('ก&nbsp;&nbsp;ข &lt;ค&gt; &quot;ง&quot; &#3585;')).toEqual(cell(['ก ข <ค> "ง" ก']));
    expect(parseCell('<span style="x">ก</span><br>ข<br/>ค')).toEqual(cell(['ก ข ค']));
    expect(textToBlocks('ข้อเสนอแนะ &amp; แนวทาง')).toEqual([paragraph('ข้อเสนอแนะ & แนวทาง', at(1))]);
  });
});

describe('textToBlocks: headings, bold lines, rules', () => {
  it('reads `#` headings with their level, without markup', () => {
    const text = lines('## ประเด็นที่ ๒ การให้บริการและระบบ E-Service', '# รายงาน #', '### **ประเด็นที่ ๗** กลไก', '#ไม่ใช่หัวข้อ', '####### เจ็ด');
    expect(textToBlocks(text)).toEqual([
      heading('ประเด็นที่ ๒ การให้บริการและระบบ E-Service', 2, at(1)),
      heading('รายงาน', 1, at(2)),
      heading('ประเด็นที่ ๗ กลไก', 3, at(3)),
      paragraph('#ไม่ใช่หัวข้อ', at(4)),
      paragraph('####### เจ็ด', at(5)),
    ]);
  });

  it('reads `**…**` lines as bold paragraphs and partly bold lines as plain ones', () => {
    const text = lines(
      '**ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ**',
      'ทั้งนี้ **ควรพัฒนา**และปรับปรุง',
      '<b>ผลการดำเนินงาน</b>',
      '  **องค์การบริหารส่วนตำบลคลองประสัก**  ',
    );
    expect(textToBlocks(text)).toEqual([
      paragraph('ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ', at(1), true),
      paragraph('ทั้งนี้ ควรพัฒนาและปรับปรุง', at(2), false),
      paragraph('ผลการดำเนินงาน', at(3), true),
      paragraph('องค์การบริหารส่วนตำบลคลองประสัก', at(4), true),
    ]);
  });

  it('ignores horizontal rules', () => {
    const text = lines('ก่อน', '-----', '***', '___', 'หลัง', '', '-----', '');
    expect(textToBlocks(text)).toEqual([paragraph('ก่อน', at(1)), paragraph('หลัง', at(5))]);
  });

  it('keeps a line of two dashes or a dash bullet as text', () => {
    expect(textToBlocks(lines('--', '- อบต.บ้านหม้อได้ประชาสัมพันธ์'))).toEqual([
      paragraph('--', at(1)),
      paragraph('- อบต.บ้านหม้อได้ประชาสัมพันธ์', at(2)),
    ]);
  });
});

describe('textToBlocks: Markdown pipe tables', () => {
  it('reads a pipe table and flags the row above the separator as a header', () => {
    const text = lines(
      'มาตรการ',
      '| ลำดับ | มาตรการ | ผู้รับผิดชอบ |',
      '|---|:---:|---:|',
      '| ๑ | อบรม &amp; ประชุม | สำนักปลัด |',
      '| ๒ | ก \\| ข | กองคลัง |',
      '',
      'หลังตาราง',
    );
    expect(textToBlocks(text)).toEqual([
      paragraph('มาตรการ', at(1)),
      table(
        [
          row(cells('ลำดับ', 'มาตรการ', 'ผู้รับผิดชอบ'), at(2), true),
          row(cells('๑', 'อบรม & ประชุม', 'สำนักปลัด'), at(4)),
          row(cells('๒', 'ก | ข', 'กองคลัง'), at(5)),
        ],
        at(2),
      ),
      paragraph('หลังตาราง', at(7)),
    ]);
  });

  it('ignores a separator line with no table above it', () => {
    expect(textToBlocks(lines('|---|---|', 'ข้อความ'))).toEqual([paragraph('ข้อความ', at(2))]);
  });

  it('a separator line after a blank line leaves the previous table alone', () => {
    const blocks = textToBlocks(lines('| ก | ข |', '| ๑ | ๒ |', '', '|---|---|'));
    expect(blocks).toHaveLength(1);
    const t = blocks[0];
    expect(t?.type === 'table' && t.rows.map((r) => r.header)).toEqual([false, false]);
  });
});

describe('textToBlocks: source lines', () => {
  it('numbers lines from 1, counting blank lines, with a BOM and any line ending', () => {
    const text = '\uFEFF\r\n\r\nรายงาน\r\n\r\nก\tข\r๑\t๒\n\n## จบ';
    expect(textToBlocks(text)).toEqual([
      paragraph('รายงาน', at(3)),
      table([row(cells('ก', 'ข'), at(5)), row(cells('๑', '๒'), at(6))], at(5)),
      heading('จบ', 2, at(8)),
    ]);
  });

  it('keeps the corpus line numbers: corpus 003 section 7 is one table across the page break', () => {
    const text = readFileSync(new URL('../../fixtures/corpus/003_592d1508f0de56c3.txt', import.meta.url), 'utf8');
    const blocks = textToBlocks(text);
    const tables = blocks.filter((b): b is TableBlock => b.type === 'table');
    // lines 10–16 (header repeated at 13), 20–21, 25–26, 30–31, 35–36, 40–41, 45–49 (header repeated at 48)
    expect(tables.map((t) => t.rows.map((r) => r.source.line))).toEqual([
      [10, 11, 14, 15, 16],
      [20, 21],
      [25, 26],
      [30, 31],
      [35, 36],
      [40, 41],
      [45, 46, 49],
    ]);
    expect(tables.every((t) => t.rows.every((r) => r.cells.length === 6))).toBe(true);
    const headings = blocks.filter((b) => b.type !== 'table' && /^ประเด็นที่ [๑-๗]/.test(b.text));
    expect(headings.map((b) => [b.type, b.source.line])).toEqual([
      ['paragraph', 8],
      ['heading', 18],
      ['paragraph', 23],
      ['paragraph', 28],
      ['paragraph', 33],
      ['paragraph', 38],
      ['heading', 43],
    ]);
    expect(blocks.some((b) => b.type !== 'table' && b.text.includes('-----'))).toBe(false);
  });
});

describe('textToBlocks: bounds', () => {
  // ten rows of two cells, then one of 100: the grid is 11 × 100
  const text = 'ก\tข\n'.repeat(10) + 'ค' + '\t'.repeat(99) + '\n';

  it('a table within its limits is read; one cell fewer allowed and it is TOO_LARGE', () => {
    expect(textToBlocks(text, { gridCells: 1100, chars: 1e6, basis: text.length })).toHaveLength(1);
    expect(() => textToBlocks(text, { gridCells: 1099, chars: 1e6, basis: text.length })).toThrow(
      /^the table at line 1 is too large: 11 rows × 100 columns make the document's tables 1,100 cells, where an input of 141 characters allows 1,099$/,
    );
  });

  it('a header repeated after a page break is not counted as a row', () => {
    const page = 'ข้อ\tมาตรการ\n1\tก\n2\tข\n\n';
    // header + 4 rows: 10 cells; a row after the last blank line starts a table of its own
    expect(textToBlocks(page.repeat(2), { gridCells: 10, chars: 1e6, basis: 1 })[0]).toMatchObject({ rows: { length: 5 } });
    expect(() => textToBlocks(page.repeat(2) + '3\tค\n', { gridCells: 10, chars: 1e6, basis: 1 })).toThrow(/^the table at line 9 is too large: .* tables 11 cells/);
  });
});
