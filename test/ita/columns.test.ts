import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { columnRoles, looksLikeData, looksLikeHeader, roleScores } from '../../src/ita/columns.js';
import { parseCell } from '../../src/readers/text.js';
import { cellText } from '../../src/model/blocks.js';
import type { FieldRole } from '../../src/model/schema.js';

/** The cells of a tab-separated line of a corpus file, as the text reader sees them. */
function corpusCells(file: string, line: number): string[] {
  const path = fileURLToPath(new URL(`../../fixtures/corpus/${file}`, import.meta.url));
  const text = readFileSync(path, 'utf8').split(/\r?\n/)[line - 1] ?? '';
  return text.split('\t').map((c) => cellText(parseCell(c)));
}

const F000 = '000_12d03613c0e47b57.txt';
const F001 = '001_52975bb7fc874981.txt';
const F003 = '003_592d1508f0de56c3.txt';
const F004 = '004_d0cc15d3996b9fea.txt';

describe('columnRoles: header rows of the corpus', () => {
  it.each<[string, string[], Array<FieldRole | null>]>([
    [
      '000 part ๑',
      ['ประเด็นที่เป็นข้อบกพร่อง/ จุดอ่อนจากการประเมิน', 'มาตรการ/โครงการ หรือกิจกรรม', 'ขั้นตอนหรือวิธีการปฏิบัติ', 'ช่วงระยะเวลา ในการดำเนินการ', 'ผู้รับผิดชอบ', 'ข้อจำกัดของหน่วยงาน'],
      ['issue', 'measure', 'steps', 'period', 'responsible', 'limitation'],
    ],
    [
      '000 part ๒',
      [
        'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อนจากการประเมิน',
        'มาตรการ/โครงการหรือกิจกรรม',
        'ขั้นตอนหรือวิธีการปฏิบัติ',
        'ช่วงระยะเวลาในการดำเนินการ',
        'ผู้รับผิดชอบ',
        'มาตรการหรือกิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
        'สรุปผลดำเนินการตามมาตรการหรือกิจกรรม',
        'ผลลัพธ์หรือความสำเร็จของการดำเนินการ',
      ],
      ['issue', 'measure', 'steps', 'period', 'responsible', 'action', 'result', 'outcome'],
    ],
    [
      '000 part ๒, wrapped',
      [
        'ประเด็นที่เป็น ข้อบกพร่อง/ จุดอ่อนจากการ ประเมิน',
        'มาตรการ/โครงการ หรือกิจกรรม',
        'ขั้นตอนหรือวิธีการปฏิบัติ',
        'ช่วงระยะเวลา ในการ ดำเนินการ',
        'ผู้รับผิดชอบ',
        'มาตรการหรือกิจกรรมที่ ดำเนินการเพื่อส่งเสริมคุณธรรม และความโปร่งใสภายใน หน่วยงาน',
        'สรุปผลดำเนินการตาม มาตรการหรือกิจกรรม',
        'ผลลัพธ์หรือ ความสำเร็จของการ ดำเนินการ',
      ],
      ['issue', 'measure', 'steps', 'period', 'responsible', 'action', 'result', 'outcome'],
    ],
    [
      // the header names the deadline column; the body walk later swaps it with the date column
      '001',
      ['ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา', 'ผู้รับผิดชอบ', 'ขั้นตอนหรือวิธีการ/มาตรการ', 'การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ', 'การดำเนินการ'],
      ['issue', 'responsible', 'steps', 'period', 'action'],
    ],
    [
      '001, wrapped',
      ['ประเด็นที่ต้องปรับปรุง แก้ไข/ ประเด็นที่ต้องพัฒนา', 'ผู้รับผิดชอบ', 'ขั้นตอนหรือวิธีการ/มาตรการ', 'การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ', 'การดำเนินการ'],
      ['issue', 'responsible', 'steps', 'period', 'action'],
    ],
    [
      '003',
      ['ลำดับ', 'มาตรการ/กิจกรรม', 'ระยะเวลาในการดำเนินการ', 'ผู้รับผิดชอบ', 'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม', 'ผลลัพธ์หรือความสำเร็จในการดำเนินการ'],
      ['seq', 'measure', 'period', 'responsible', 'result', 'outcome'],
    ],
    [
      '004',
      ['มาตรการ', 'ขั้นตอนหรือวิธีการ', 'ผู้รับผิดชอบ', 'ระยะเวลาดำเนินการ', 'ผลการดำเนินการ', 'ข้อเสนอแนะ'],
      ['measure', 'steps', 'responsible', 'period', 'result', 'note'],
    ],
    [
      // 004 repeats its header with a wrapped period cell and the typo ขอเสนอแนะ
      '004, repeated with typos',
      ['มาตรการ', 'ขั้นตอนหรือวิธีการ', 'ผู้รับผิดชอบ', 'ระยะเวลา ดำเนินการ', 'ผลการดำเนินการ', 'ขอเสนอแนะ'],
      ['measure', 'steps', 'responsible', 'period', 'result', 'note'],
    ],
  ])('%s', (_name, headers, expected) => {
    expect(columnRoles(headers)).toEqual(expected);
  });
});

describe('columnRoles: header rows a report might have', () => {
  it.each<[string[], Array<FieldRole | null>]>([
    [
      ['ลำดับที่', 'ข้อบกพร่อง/จุดอ่อน', 'มาตรการ', 'ห้วงเวลาดำเนินการ', 'หน่วยงานที่รับผิดชอบ', 'ปัญหา/อุปสรรค', 'หมายเหตุ'],
      ['seq', 'issue', 'measure', 'period', 'responsible', 'limitation', 'note'],
    ],
    [
      ['ประเด็นที่ต้องปรับปรุง', 'มาตรการ', 'วิธีปฏิบัติ', 'ระยะเวลา', 'ผู้รับผิดชอบ', 'ผลการปฏิบัติ', 'ผลสัมฤทธิ์'],
      ['issue', 'measure', 'steps', 'period', 'responsible', 'result', 'outcome'],
    ],
    [
      ['ประเด็น', 'มาตรการ', 'กำหนดเวลา', 'ผู้รับผิดชอบ'],
      ['issue', 'measure', 'period', 'responsible'],
    ],
    [
      ['มาตรการ', 'กิจกรรมที่ดำเนินการ', 'ผลการดำเนินการ', 'ผลลัพธ์'],
      ['measure', 'action', 'result', 'outcome'],
    ],
    [
      // OCR typos in several cells at once
      ['มาตราการ', 'ขั้นตอนการดำเนินการ', 'ผู้รับผิดชอน', 'ระยะเวลาดำเนินกร', 'ผลการดำเนินงาน'],
      ['measure', 'steps', 'responsible', 'period', 'result'],
    ],
    [
      // a budget column, and a column of item scores, have roles of their own
      ['โครงการ/กิจกรรม', 'งบประมาณ (บาท)', 'ระยะเวลา', 'ผู้รับผิดชอบ'],
      ['measure', 'budget', 'period', 'responsible'],
    ],
    [
      ['ข้อคำถาม', 'คะแนน', 'มาตรการ', 'ผู้รับผิดชอบ'],
      ['issue', 'score', 'measure', 'responsible'],
    ],
    [
      // steps headed วิธีดำเนินงาน / วิธีดำเนินการ (layouts.md: ขั้นตอน / วิธีการ / วิธีดำเนินงาน)
      ['ลำดับ', 'แนวทาง', 'วิธีดำเนินงาน', 'ห้วงเวลา', 'ผู้ดำเนินการ'],
      ['seq', 'measure', 'steps', 'period', 'responsible'],
    ],
    [
      ['มาตรการ', 'วิธีดำเนินการ', 'ระยะเวลา', 'ผู้รับผิดชอบ'],
      ['measure', 'steps', 'period', 'responsible'],
    ],
  ])('%j', (headers, expected) => {
    expect(columnRoles(headers)).toEqual(expected);
  });
});

describe('columnRoles: one header cell, OCR damage and wording variants', () => {
  it.each<[string, FieldRole | null]>([
    ['ขอเสนอแนะ', 'note'],
    ['ข้อเสนอแนะ', 'note'],
    ['หมายเหตุ', 'note'],
    ['ระยะเวลา ดำเนินการ', 'period'],
    ['ระยะเวลาดำเนินกร', 'period'],
    ['ช่วงระยะเวลา ในการ ดำเนินการ', 'period'],
    ['ระยะเวลาแล้วเสร็จ', 'period'],
    ['ห้วงเวลาดำเนินการ', 'period'],
    ['ผู้รับผิดชอน', 'responsible'],
    ['ผู้รับผิด ชอบ', 'responsible'],
    ['หน่วยงานที่รับผิดชอบ', 'responsible'],
    ['มาตราการ/โครงการ', 'measure'],
    ['ขั้นตอนหรือวิธีการปฏิบติ', 'steps'],
    ['ปัญหา/อุปสรรค', 'limitation'],
    ['ข้อจำกัดของหน่วยงาน', 'limitation'],
    ['ผลการดำเนินงาน', 'result'],
    ['ผลสัมฤทธิ์', 'outcome'],
    ['ตัวชี้วัดความสำเร็จ', 'outcome'],
    ['ลำดับ', 'seq'],
    ['ลำดับที่', 'seq'],
    ['จุดอ่อน', 'issue'],
    ['งบประมาณ (บาท)', 'budget'],
    ['', null],
  ])('%s → %s', (header, role) => {
    expect(columnRoles([header])).toEqual([role]);
  });

  it('gives the score to the latest year of two score columns, whichever comes first', () => {
    const h = ['ข้อ', 'ประเด็นการประเมิน', 'คะแนนปี ๒๕๖๖', 'คะแนนปี ๒๕๖๗', 'แนวทางการพัฒนา', 'ห้วงเวลา', 'ผู้รับผิดชอบ'];
    expect(columnRoles(h).indexOf('score')).toBe(3);
    expect(columnRoles([h[0]!, h[1]!, h[3]!, h[2]!, ...h.slice(4)]).indexOf('score')).toBe(2);
    expect(columnRoles(['ข้อ', 'คะแนน', 'คะแนนปี 2567', 'มาตรการ']).indexOf('score')).toBe(1);
  });

  it('the typo ขอเสนอแนะ still scores for note', () => {
    expect(roleScores('ขอเสนอแนะ').note).toBeGreaterThan(0);
  });
});

describe('looksLikeHeader', () => {
  it.each([
    ['000 line 16', F000, 16],
    ['000 line 70', F000, 70],
    ['000 line 80', F000, 80],
    ['001 line 16', F001, 16],
    ['001 line 20', F001, 20],
    ['003 line 10', F003, 10],
    ['004 line 56', F004, 56],
    ['004 line 59', F004, 59],
  ])('header row %s', (_name, file, line) => {
    expect(looksLikeHeader(corpusCells(file, line))).toBe(true);
  });

  it('a row holding a date, an amount or "ไม่ใช้งบประมาณ" is data, whatever cue words it holds; a dated note in brackets is not', () => {
    expect(looksLikeHeader(['งานการเจ้าหน้าที่', 'ไม่ใช้งบประมาณ', 'การอนุมัติ อนุญาต', 'เริ่ม 1 พ.ย. 2566 สิ้นสุด 31 ก.ค. 2567', '2.1 เผยแพร่ผลการดำเนินงาน', 'ดำเนินการแล้วเสร็จ เมื่อวันที่ 3 พ.ค. 2567'])).toBe(false);
    expect(looksLikeHeader(['ผู้รับผิดชอบ', '50,000', 'ระยะเวลา', 'สถานะ'])).toBe(false);
    expect(looksLikeHeader(['ที่', 'มาตรการ', 'ระยะเวลา', 'ผลการดำเนินงาน (ข้อมูล ณ ๓๐ ก.ย. ๒๕๖๗)', 'ผู้รับผิดชอบ'])).toBe(true);
  });

  it('a header whose status columns (ticked under each status) outnumber its named columns', () => {
    // the top row of a two-row header: ไตรมาส spans the quarter columns below it
    const top = ['ที่', 'ผู้ดำเนินการ', 'ไตรมาส', '', '', '', 'ดำเนินการแล้ว', 'อยู่ระหว่างดำเนินการ', 'ยังไม่ได้ดำเนินการ', 'โครงการ'];
    expect(looksLikeHeader(top)).toBe(true);
    // a data row with one status word is still data
    expect(looksLikeHeader(['๑', 'กองช่าง', '', '', 'ดำเนินการแล้ว', 'จัดทำคู่มือการปฏิบัติงาน'])).toBe(false);
  });

  it('never takes a row numbered in brackets for a header repeated on a new page, whatever its cells name', () => {
    // "ตลอดปีงบประมาณ" (the whole fiscal year) names a budget column and "งานประชาสัมพันธ์" a unit: two named columns,
    // and the row took the header's place, so every row under it lost its row number, units and measure
    const row = ['(๓)', 'ตลอดปีงบประมาณ', 'งานประชาสัมพันธ์ กองคลัง', 'จัดทำสรุปผลการจัดซื้อจัดจ้างรายเดือน'];
    expect(looksLikeHeader(row)).toBe(false);
    expect(looksLikeHeader(['ข้อ ๓', ...row.slice(1)])).toBe(false);
    expect(looksLikeHeader(['ลำดับที่', 'กรอบระยะเวลา', 'หน่วยงานรับผิดชอบ', 'แนวทางการพัฒนา'])).toBe(true);
  });

  it.each([
    ['000 line 17', F000, 17],
    ['000 line 39', F000, 39],
    ['000 line 71', F000, 71],
    ['001 line 17', F001, 17],
    ['001 line 25', F001, 25],
    ['003 line 11', F003, 11],
    ['003 line 26', F003, 26],
    ['004 line 57', F004, 57],
    ['004 line 60', F004, 60],
  ])('data row %s', (_name, file, line) => {
    expect(looksLikeHeader(corpusCells(file, line))).toBe(false);
  });

  it.each([
    [['ต.ค. ๖๗-ก.ย.๖๘', 'ทุกส่วนราชการ', 'ไม่มี']],
    [['สำนักปลัด']],
    [[]],
  ])('short data cells %j', (cells) => {
    expect(looksLikeHeader(cells)).toBe(false);
  });
});

// ------------------------------------------------------------------ properties

const HEADER_WORDS = [
  'ลำดับ', 'ประเด็น', 'ข้อบกพร่อง', 'จุดอ่อน', 'มาตรการ', 'โครงการ', 'กิจกรรม', 'ขั้นตอน', 'วิธีการ', 'ระยะเวลา',
  'ช่วงเวลา', 'กำหนดเวลา', 'แล้วเสร็จ', 'ผู้รับผิดชอบ', 'ข้อจำกัด', 'อุปสรรค', 'การดำเนินการ', 'สรุปผล', 'ผลการดำเนินงาน',
  'ผลลัพธ์', 'ความสำเร็จ', 'หมายเหตุ', 'ข้อเสนอแนะ', 'ขอเสนอแนะ', 'ในการ', 'หรือ', '/', ' ', 'งบประมาณ', 'ตัวชี้วัด',
];
const headerCell = fc.array(fc.oneof(fc.constantFrom(...HEADER_WORDS), fc.string({ maxLength: 6 })), { maxLength: 5 }).map((ws) => ws.join(''));

describe('properties', () => {
  it('columnRoles gives one role or null per column and never one role to two columns', () => {
    fc.assert(
      fc.property(fc.array(headerCell, { maxLength: 12 }), (headers) => {
        const roles = columnRoles(headers);
        expect(roles).toHaveLength(headers.length);
        const named = roles.filter((r): r is FieldRole => r !== null);
        expect(new Set(named).size).toBe(named.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a column with no cue gets no role', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[0-9A-Za-z .()]{0,12}$/), { maxLength: 6 }), (headers) => {
        expect(columnRoles(headers).every((r) => r === null)).toBe(true);
      }),
    );
  });

  it('the roles do not depend on the spaces inside header cells', () => {
    fc.assert(
      fc.property(fc.array(headerCell, { maxLength: 8 }), (headers) => {
        expect(columnRoles(headers.map((h) => h.replace(/\s+/g, '')))).toEqual(columnRoles(headers));
      }),
    );
  });
});

describe('columns of layouts beyond the corpus', () => {
  it('"ระยะเวลาดำเนินการ" over "เริ่ม | สิ้นสุด", merged into one header row, is start and end, not period', () => {
    expect(columnRoles(['มาตรการ', 'ระยะเวลาดำเนินการ เริ่ม', 'ระยะเวลาดำเนินการ สิ้นสุด'])).toEqual(['measure', 'start', 'end']);
  });

  it('a header whose month columns outnumber its named columns is a header', () => {
    expect(looksLikeHeader(['ที่', 'มาตรการ', 'ผู้รับผิดชอบ', 'ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'])).toBe(true);
    expect(looksLikeHeader(['ที่', 'มาตรการ', 'ไตรมาส ๑', 'ไตรมาส ๒', 'ไตรมาส ๓', 'ไตรมาส ๔'])).toBe(true);
  });
});

describe('looksLikeData: a row marked as a header that holds data', () => {
  it.each<[string[], boolean]>([
    [['ข้อ ๑', '', '✔', 'กองคลัง', 'จัดให้มีช่องทางรับแจ้งเรื่องร้องเรียนการทุจริต'], true],
    [['๒', 'ปรับปรุงข้อมูลพื้นฐานในเว็บไซต์ของหน่วยงานให้ครบถ้วน', 'ตลอดปี'], true],
    [['', 'o๑๒ ข้อมูลบนเว็บไซต์ไม่เป็นปัจจุบัน', ''], true],
    [['ที่', 'มาตรการ', 'ระยะเวลา', 'ผู้รับผิดชอบ'], false],
    [['', '๑', '๒', '๓', '๔'], false],
  ])('%j → %s', (cells, data) => {
    expect(looksLikeData(cells)).toBe(data);
  });
});

describe('looksLikeHeader: a data row with ticks or bulleted text is no header (layout6)', () => {
  it('does not take a sub-row naming steps, a status and a budget for a repeated header', () => {
    const row = ['', '✓', '✓', '', 'ทุกส่วนราชการ', '• มีการกำหนดขั้นตอนการขออนุญาตและแนวทางในการขอยืมทรัพย์สินของทางราชการ', 'ดำเนินการแล้วเสร็จ', 'ไม่ใช้งบประมาณ'];
    expect(looksLikeHeader(row)).toBe(false);
    expect(looksLikeHeader(['', '✓', '', 'ขั้นตอนการดำเนินงาน', 'ดำเนินการแล้วเสร็จ', 'งบประมาณ'])).toBe(false);
    expect(looksLikeHeader(['ลำดับ', 'ขั้นตอนการดำเนินงาน', 'ระยะเวลาดำเนินการ', 'งบประมาณ (บาท)'])).toBe(true);
  });
});

describe('header words OCR garbled by more than one letter', () => {
  // a Chromium-printed Google Docs table scanned at 200 dpi: ผู้รับผิดชอบ read "ผู้รับ ดซอบ" (ผิ → ด, ช → ซ); the
  // header was refused and the table gave no entries
  it('a long cue within a quarter of its letters still names its column', () => {
    const header = ['ลำดับ', 'มาตรการ / กิจกรรม', 'พ.ศ. ๒๕ ๖๗', 'พ.ศ. ๒๕ ๖๘', 'ผู้รับ ดซอบ'];
    expect(columnRoles(header)).toEqual(['seq', 'measure', null, null, 'responsible']);
    expect(looksLikeHeader(header)).toBe(true);
  });
  it('but words that share only a start with a cue do not', () => {
    for (const cell of ['ผู้รับบริการ', 'ผู้รับประโยชน์', 'ผลการประชุม']) expect(columnRoles(['ลำดับ', cell])[1]).toBeNull();
  });
});
