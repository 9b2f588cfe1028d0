import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseThaiPeriod, type ThaiPeriod } from '../../src/thai/date.js';
import { toThaiDigits } from '../../src/thai/digits.js';

type Row = [string, Array<Partial<ThaiPeriod>>];
const p = (raw: string, start: string | null, end: string | null, precision: ThaiPeriod['precision'], reversed?: true): ThaiPeriod =>
  reversed ? { raw, start, end, precision, reversed } : { raw, start, end, precision };

describe('parseThaiPeriod: period cells from the corpus', () => {
  it.each<Row>([
    // corpus 000, every spacing seen
    ['ต.ค. ๖๗-ก.ย.๖๘', [p('ต.ค. ๖๗-ก.ย.๖๘', '2024-10', '2025-09', 'month')]],
    ['ต.ค. ๖๗-ก.ย. ๖๘', [p('ต.ค. ๖๗-ก.ย. ๖๘', '2024-10', '2025-09', 'month')]],
    ['ต.ค. ๖๗- ก.ย. ๖๘', [p('ต.ค. ๖๗- ก.ย. ๖๘', '2024-10', '2025-09', 'month')]],
    ['ต.ค. ๖๗- ก.ย.๖๘', [p('ต.ค. ๖๗- ก.ย.๖๘', '2024-10', '2025-09', 'month')]],
    ['<p>ต.ค. ๖๗- ก.ย.๖๘</p>', [p('ต.ค. ๖๗- ก.ย.๖๘', '2024-10', '2025-09', 'month')]],
    ['ถูกต้อง\tต.ค. ๖๗-ก.ย.๖๘\t-', [p('ต.ค. ๖๗-ก.ย.๖๘', '2024-10', '2025-09', 'month')]],
    // corpus 004
    ['ต.ค. ๖๕ ถึง ก.ย. ๖๖', [p('ต.ค. ๖๕ ถึง ก.ย. ๖๖', '2022-10', '2023-09', 'month')]],
    ['<p>ต.ค. ๖๕ ถึง ก.ย. ๖๖</p>', [p('ต.ค. ๖๕ ถึง ก.ย. ๖๖', '2022-10', '2023-09', 'month')]],
    // corpus 001
    ['๑ ตุลาคม พ.ศ.๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖', [p('๑ ตุลาคม พ.ศ.๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖', '2022-10-01', '2023-09-30', 'day')]],
    ['๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖', [p('๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖', '2022-10-01', '2023-09-30', 'day')]],
    [
      'ทุกไตรมาส\t๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖',
      [p('๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖', '2022-10-01', '2023-09-30', 'day')],
    ],
    [
      'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)',
      [
        p('ปีงบประมาณ พ.ศ. ๒๕๖๖', '2022-10', '2023-09', 'month'),
        p('ตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖', '2022-10', '2023-03', 'month'),
      ],
    ],
    // corpus 004
    ['วันที่ 10 – 11 มกราคม 2566 นายสอย ปานแก้ว', [p('10 – 11 มกราคม 2566', '2023-01-10', '2023-01-11', 'day')]],
    ['วันพุธที่ 28 ธันวาคม 2565 อบต.บ้านหม้อ', [p('28 ธันวาคม 2565', '2022-12-28', '2022-12-28', 'day')]],
    ['ประจำปี พ.ศ ๒๕๖๖ โดยเผยแพร่', [p('ปี พ.ศ ๒๕๖๖', '2023', '2023', 'year')]],
    // corpus 000 / 003 single dates
    ['เมื่อวันที่ ๑๘ พ.ย. ๖๗ - มีการเผยแพร่', [p('๑๘ พ.ย. ๖๗', '2024-11-18', '2024-11-18', 'day')]],
    ['ณ วันที่ ๓๑ มีนาคม ๒๕๖๘ ๓. รายงานสรุปผล', [p('๓๑ มีนาคม ๒๕๖๘', '2025-03-31', '2025-03-31', 'day')]],
    [
      'ตามคำสั่งที่ ๑๕/๒๕๖๗ ลงวันที่ ๑๗ พฤศจิกายน ๒๕๖๗',
      [p('๑๗ พฤศจิกายน ๒๕๖๗', '2024-11-17', '2024-11-17', 'day')],
    ],
    // corpus 000 / 003 fiscal years
    ['ในปีงบประมาณ พ.ศ. ๒๕๖๘ ไม่พบ', [p('ปีงบประมาณ พ.ศ. ๒๕๖๘', '2024-10', '2025-09', 'month')]],
    ['ประจำปีงบประมาณ พ.ศ.๒๕๖๘ ๒. รายงาน', [p('ปีงบประมาณ พ.ศ.๒๕๖๘', '2024-10', '2025-09', 'month')]],
    ['ประจำปีงบประมาณ ๒๕๖๗**', [p('ปีงบประมาณ ๒๕๖๗', '2023-10', '2024-09', 'month')]],
    ['ประจำปีงบประมาณฯ ๖๗\t๑) มีแผน', [p('ปีงบประมาณฯ ๖๗', '2023-10', '2024-09', 'month')]],
    ['ที่เกิดขึ้นในปีงบประมาณ ๖๘', [p('ปีงบประมาณ ๖๘', '2024-10', '2025-09', 'month')]],
    ['ประจำปี ๒๕๖๗ ของหน่วยงาน', [p('ปี ๒๕๖๗', '2024', '2024', 'year')]],
  ])('%s', (input, expected) => {
    expect(parseThaiPeriod(input)).toEqual(expected);
  });
});

describe('parseThaiPeriod: quarters and whole years (corpus 003, fiscal year 2568)', () => {
  const ctx = { fiscalYear: 2568 };
  it.each<Row>([
    ['ไตรมาสที่ ๑', [p('ไตรมาสที่ ๑', '2024-10', '2024-12', 'month')]],
    ['ไตรมาสที่ ๒', [p('ไตรมาสที่ ๒', '2025-01', '2025-03', 'month')]],
    ['ไตรมาสที่ ๓', [p('ไตรมาสที่ ๓', '2025-04', '2025-06', 'month')]],
    ['ไตรมาสที่ ๔', [p('ไตรมาสที่ ๔', '2025-07', '2025-09', 'month')]],
    ['ไตรมาสที่ ๑ - ๒', [p('ไตรมาสที่ ๑ - ๒', '2024-10', '2025-03', 'month')]],
    ['ไตรมาสที่ ๑-๒\tนักทรัพยากรบุคคล', [p('ไตรมาสที่ ๑-๒', '2024-10', '2025-03', 'month')]],
    ['ไตรมาสที่ ๑ - ๔', [p('ไตรมาสที่ ๑ - ๔', '2024-10', '2025-09', 'month')]],
    ['ไตรมาส 1-4', [p('ไตรมาส 1-4', '2024-10', '2025-09', 'month')]],
    ['ไตรมาสที่ ๓ และ ๔', [p('ไตรมาสที่ ๓ และ ๔', '2025-04', '2025-09', 'month')]],
    ['ไตรมาสที่ ๒ ถึง ไตรมาสที่ ๓', [p('ไตรมาสที่ ๒ ถึง ไตรมาสที่ ๓', '2025-01', '2025-06', 'month')]],
    [
      'ไตรมาสที่ ๑ และ ๓',
      [p('ไตรมาสที่ ๑', '2024-10', '2024-12', 'month'), p('๓', '2025-04', '2025-06', 'month')],
    ],
    ['ไตรมาสที่ ๔ - ๑', [p('ไตรมาสที่ ๔ - ๑', '2025-07', '2024-12', 'month', true)]],
    ['ไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๖', [p('ไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๖', '2023-01', '2023-03', 'month')]],
    ['ไตรมาสที่ ๑/๒๕๖๗', [p('ไตรมาสที่ ๑/๒๕๖๗', '2023-10', '2023-12', 'month')]],
    ['ดำเนินการตลอดทั้งปี\tเจ้าหน้าที่', [p('ตลอดทั้งปี', '2024-10', '2025-09', 'month')]],
    ['ตลอดปี', [p('ตลอดปี', '2024-10', '2025-09', 'month')]],
    ['ตลอดปีงบประมาณ', [p('ตลอดปีงบประมาณ', '2024-10', '2025-09', 'month')]],
    ['ทั้งปีงบประมาณ', [p('ทั้งปีงบประมาณ', '2024-10', '2025-09', 'month')]],
    ['ตลอดปีงบประมาณ พ.ศ. ๒๕๖๗', [p('ตลอดปีงบประมาณ พ.ศ. ๒๕๖๗', '2023-10', '2024-09', 'month')]],
    [
      'ในปีงบประมาณ พ.ศ. ๒๕๖๘ อย่างต่อเนื่องตลอดทั้งปี',
      [p('ปีงบประมาณ พ.ศ. ๒๕๖๘', '2024-10', '2025-09', 'month'), p('ตลอดทั้งปี', '2024-10', '2025-09', 'month')],
    ],
    // month ranges with no year at all take the fiscal year
    ['ต.ค. – ธ.ค.', [p('ต.ค. – ธ.ค.', '2024-10', '2024-12', 'month')]],
    ['ต.ค. - ก.ย.', [p('ต.ค. - ก.ย.', '2024-10', '2025-09', 'month')]],
    ['มกราคม - มีนาคม', [p('มกราคม - มีนาคม', '2025-01', '2025-03', 'month')]],
  ])('%s', (input, expected) => {
    expect(parseThaiPeriod(input, ctx)).toEqual(expected);
  });

  it.each<Row>([
    ['ไตรมาสที่ ๑ - ๒', [p('ไตรมาสที่ ๑ - ๒', null, null, 'month')]],
    ['ไตรมาสที่ ๓ และ ๔', [p('ไตรมาสที่ ๓ และ ๔', null, null, 'month')]],
    ['ดำเนินการตลอดทั้งปี', [p('ตลอดทั้งปี', null, null, 'month')]],
    ['ต.ค. – ธ.ค.', [p('ต.ค. – ธ.ค.', null, null, 'month')]],
    ['ไตรมาสที่ ๑/๒๕๖๘', [p('ไตรมาสที่ ๑/๒๕๖๘', '2024-10', '2024-12', 'month')]],
  ])('without a fiscal year: %s', (input, expected) => {
    expect(parseThaiPeriod(input)).toEqual(expected);
  });
});

describe('parseThaiPeriod: range forms', () => {
  it.each<Row>([
    ['๑-๓๑ ต.ค. ๒๕๖๖', [p('๑-๓๑ ต.ค. ๒๕๖๖', '2023-10-01', '2023-10-31', 'day')]],
    ['๑ ต.ค. ๖๖-๓๑ มี.ค ๖๗', [p('๑ ต.ค. ๖๖-๓๑ มี.ค ๖๗', '2023-10-01', '2024-03-31', 'day')]],
    ['๑ ต.ค. ๖๖ — ๓๑ มี.ค. ๖๗', [p('๑ ต.ค. ๖๖ — ๓๑ มี.ค. ๖๗', '2023-10-01', '2024-03-31', 'day')]],
    ['๑ ต.ค. ๖๖ ถึงวันที่ ๓๑ มี.ค. ๖๗', [p('๑ ต.ค. ๖๖ ถึงวันที่ ๓๑ มี.ค. ๖๗', '2023-10-01', '2024-03-31', 'day')]],
    [
      'ตั้งแต่วันที่ ๑ ต.ค. ๖๗ จนถึงวันที่ ๓๐ ก.ย. ๖๘',
      [p('๑ ต.ค. ๖๗ จนถึงวันที่ ๓๐ ก.ย. ๖๘', '2024-10-01', '2025-09-30', 'day')],
    ],
    [
      'ตั้งแต่เดือนตุลาคม ๒๕๖๗ จนถึงเดือนกันยายน ๒๕๖๘',
      [p('ตุลาคม ๒๕๖๗ จนถึงเดือนกันยายน ๒๕๖๘', '2024-10', '2025-09', 'month')],
    ],
    [
      'วันเริ่มต้น ๑ ต.ค. ๖๗ วันสิ้นสุด ๓๐ ก.ย. ๖๘',
      [p('วันเริ่มต้น ๑ ต.ค. ๖๗ วันสิ้นสุด ๓๐ ก.ย. ๖๘', '2024-10-01', '2025-09-30', 'day')],
    ],
    [
      'วันเริ่มต้น: ๑ ตุลาคม ๒๕๖๗, วันสิ้นสุด: ๓๐ กันยายน ๒๕๖๘',
      [p('วันเริ่มต้น: ๑ ตุลาคม ๒๕๖๗, วันสิ้นสุด: ๓๐ กันยายน ๒๕๖๘', '2024-10-01', '2025-09-30', 'day')],
    ],
    ['10 – 11 มกราคม 2566', [p('10 – 11 มกราคม 2566', '2023-01-10', '2023-01-11', 'day')]],
    ['ต.ค. – ธ.ค. ๖๗', [p('ต.ค. – ธ.ค. ๖๗', '2024-10', '2024-12', 'month')]],
    ['ตุลาคม – ธันวาคม ๒๕๖๗', [p('ตุลาคม – ธันวาคม ๒๕๖๗', '2024-10', '2024-12', 'month')]],
    // start without a year after its end's month: the year before
    ['ต.ค. - มี.ค. ๖๗', [p('ต.ค. - มี.ค. ๖๗', '2023-10', '2024-03', 'month')]],
    ['๑ ต.ค. - ๓๑ มี.ค. ๖๗', [p('๑ ต.ค. - ๓๑ มี.ค. ๖๗', '2023-10-01', '2024-03-31', 'day')]],
    // end without a year
    ['ต.ค. ๖๗ - ก.ย.', [p('ต.ค. ๖๗ - ก.ย.', '2024-10', '2025-09', 'month')]],
    ['ต.ค. ๖๗ ถึงปัจจุบัน', [p('ต.ค. ๖๗ ถึงปัจจุบัน', '2024-10', null, 'month')]],
    // mixed precision: each end as written, precision the coarser
    ['๑ ต.ค. ๖๗ - ก.ย. ๖๘', [p('๑ ต.ค. ๖๗ - ก.ย. ๖๘', '2024-10-01', '2025-09', 'month')]],
    ['มีนาคม ๒๕๖๘', [p('มีนาคม ๒๕๖๘', '2025-03', '2025-03', 'month')]],
    ['ปีงบประมาณ ๒๕๖๖-๒๕๖๘', [p('ปีงบประมาณ ๒๕๖๖-๒๕๖๘', '2022-10', '2025-09', 'month')]],
    ['ปี พ.ศ. ๒๕๖๕ - ๒๕๖๗', [p('ปี พ.ศ. ๒๕๖๕ - ๒๕๖๗', '2022', '2024', 'year')]],
    ['ตค๖๗-กย๖๘', [p('ตค๖๗-กย๖๘', '2024-10', '2025-09', 'month')]],
    ['ต.ค ๖๗ - ก.ย . ๖๘', [p('ต.ค ๖๗ - ก.ย . ๖๘', '2024-10', '2025-09', 'month')]],
    ['1 Oct: 1 ตุลาคม 2024 – 30 กันยายน 2025', [p('1 ตุลาคม 2024 – 30 กันยายน 2025', '2024-10-01', '2025-09-30', 'day')]],
    // several in one text, in order
    [
      'ไตรมาสที่ ๑ (ต.ค. - ธ.ค. ๖๗) และ ๑๘ พ.ย. ๖๗',
      [p('ต.ค. - ธ.ค. ๖๗', '2024-10', '2024-12', 'month'), p('๑๘ พ.ย. ๖๗', '2024-11-18', '2024-11-18', 'day')],
    ],
  ])('%s', (input, expected) => {
    // quarters have no fiscal year here, so drop their null items from the comparison
    expect(parseThaiPeriod(input).filter((x) => x.start !== null || !x.raw.startsWith('ไตรมาส'))).toEqual(expected);
  });
});

describe('parseThaiPeriod: reversed ranges are reported, not fixed', () => {
  it.each<Row>([
    ['ก.ย. ๖๘ - ต.ค. ๖๗', [p('ก.ย. ๖๘ - ต.ค. ๖๗', '2025-09', '2024-10', 'month', true)]],
    ['๓๑-๑ ต.ค. ๒๕๖๖', [p('๓๑-๑ ต.ค. ๒๕๖๖', '2023-10-31', '2023-10-01', 'day', true)]],
    ['๓๐ กันยายน ๒๕๖๖ – ๑ ตุลาคม ๒๕๖๕', [p('๓๐ กันยายน ๒๕๖๖ – ๑ ตุลาคม ๒๕๖๕', '2023-09-30', '2022-10-01', 'day', true)]],
    ['๑๕ ต.ค. - ๑ ต.ค. ๖๗', [p('๑๕ ต.ค. - ๑ ต.ค. ๖๗', '2024-10-15', '2024-10-01', 'day', true)]],
    ['ปีงบประมาณ ๒๕๖๘-๒๕๖๖', [p('ปีงบประมาณ ๒๕๖๘-๒๕๖๖', '2024-10', '2023-09', 'month', true)]],
    // not reversed at the coarser precision
    ['๑๕ ต.ค. ๖๗ - ต.ค. ๖๗', [p('๑๕ ต.ค. ๖๗ - ต.ค. ๖๗', '2024-10-15', '2024-10', 'month')]],
  ])('%s', (input, expected) => {
    expect(parseThaiPeriod(input)).toEqual(expected);
  });
});

describe('parseThaiPeriod: two-digit years far from the fiscal year are misread numbers', () => {
  it('reads "ต.ค. ๒๓" in a fiscal-2568 report as nothing, not October 2523; near years still read', () => {
    expect(parseThaiPeriod('ต.ค. ๒๓', { fiscalYear: 2568 })).toEqual([]);
    expect(parseThaiPeriod('ต.ค. ๖๗-ก.ย.๖๘', { fiscalYear: 2568 })).toEqual([p('ต.ค. ๖๗-ก.ย.๖๘', '2024-10', '2025-09', 'month')]);
    // without a year to go by, a two-digit year is 25xx
    expect(parseThaiPeriod('ต.ค. ๒๓')[0]?.start).toBe('1980-10');
  });
});

describe('parseThaiPeriod: not periods', () => {
  it.each([
    ['ไตรมาสละ ๑ ครั้ง'], // once a quarter (corpus 001, 003)
    ['ผู้บริหารกำกับติดตามการดำเนินการ ของเจ้าหน้าที่ทุกไตรมาส'],
    ['การเบิกจ่ายเงินที่เป็นเท็จ ตลอดจนบังคับใช้'], // ตลอดจน is not ตลอดปี
    ['ภายในเดือนมีนาคม ๒.ผู้บริหารมีการติดตาม'], // a deadline with no year
    ['ภายในเดือนเมษายน และเดือนตุลาคม ของทุกปี'],
    ['รายงานผู้บริหารทุก ๖ เดือน'],
    ['รอบ ๖ เดือน และรอบ ๑๒ เดือน'],
    ['สมัยสามัญ สมัยที่ 4/2565'],
    ['มีความเห็นว่าหน่วยงาน'],
    ['คะแนน ๘๗.๓๕ คะแนน'],
    ['ตลอดปีการศึกษา'],
    ['1๓.ค. ๒๕๖๖'], // OCR damage: nothing certain
    ['๓๑ ก.พ. ๖๗ - ๓๑ มี.ค. ๖๗'], // an impossible end drops the range
    ['ก.ค.ศ. ๒๕๖๖ และ ก.พ.ร.'],
    ['๑๘ ต.ค.'], // a day with no year
    [''],
  ])('%s', (input) => {
    expect(parseThaiPeriod(input, { fiscalYear: 2568 })).toEqual([]);
  });
});

// ------------------------------------------------------------ corpus regression

const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));
const FY: Record<string, number> = { '000': 2568, '001': 2566, '003': 2568, '004': 2566 };

describe('parseThaiPeriod over the corpus, line by line', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();

  it.each(files)('%s: every raw is a slice, in order, and no range crosses a cell', (file) => {
    const fiscalYear = FY[file.slice(0, 3)];
    for (const line of readFileSync(CORPUS + file, 'utf8').split('\n')) {
      let from = 0;
      for (const item of parseThaiPeriod(line, fiscalYear === undefined ? {} : { fiscalYear })) {
        const at = line.indexOf(item.raw, from);
        expect(at).toBeGreaterThanOrEqual(from);
        from = at + item.raw.length;
        expect(item.raw).not.toContain('\t');
        expect(item.reversed).toBeUndefined();
      }
    }
  });

  it('finds the same distinct periods as before', () => {
    const found = new Set<string>();
    for (const file of files) {
      const fiscalYear = FY[file.slice(0, 3)];
      for (const line of readFileSync(CORPUS + file, 'utf8').split('\n'))
        for (const x of parseThaiPeriod(line, fiscalYear === undefined ? {} : { fiscalYear }))
          found.add(`${file.slice(0, 3)} ${x.raw} ${x.start}..${x.end} ${x.precision}`);
    }
    expect([...found].sort()).toEqual(
      [
        '000 ต.ค. ๖๗-ก.ย.๖๘ 2024-10..2025-09 month',
        '000 ต.ค. ๖๗-ก.ย. ๖๘ 2024-10..2025-09 month',
        '000 ต.ค. ๖๗- ก.ย. ๖๘ 2024-10..2025-09 month',
        '000 ต.ค. ๖๗- ก.ย.๖๘ 2024-10..2025-09 month',
        '000 ปีงบประมาณ พ.ศ. ๒๕๖๘ 2024-10..2025-09 month',
        '000 ปี พ.ศ. ๒๕๖๘ 2025..2025 year',
        '000 ปี ๒๕๖๘ 2025..2025 year',
        '000 ๑๘ ต.ค. ๖๗ 2024-10-18..2024-10-18 day',
        '000 ๑๘ พ.ย. ๖๗ 2024-11-18..2024-11-18 day',
        '000 ๑๘ พ.ย.๖๗ 2024-11-18..2024-11-18 day',
        '001 ตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖ 2022-10..2023-03 month',
        '001 ปีงบประมาณ พ.ศ. ๒๕๖๕ 2021-10..2022-09 month',
        '001 ปีงบประมาณ พ.ศ. ๒๕๖๖ 2022-10..2023-09 month',
        '001 ๑ ตุลาคม พ.ศ.๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖ 2022-10-01..2023-09-30 day',
        '001 ๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖ 2022-10-01..2023-09-30 day',
        '003 ตลอดทั้งปี 2024-10..2025-09 month',
        '003 ไตรมาสที่ ๑ 2024-10..2024-12 month',
        '003 ไตรมาสที่ ๑-๒ 2024-10..2025-03 month',
        '003 ไตรมาสที่ ๑ - ๒ 2024-10..2025-03 month',
        '003 ไตรมาสที่ ๑ - ๔ 2024-10..2025-09 month',
        '003 ปีงบประมาณฯ ๖๗ 2023-10..2024-09 month',
        '003 ปีงบประมาณ พ.ศ. ๒๕๖๗ 2023-10..2024-09 month',
        '003 ปีงบประมาณ พ.ศ. ๒๕๖๘ 2024-10..2025-09 month',
        '003 ปีงบประมาณ พ.ศ.๒๕๖๘ 2024-10..2025-09 month',
        '003 ปีงบประมาณ ๒๕๖๗ 2023-10..2024-09 month',
        '003 ปีงบประมาณ ๒๕๖๘ 2024-10..2025-09 month',
        '003 ปีงบประมาณ ๖๘ 2024-10..2025-09 month',
        '003 ปี พ.ศ. ๒๕๖๘ 2025..2025 year',
        '003 ปี ๒๕๖๗ 2024..2024 year',
        '003 ปี ๒๕๖๘ 2025..2025 year',
        '003 ๑๑ ธันวาคม ๒๕๖๗ 2024-12-11..2024-12-11 day',
        '003 ๑๗ พฤศจิกายน ๒๕๖๗ 2024-11-17..2024-11-17 day',
        '003 ๓๑ มีนาคม ๒๕๖๘ 2025-03-31..2025-03-31 day',
        '004 10 – 11 มกราคม 2566 2023-01-10..2023-01-11 day',
        '004 28 ธันวาคม 2565 2022-12-28..2022-12-28 day',
        '004 ต.ค. ๖๕ ถึง ก.ย. ๖๖ 2022-10..2023-09 month',
        '004 ปีงบประมาณ พ.ศ.๒๕๖๕ 2021-10..2022-09 month',
        '004 ปีงบประมาณ พ.ศ.๒๕๖๖ 2022-10..2023-09 month',
        '004 ปี พ.ศ. ๒๕๖๕ 2022..2022 year',
        '004 ปี พ.ศ ๒๕๖๖ 2023..2023 year',
      ].sort(),
    );
  });
});

// ------------------------------------------------------------ properties

const ABBR = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const FULL = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const ceDate = fc
  .record({ y: fc.integer({ min: 1957, max: 2056 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d);
type D = { y: number; m: number; d: number };
const iso = ({ y, m, d }: D): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const write = ({ y, m, d }: D, full: boolean, short: boolean): string =>
  toThaiDigits(`${d} ${full ? FULL[m - 1] : ABBR[m - 1]} ${short ? String((y + 543) % 100).padStart(2, '0') : y + 543}`);

describe('parseThaiPeriod: properties', () => {
  it('reads back any written day range, flagging it reversed exactly when it ends first', () => {
    fc.assert(
      fc.property(
        ceDate,
        ceDate,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(' - ', '-', ' – ', ' ถึง ', ' จนถึงวันที่ ', ' — '),
        (a, b, full, short, sep) => {
          const raw = `${write(a, full, short)}${sep}${write(b, !full, short)}`;
          const got = parseThaiPeriod(`ระยะเวลา ${raw}\tผู้รับผิดชอบ`);
          const reversed = iso(a) > iso(b);
          expect(got).toEqual([p(raw, iso(a), iso(b), 'day', reversed ? true : undefined)]);
        },
      ),
    );
  });

  it('resolves every quarter inside its fiscal year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2444, max: 2743 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (fy, q1, q2) => {
        const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1];
        const [got] = parseThaiPeriod(toThaiDigits(`ไตรมาสที่ ${lo} - ${hi}`), { fiscalYear: fy });
        expect(got?.start && got.end).toBeTruthy();
        expect(`${got!.start}-01` >= `${fy - 544}-10-01`).toBe(true);
        expect(`${got!.end}-01` <= `${fy - 543}-09-01`).toBe(true);
        expect(got!.start! <= got!.end!).toBe(true);
      }),
    );
  });

  it('never throws; raws are ordered slices; start ≤ end unless reversed', () => {
    const unit = fc.constantFrom(
      ...'0123456789๐๑๒๓๔๕๖๗๘๙ .-–/\t'.split(''),
      'ม.ค.', 'ก.พ', 'มี', 'ค', 'ต.ค.', 'ก.ย.', 'พ.ศ.', 'ปี', 'ปีงบประมาณ', 'ไตรมาสที่', 'และ', 'ถึง', 'วันที่', 'ตลอดทั้งปี', 'ตุลาคม', 'วันสิ้นสุด',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit, maxLength: 30 })), fc.option(fc.integer({ min: 2400, max: 2800 })), (s, fy) => {
        const got = parseThaiPeriod(s, fy === null ? {} : { fiscalYear: fy });
        let from = 0;
        for (const x of got) {
          const at = s.indexOf(x.raw, from);
          expect(at).toBeGreaterThanOrEqual(from);
          from = at + 1;
          if (x.start !== null && x.end !== null && !x.reversed) {
            const n = { day: 10, month: 7, year: 4 }[x.precision];
            expect(x.start.slice(0, n) <= x.end.slice(0, n)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  // no wall-clock threshold: on 1.7 M characters anything quadratic would take hours, so the test's own
  // time limit tells linear from not on any machine
  it('runs over a long document in linear time', { timeout: 60_000 }, () => {
    const line = 'ต.ค. ๖๗-ก.ย.๖๘ ไตรมาสที่ ๑ - ๒ มีความ ๑๑๑๑๑๑ ....---- พ.ศ. พ.ศ. ปีปีปี ๑ ๑ ๑ ตตตต.ค.ค.ค ';
    const doc = line.repeat(20_000);
    const got = parseThaiPeriod(doc);
    expect(got.length).toBeGreaterThanOrEqual(20_000);
  });
});

describe('parseThaiPeriod: OCR spacing', () => {
  it('reads "ไตรม าสที่ ๑ - ๒" (a space OCR left inside ไตรมาส) as quarters 1–2', () => {
    expect(parseThaiPeriod('ไตรม าสที่ ๑ - ๒', { fiscalYear: 2567 }).map((x) => [x.start, x.end])).toEqual([['2023-10', '2024-03']]);
  });
});

describe('parseThaiPeriod: "ทุกไตรมาส" as a period (layout6)', () => {
  it('is the whole fiscal year when it is the whole period cell or labelled value', () => {
    expect(parseThaiPeriod('ทุกไตรมาส', { fiscalYear: 2566 })).toEqual([p('ทุกไตรมาส', '2022-10', '2023-09', 'month')]);
    expect(parseThaiPeriod('ระยะเวลา: ทุกไตรมาส', { fiscalYear: 2568 })).toEqual([p('ทุกไตรมาส', '2024-10', '2025-09', 'month')]);
    expect(parseThaiPeriod('ทุกไตรมาส ปีงบประมาณ ๒๕๖๗', { fiscalYear: 2568 })).toEqual([
      p('ทุกไตรมาส ปีงบประมาณ ๒๕๖๗', '2023-10', '2024-09', 'month'),
    ]);
  });
  it('is no period inside running text (how often, not when)', () => {
    expect(parseThaiPeriod('รายงานผลให้ผู้บริหารทราบทุกไตรมาส', { fiscalYear: 2566 })).toEqual([]);
  });
});

describe('parseThaiPeriod: "ทุกเดือน" alone and "ปีงบ ๖๘" (session 11)', () => {
  const spans = (s: string) => parseThaiPeriod(s, { fiscalYear: 2568 }).map((x) => `${x.start}..${x.end}`);
  it('every month, standing alone, is the fiscal year; in running text it is how often', () => {
    expect(spans('ทุกเดือน')).toEqual(['2024-10..2025-09']);
    expect(spans('ระยะเวลา: ทุกเดือน')).toEqual(['2024-10..2025-09']);
    expect(spans('รายงานผลต่อผู้บริหารทุกเดือน')).toEqual([]);
  });
  it('"ปีงบ" short for ปีงบประมาณ before a year', () => {
    expect(spans('ปีงบ 68')).toEqual(['2024-10..2025-09']);
    expect(spans('ปีงบ ๒๕๖๗')).toEqual(['2023-10..2024-09']);
  });
});
