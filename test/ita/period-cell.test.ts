import { describe, expect, it } from 'vitest';
import { twoLinePeriod } from '../../src/ita/period-cell.js';
import { recognise } from '../../src/ita/recognise.js';
import { readText } from '../../src/readers/text.js';
import { parseThaiPeriod } from '../../src/thai/date.js';

/** The cell's periods as the table reads them: the joined range when there is one, else the text as it is. */
const read = (cell: string, fy = 2569) =>
  parseThaiPeriod(twoLinePeriod(cell, fy) ?? cell, { fiscalYear: fy }).map((p) => [p.start?.slice(0, 7), p.end?.slice(0, 7)]);

describe('a period cell with its start and its end on two lines', () => {
  it.each([
    ['a dash after the start', 'พ.ค. ๖๙ –\nมิ.ย. ๖๙', [['2026-05', '2026-06']]],
    ['ตั้งแต่ … / ถึง …', 'ตั้งแต่ ๑ พ.ค. ๒๕๖๙\nถึง ๓๑ พฤษภาคม ๒๕๖๙', [['2026-05', '2026-05']]],
    ['เริ่ม … / สิ้นสุด …', 'เริ่ม เม.ย. ๖๙\nสิ้นสุด พ.ค. ๖๙', [['2026-04', '2026-05']]],
    ['the start word closed up by wrap repair', 'เริ่มเม.ย. ๖๙\nสิ้นสุด พ.ค. ๖๙', [['2026-04', '2026-05']]],
    ['two dates alone', '1 ต.ค. 2568\n31 มี.ค. 2569', [['2025-10', '2026-03']]],
    ['two dates whose line break became a space (HTML <br>)', '1 ต.ค. 2568 31 มี.ค. 2569', [['2025-10', '2026-03']]],
    // a cell too narrow for "สิ้นสุด" broke it in two, the lines joined with a space (Chromium PDF, word a line)
    ['เริ่ม … / สิ้น สุด … (the end word broken by a narrow cell)', 'เริ่ม ธ.ค.68 สิ้น สุด ม.ค.69', [['2025-12', '2026-01']]],
    ['ตั้ง แต่ … / จน ถึง … (both words broken)', 'ตั้ง แต่ ๑ ต.ค. ๖๘ จน ถึง ๓๑ ธ.ค. ๖๘', [['2025-10', '2025-12']]],
  ])('%s is one range', (_name, cell, want) => {
    expect(read(cell)).toEqual(want);
  });

  it.each([
    ['an end before the start', 'มิ.ย. ๖๙\nต.ค. ๖๘', 2],
    ['a range and a month', 'ต.ค. - ธ.ค. ๖๘\nม.ค. ๖๙', 2],
    ['two quarters', 'ไตรมาส ๑\nไตรมาส ๓', 2],
    ['words between the dates', 'ภายในเดือนมีนาคม ๒๕๖๙\nและกันยายน ๒๕๖๙', 2],
  ])('%s stays as written', (_name, cell, n) => {
    expect(twoLinePeriod(cell, 2569)).toBeNull();
    expect(read(cell)).toHaveLength(n);
  });

  it('through the table: one period whose raw text is the cell, not two', () => {
    const text = [
      'ประจำปีงบประมาณ พ.ศ. ๒๕๖๙',
      '',
      'ลำดับ\tมาตรการ\tระยะเวลาดำเนินการ\tผู้รับผิดชอบ',
      '๑\tจัดทำคู่มือการปฏิบัติงานและเผยแพร่บนเว็บไซต์\t<p>ตั้งแต่ ๑ ต.ค. ๒๕๖๘</p><p>ถึง ๓๑ มี.ค. ๒๕๖๙</p>\tสำนักปลัด',
      '๒\tประชาสัมพันธ์ช่องทางการร้องเรียนการทุจริต\t<p>เม.ย. ๖๙ -</p><p>ก.ย. ๖๙</p>\tกองคลัง',
    ].join('\n');
    const doc = recognise(readText(text).blocks);
    expect(doc.entries.map((e) => e.periods.map((p) => [p.raw, p.start, p.end]))).toEqual([
      [['ตั้งแต่ ๑ ต.ค. ๒๕๖๘ ถึง ๓๑ มี.ค. ๒๕๖๙', '2025-10-01', '2026-03-31']],
      [['เม.ย. ๖๙ - ก.ย. ๖๙', '2026-04', '2026-09']],
    ]);
  });
});
