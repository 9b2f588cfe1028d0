import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { indicatorLine, indicatorRow, isIndicatorHeader, looksLikeIndicatorRows, summaryRow, toolOfCell, toolOfIndicator } from '../../src/ita/indicators.js';
import { paragraph } from '../../src/model/blocks.js';
import { walkBody } from '../../src/ita/body.js';
import { cell, position, row, table } from '../../src/model/blocks.js';
import { toThaiDigits } from '../../src/thai/digits.js';
import type { IndicatorScore, Tool } from '../../src/model/schema.js';

/** The ten indicators of the ITA, by number. */
const INDICATORS: Array<[number, Tool, string]> = [
  [1, 'IIT', 'การปฏิบัติหน้าที่'],
  [2, 'IIT', 'การใช้งบประมาณ'],
  [3, 'IIT', 'การใช้อำนาจ'],
  [4, 'IIT', 'การใช้ทรัพย์สินของราชการ'],
  [5, 'IIT', 'การแก้ไขปัญหาการทุจริต'],
  [6, 'EIT', 'คุณภาพการดำเนินงาน'],
  [7, 'EIT', 'ประสิทธิภาพการสื่อสาร'],
  [8, 'EIT', 'การปรับปรุงการทำงาน'],
  [9, 'OIT', 'การเปิดเผยข้อมูล'],
  [10, 'OIT', 'การป้องกันการทุจริต'],
];

describe('toolOfCell', () => {
  it.each<[string, Tool | null]>([
    ['IIT', 'IIT'],
    ['EIT', 'EIT'],
    ['OIT', 'OIT'],
    // the tools' headings in 004
    ['ข้อเสนอแนะสำหรับการประเมินตามแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment: IIT)', 'IIT'],
    ['ข้อเสนอแนะสำหรับการประเมินตามแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment: EIT)', 'EIT'],
    ['ข้อเสนอแนะสำหรับการประเมินตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT)', 'OIT'],
    // Thai names alone
    ['แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', 'IIT'],
    ['ภายนอก', 'EIT'],
    ['แบบวัดการเปิดเผยข้อมูลสาธารณะ', 'OIT'],
    // indicator names that name no tool
    ['การปฏิบัติหน้าที่', null],
    ['คุณภาพการดำเนินงาน', null],
    ['การแก้ไขปัญหาการทุจริต', null],
    // not the word IIT
    ['IITs', null],
    ['', null],
  ])('%s → %s', (text, tool) => {
    expect(toolOfCell(text)).toBe(tool);
  });
});

describe('toolOfIndicator', () => {
  it.each(INDICATORS.map(([n, tool]) => [n, tool] as const))('indicator %i → %s', (n, tool) => {
    expect(toolOfIndicator(n)).toBe(tool);
  });

  it.each([[0], [11], [-1]])('%i is no indicator', (n) => {
    expect(toolOfIndicator(n)).toBeNull();
  });
});

describe('isIndicatorHeader', () => {
  it.each<[string[], boolean]>([
    [['เครื่องมือ', 'ตัวชี้วัด', 'คะแนน'], true],
    [['ตัวชี้วัด', 'ผลคะแนน', 'ระดับ'], true],
    [['ตัวชี้วัด', 'คะแนนที่ได้ (ปี ๒๕๖๗)'], true],
    [['ลำดับ', 'ตัวชี้วัด', 'ผลการประเมิน (คะแนน)'], true],
    [['Indicator', 'Score'], true],
    // measure tables of the corpus
    [['ประเด็นที่เป็นข้อบกพร่อง/ จุดอ่อนจากการประเมิน', 'มาตรการ/โครงการ หรือกิจกรรม', 'ขั้นตอนหรือวิธีการปฏิบัติ', 'ช่วงระยะเวลา ในการดำเนินการ', 'ผู้รับผิดชอบ', 'ข้อจำกัดของหน่วยงาน'], false],
    [['ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา', 'ผู้รับผิดชอบ', 'ขั้นตอนหรือวิธีการ/มาตรการ', 'การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ', 'การดำเนินการ'], false],
    [['ลำดับ', 'มาตรการ/กิจกรรม', 'ระยะเวลาในการดำเนินการ', 'ผู้รับผิดชอบ', 'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม', 'ผลลัพธ์หรือความสำเร็จในการดำเนินการ'], false],
    // a measures table with a success indicator column
    [['มาตรการ', 'ตัวชี้วัดความสำเร็จ', 'คะแนน'], false],
    [['ตัวชี้วัด', 'ค่าเป้าหมาย'], false],
    // a measure table with an indicator column and a score column (row-score.ts's layouts)
    [['ที่', 'ตัวชี้วัดที่', 'สถานะ', 'ผู้ดำเนินการ', 'กิจกรรม', 'ผลคะแนน', 'ประเด็นที่ต้องพัฒนา', 'ระยะเวลาดำเนินการ'], false],
    [['ลำดับ', 'ตัวชี้วัดการประเมิน', 'คะแนน', 'แนวทาง', 'ห้วงเวลา'], false],
  ])('%j → %s', (cells, expected) => {
    expect(isIndicatorHeader(cells)).toBe(expected);
  });
});

describe('indicatorRow', () => {
  it.each<[string[], Tool | null, IndicatorScore | null]>([
    // tool, "ตัวชี้วัดที่ n name", score
    [['IIT', 'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', '๙๕.๑๑'], null, { tool: 'IIT', indicator: 1, name: 'การปฏิบัติหน้าที่', score: 95.11 }],
    [['IIT', 'ตัวชี้วัดที่ ๒ การใช้งบประมาณ', '๘๙'], null, { tool: 'IIT', indicator: 2, name: 'การใช้งบประมาณ', score: 89 }],
    [
      ['แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)', 'ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต', '๘๙.๑๔'],
      null,
      { tool: 'IIT', indicator: 5, name: 'การแก้ไขปัญหาการทุจริต', score: 89.14 },
    ],
    [
      ['แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)', 'ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร', '๘๕.๒๐'],
      null,
      { tool: 'EIT', indicator: 7, name: 'ประสิทธิภาพการสื่อสาร', score: 85.2 },
    ],
    // tool inherited from the row above (merged cell)
    [['', 'ตัวชี้วัดที่ ๒ การใช้งบประมาณ', '๙๐.๒๕'], 'IIT', { tool: 'IIT', indicator: 2, name: 'การใช้งบประมาณ', score: 90.25 }],
    [['', 'ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน', '๘๓.๔๐'], 'EIT', { tool: 'EIT', indicator: 8, name: 'การปรับปรุงการทำงาน', score: 83.4 }],
    [['', 'ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต', '๙๓.๗๕'], 'OIT', { tool: 'OIT', indicator: 10, name: 'การป้องกันการทุจริต', score: 93.75 }],
    [['', '๗', 'ประสิทธิภาพการสื่อสาร', '๘๘.๑๒'], 'EIT', { tool: 'EIT', indicator: 7, name: 'ประสิทธิภาพการสื่อสาร', score: 88.12 }],
    // the tool from the indicator number when no row states it
    [['๑', 'การปฏิบัติหน้าที่', '๙๕.๑๑'], null, { tool: 'IIT', indicator: 1, name: 'การปฏิบัติหน้าที่', score: 95.11 }],
    [['1', 'การปฏิบัติหน้าที่', '95.11'], null, { tool: 'IIT', indicator: 1, name: 'การปฏิบัติหน้าที่', score: 95.11 }],
    [['ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต', '๘๕.๐๐'], null, { tool: 'OIT', indicator: 10, name: 'การป้องกันการทุจริต', score: 85 }],
    [['ตัวชี้วัดที่ 1๐ การป้องกันการทุจริต', '๘๕.๐๐'], null, { tool: 'OIT', indicator: 10, name: 'การป้องกันการทุจริต', score: 85 }],
    [['EIT', '๖', 'คุณภาพการดำเนินงาน', '๙๐.๕๘'], null, { tool: 'EIT', indicator: 6, name: 'คุณภาพการดำเนินงาน', score: 90.58 }],
    // whole scores, a level column
    [['IIT', '๑', 'การปฏิบัติหน้าที่', '๑๐๐'], null, { tool: 'IIT', indicator: 1, name: 'การปฏิบัติหน้าที่', score: 100 }],
    [['IIT', '๓', 'การใช้อำนาจ', '๘๘'], null, { tool: 'IIT', indicator: 3, name: 'การใช้อำนาจ', score: 88 }],
    [['ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ', '๑๐๐'], 'IIT', { tool: 'IIT', indicator: 4, name: 'การใช้ทรัพย์สินของราชการ', score: 100 }],
    [['IIT', 'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', '๙๕.๑๑', 'AA'], null, { tool: 'IIT', indicator: 1, name: 'การปฏิบัติหน้าที่', score: 95.11 }],
    [['๕', 'การแก้ไขปัญหาการทุจริต', '๑๐๐', 'AA'], null, { tool: 'IIT', indicator: 5, name: 'การแก้ไขปัญหาการทุจริต', score: 100 }],
    // not indicator rows
    [['ตัวชี้วัด', 'คะแนน'], null, null],
    [['คะแนนรวม', '๙๒.๖๙'], 'OIT', null],
    [['การปฏิบัติหน้าที่', ''], null, null],
    [['', '', ''], 'IIT', null],
  ])('%j (above: %s)', (cells, above, expected) => {
    expect(indicatorRow(cells, above)).toEqual(expected);
  });
});

describe('indicator score tables in the body', () => {
  const at = (line: number) => position(null, line);
  const tableOf = (rows: string[][]) =>
    table(
      rows.map((cells, i) => row(cells.map((c) => cell(c ? [c] : [])), at(i + 1), i === 0)),
      at(1),
    );

  it('reads every row, a merged tool cell carrying down to the rows below it', () => {
    const t = tableOf([
      ['เครื่องมือ', 'ตัวชี้วัด', 'คะแนน'],
      ['IIT', 'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', '๙๕.๑๑'],
      ['', 'ตัวชี้วัดที่ ๒ การใช้งบประมาณ', '๙๐.๒๕'],
      ['', 'ตัวชี้วัดที่ ๓ การใช้อำนาจ', '๙๒.๐๐'],
      ['', 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ', '๘๘.๗๕'],
      ['', 'ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต', '๘๙.๑๔'],
      ['EIT', 'ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน', '๙๐.๕๘'],
      ['', 'ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร', '๘๕.๒๐'],
      ['', 'ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน', '๘๓.๔๐'],
      ['OIT', 'ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต', '๙๓.๗๕'],
      ['คะแนนรวม', '', '๙๐.๑๒'],
    ]);
    const body = walkBody([t], 2567);
    expect(body.indicatorScores.map((s) => [s.tool, s.indicator, s.score])).toEqual([
      ['IIT', 1, 95.11],
      ['IIT', 2, 90.25],
      ['IIT', 3, 92],
      ['IIT', 4, 88.75],
      ['IIT', 5, 89.14],
      ['EIT', 6, 90.58],
      ['EIT', 7, 85.2],
      ['EIT', 8, 83.4],
      ['OIT', 10, 93.75],
    ]);
    // an indicator table gives no entries
    expect(body.entries).toEqual([]);
    // its total row is the overall score; no level row, no level
    expect(body.tableAssessment).toEqual({ overallScore: 90.12, level: null });
  });

  it('takes the overall score and the level from the closing rows, the latest year of two', () => {
    const t = tableOf([
      ['ตัวชี้วัด', 'คะแนน ปี ๒๕๖๕', 'คะแนน ปี ๒๕๖๖'],
      ['ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', '๘๘.๑๐', '๙๕.๑๑'],
      ['ตัวชี้วัดที่ ๒ การใช้งบประมาณ', '๗๐.๐๐', '๙๐.๒๕'],
      ['คะแนนรวม', '๘๑.๒๐', '๙๒.๖๙'],
      ['ระดับผลการประเมิน', 'B', 'A'],
    ]);
    const body = walkBody([t], 2567);
    expect(body.indicatorScores.map((s) => [s.indicator, s.score])).toEqual([
      [1, 95.11],
      [2, 90.25],
    ]);
    expect(body.tableAssessment).toEqual({ overallScore: 92.69, level: 'A' });
    expect(body.entries).toEqual([]);
  });

  it('reads the rows a PDF set apart: the body after a header printed alone, the last rows carried onto the next table', () => {
    // the reader marks header rows; the rows carried over are not
    const plain = (rows: string[][]) => table(rows.map((cells, i) => row(cells.map((c) => cell(c ? [c] : [])), at(i + 1), false)), at(1));
    const header = tableOf([['ตัวชี้วัด', 'คะแนน ปี ๒๕๖๗', 'คะแนน ปี ๒๕๖๘']]);
    const body = plain([
      ['ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', '๗๑.๖๖', '๗๙.๘๐'],
      ['ตัวชี้วัดที่ ๒ การใช้งบประมาณ', '๖๕.๙๒', '๙๑.๒๕'],
    ]);
    // the next page: indicator 10 and the total, then the measures' header (two rows, merged) and a measure
    const next = plain([
      ['ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต', '', '๘๐.๐๘', ''],
      ['คะแนนรวม', '', '๘๗.๕๑', ''],
      ['ลำดับ', 'มาตรการ/กิจกรรม', 'ผู้รับผิดชอบ', 'ระยะเวลา'],
      ['๑', 'ปรับปรุงคุณภาพการดำเนินงานหรือการบริการ', 'งานประชาสัมพันธ์', 'ไตรมาส ๒'],
    ]);
    const out = walkBody([header, body, next], 2569);
    expect(out.indicatorScores.map((x) => [x.indicator, x.score])).toEqual([
      [1, 79.8],
      [2, 91.25],
      [10, 80.08],
    ]);
    expect(out.tableAssessment.overallScore).toBe(87.51);
    expect(out.entries.map((e) => e.seq)).toEqual([1]);
  });

  it('reads indicator scores written as lines of prose, and makes no entries of them', () => {
    const at = (line: number) => position(null, line);
    const body = walkBody(
      [
        paragraph('ผลคะแนนการประเมินจำแนกตามตัวชี้วัด', at(1)),
        paragraph('ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนน ๙๕.๑๑ คะแนน', at(2)),
        paragraph('- ตัวชี้วัดที่ ๒ การใช้งบประมาณ ๙๐.๒๕ คะแนน', at(3)),
        paragraph('ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต ๑๐๐ คะแนน', at(4)),
      ],
      2567,
    );
    expect(body.indicatorScores).toEqual([
      { tool: 'IIT', indicator: 1, name: 'การปฏิบัติหน้าที่', score: 95.11 },
      { tool: 'IIT', indicator: 2, name: 'การใช้งบประมาณ', score: 90.25 },
      { tool: 'OIT', indicator: 10, name: 'การป้องกันการทุจริต', score: 100 },
    ]);
    expect(body.entries).toEqual([]);
  });
});

describe('an indicator column in a measure table', () => {
  const at = (line: number) => position(null, line);
  const tableOf = (rows: string[][]) => table(rows.map((cells, i) => row(cells.map((c) => cell(c ? [c] : [])), at(i + 1), i === 0)), at(1));

  it.each([
    ['indicator names', ['ตัวชี้วัดที่ ๓ การใช้อำนาจ', 'ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร', '-']],
    ['tools', ['IIT', 'EIT', '']],
  ])('is the indicator field, and the codes are read from the cause column (%s)', (_, indicators) => {
    const t = tableOf([
      ['ลำดับ', 'ตัวชี้วัดหลัก', 'สาเหตุ', 'กิจกรรม', 'ผู้รับผิดชอบ', 'ระยะเวลาดำเนินการ'],
      ['๑', indicators[0]!, 'ข้อ I๙ บุคลากรบางรายมีการขอยืมทรัพย์สินของทางราชการ', 'จัดทำแผนปฏิบัติการป้องกันการทุจริต', 'กองคลัง', 'ต.ค. ๖๘ - มี.ค. ๖๙'],
      ['๒', indicators[1]!, 'ช่องทางการเผยแพร่ข้อมูลเข้าถึงได้ยาก (ข้อ E๑๓)', 'ปรับปรุงเว็บไซต์ของหน่วยงาน', 'สำนักปลัด', 'ม.ค. ๖๙'],
      ['๓', indicators[2]!, 'o๒๒ ถึง o๒๔ ข้อมูลไม่เป็นปัจจุบัน', 'เผยแพร่ข้อมูลให้ครบถ้วน', 'กองช่าง', 'ก.ย. ๖๙'],
    ]);
    const body = walkBody([t], 2569);
    expect(body.entries.map((e) => e.itemCodes.map((c) => c.code))).toEqual([['i9'], ['e13'], ['o22', 'o23', 'o24']]);
    expect(body.entries[0]!.fields.indicator).toBe(indicators[0]);
    expect(body.entries[0]!.fields.issue).toBeUndefined();
  });

  it('stays an issue column when its cells are issues', () => {
    const t = tableOf([
      ['ลำดับ', 'ตัวชี้วัด', 'กิจกรรม', 'ผู้รับผิดชอบ'],
      ['๑', 'ข้อ I๙ บุคลากรบางรายมีการขอยืมทรัพย์สินของทางราชการ', 'จัดทำแผนปฏิบัติการป้องกันการทุจริต', 'กองคลัง'],
      ['๒', 'ตัวชี้วัดที่ ๓ การใช้อำนาจ', 'ปรับปรุงเว็บไซต์ของหน่วยงาน', 'สำนักปลัด'],
    ]);
    const body = walkBody([t], 2569);
    expect(body.entries[0]!.fields.issue).toMatch(/^ข้อ I๙/);
    expect(body.entries[0]!.itemCodes.map((c) => c.code)).toEqual(['i9']);
  });
});

describe('indicatorLine', () => {
  it.each<[string, [number, number] | null]>([
    ['ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต ได้คะแนน ๘๙.๑๔ คะแนน', [5, 89.14]],
    ['• ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร : 85.20', [7, 85.2]],
    ['ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ได้ ๑๐๐ คะแนน', [9, 100]],
    // a sub-indicator is not one of the ten
    ['ตัวชี้วัดที่ ๑๐.๑ การดำเนินการเพื่อป้องกันการทุจริต ๑๐๐ คะแนน', null],
    // a paragraph that goes on after the score is an item's discussion, not a score line
    ['ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนน ๙๕.๑๑ ระดับ AA', null],
    ['ตัวชี้วัดที่ ๒ การใช้งบประมาณ ได้คะแนน ๗๐.๐๐ คะแนน ควรจัดทำแผนการใช้จ่ายงบประมาณประจำปีและเผยแพร่', null],
    // no indicator 11; no score above 100
    ['ตัวชี้วัดที่ ๑๑ อื่น ๆ ๙๐.๐๐ คะแนน', null],
    ['ตัวชี้วัดที่ ๓ การใช้อำนาจ ๑๒๐ คะแนน', null],
    ['ข้อ i13 ได้คะแนน ๙๕.๑๑ คะแนน', null],
  ])('%s', (text, expected) => {
    const r = indicatorLine(text);
    expect(r === null ? null : [r.indicator, r.score]).toEqual(expected);
  });
});

describe('summaryRow', () => {
  it.each<[string[], { overallScore: number | null; level: string | null }]>([
    [['คะแนนรวม', '๙๒.๖๙'], { overallScore: 92.69, level: null }],
    [['คะแนนเฉลี่ย', '', '๘๗.๕๐'], { overallScore: 87.5, level: null }],
    [['รวม', '80.10', '91.00'], { overallScore: 91, level: null }],
    [['ระดับผลการประเมิน', 'ผ่าน'], { overallScore: null, level: 'ผ่าน' }],
    [['ผลการประเมิน', '"ไม่ผ่าน"'], { overallScore: null, level: 'ไม่ผ่าน' }],
    [['ระดับ', 'B', 'AA'], { overallScore: null, level: 'AA' }],
    // an indicator's row or a word that is no level states neither
    [['ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', '๙๕.๑๑'], { overallScore: null, level: null }],
    [['ระดับ', 'ดีมาก'], { overallScore: null, level: null }],
    [['คะแนนรวม', '๔๕๐'], { overallScore: null, level: null }],
  ])('%j', (cells, expected) => {
    expect(summaryRow(cells)).toEqual(expected);
  });
});

// ------------------------------------------------------------------ properties

describe('properties', () => {
  // indicator 9 is left out: its name (การเปิดเผยข้อมูล) is also the OIT tool's name, a known open case
  const indicator = fc.constantFrom(...INDICATORS.filter(([n]) => n !== 9));
  const score = fc.integer({ min: 1, max: 10000 }).map((n) => n / 100);
  const digits = (s: string, thai: boolean) => (thai ? toThaiDigits(s) : s);

  it('a row "ตัวชี้วัดที่ n name | score" gives n, the name, the score and the tool of n', () => {
    fc.assert(
      fc.property(indicator, score, fc.boolean(), ([n, tool, name], s, thai) => {
        const cells = [`ตัวชี้วัดที่ ${digits(String(n), thai)} ${name}`, digits(s.toFixed(2), thai)];
        expect(indicatorRow(cells, null)).toEqual({ tool, indicator: n, name, score: s });
      }),
    );
  });

  it('a row that states its tool keeps it, whatever the row above said', () => {
    fc.assert(
      fc.property(indicator, score, fc.constantFrom<Tool | null>('IIT', 'EIT', 'OIT', null), ([n, tool, name], s, above) => {
        const r = indicatorRow([tool, `ตัวชี้วัดที่ ${n} ${name}`, s.toFixed(2)], above);
        expect(r?.tool).toBe(tool);
        expect(r?.indicator).toBe(n);
      }),
    );
  });
});

describe('an indicator number the row contradicts (OCR)', () => {
  // the stock Thai model lacks ๖ ๗ ๘ ๙ and drops a ๑: "ตัวชี้วัดที่ ๑๐" comes out "ตัวชี้วัดที่ ๐", ๖ as ๒
  it.each(INDICATORS)('indicator %i: its name outranks a number outside 1–10 or a different one', (n, tool, name) => {
    const wrong = n === 1 ? 5 : 1;
    for (const number of [0, 11, wrong]) {
      expect(indicatorRow([`ตัวชี้วัดที่ ${toThaiDigits(String(number))} ${name}`, '๘๕.๑๑'], null)).toEqual({ tool, indicator: n, name, score: 85.11 });
      expect(indicatorRow([toThaiDigits(String(number)), name, '๘๕.๑๑'], null)).toMatchObject({ tool, indicator: n, score: 85.11 });
      expect(indicatorLine(`ตัวชี้วัดที่ ${toThaiDigits(String(number))} ${name} ได้คะแนน ๘๕.๑๑ คะแนน`)).toMatchObject({ tool, indicator: n, score: 85.11 });
    }
  });
  it('a name read through one wrong letter still names it', () => {
    expect(indicatorRow(['ตัวชี้วัดที่ ๐ การป้องกันการทุจรีต', '๙๒.๕๗'], null)).toMatchObject({ indicator: 10, tool: 'OIT' });
  });
  it('a number outside 1–10 with no indicator name is no row (never indicator 0)', () => {
    expect(indicatorRow(['ตัวชี้วัดที่ ๐ เรื่องอื่น', '๙๒.๕๗'], null)).toBeNull();
    expect(indicatorRow(['ตัวชี้วัดที่ ๑๒', '๙๒.๕๗'], null)).toBeNull();
  });
  it('a name of no indicator leaves a valid number alone', () => {
    expect(indicatorRow(['ตัวชี้วัดที่ ๓ ด้านการบริหารงานทั่วไป', '๙๒.๕๗'], null)).toMatchObject({ indicator: 3, tool: 'IIT' });
  });
});

describe('indicator score tables as OCR leaves them', () => {
  // hand-written held-out h1 printed and scanned 1-bit: the table's header and rows as read (its ้ lost, scores garbled)
  const rows = [
    ['เห้', '1', 'การปฏิบัติหน้าที่', '๓๒๕'],
    ['', '2', 'การใช้งบประมาณ', 'ส๘๕.๖๐'],
    ['', '3', 'การใช้อำนาจ', 'ส่ส่.๐'],
    ['', '4', 'การใช้ทรัพย์สินของราชการ', '๘๒.๑๕'],
    ['', '5', 'การแก้ไขปัญหาการทุจริต', 'ส๘๗๕๐'],
    ['๒ท', '6', 'คุณภาพการดำเนินงานฑ', 'ต๑๗๕'],
    ['', '7', 'ประสิทธิภาพการ ง ง', '๕๕.๓๐'],
    ['คะแนนรวม', '', 'ญมแ--', '๘่๙.๑๒'],
  ];
  it('a header whose ตัวชี้วัด lost its tone mark is still an indicator header', () => {
    expect(isIndicatorHeader(['แบบวัด', 'ตัวชีวัดที่', 'ชื่อตัวชีวัด', 'คะแนน'])).toBe(true);
  });
  it('rows naming indicators make an indicator table when the header is gone; their readable scores are read, the rest give no entry', () => {
    expect(looksLikeIndicatorRows(rows)).toBe(true);
    const t = table([['ก ข ค', 'งจฉ', 'ชซฌ', 'ญฎ'], ...rows].map((cells, i) => row(cells.map((c) => cell(c ? [c] : [])), position(1, i + 1), false)), position(1, 1));
    const body = walkBody([t], 2568);
    expect(body.entries).toEqual([]);
    expect(body.indicatorScores.map((s) => [s.indicator, s.score])).toEqual([[4, 82.15], [7, 55.3]]);
  });
  it('a measure table is not one: its rows hold their measure', () => {
    const measures = rows.map((r) => [r[1]!, `${r[2]} จัดทำคู่มือการปฏิบัติงานและเผยแพร่บนเว็บไซต์ของหน่วยงานทุกไตรมาส`, 'ต.ค. ๖๗ - ก.ย. ๖๘', 'สำนักปลัด']);
    expect(looksLikeIndicatorRows(measures)).toBe(false);
  });
});
