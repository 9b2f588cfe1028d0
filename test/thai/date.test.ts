import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fiscalYear, parseThaiDate } from '../../src/thai/date.js';
import { toThaiDigits } from '../../src/thai/digits.js';

const FULL = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const ABBR = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

describe('fiscalYear', () => {
  it.each([
    [2568, { be: 2568, ce: 2025, start: '2024-10-01', end: '2025-09-30' }],
    [2567, { be: 2567, ce: 2024, start: '2023-10-01', end: '2024-09-30' }],
    [2566, { be: 2566, ce: 2023, start: '2022-10-01', end: '2023-09-30' }],
    [2565, { be: 2565, ce: 2022, start: '2021-10-01', end: '2022-09-30' }],
    [2543, { be: 2543, ce: 2000, start: '1999-10-01', end: '2000-09-30' }],
  ])('FY %i', (be, expected) => {
    expect(fiscalYear(be)).toEqual(expected);
  });

  it('starts before it ends and spans 365 or 366 days (366 when it holds 29 Feb)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2444, max: 2743 }), (be) => {
        const fy = fiscalYear(be);
        expect(fy.start < fy.end).toBe(true);
        expect(fy.ce).toBe(be - 543);
        const days = (Date.parse(fy.end) - Date.parse(fy.start)) / 86_400_000 + 1;
        const ce = be - 543;
        const leap = (ce % 4 === 0 && ce % 100 !== 0) || ce % 400 === 0;
        expect(days).toBe(leap ? 366 : 365);
      }),
    );
  });
});

describe('parseThaiDate: dates as written in the corpus', () => {
  it.each([
    // corpus 004: weekday prefix, Arabic digits
    ['วันพุธที่ 28 ธันวาคม 2565 อบต.บ้านหม้อ ประชุมสภา', '2022-12-28', 'day', '28 ธันวาคม 2565'],
    // corpus 004: a day range; the first date is the 10th
    ['วันที่ 10 – 11 มกราคม 2566 นายสอย ปานแก้ว', '2023-01-10', 'day', '10 – 11 มกราคม 2566'],
    // corpus 003
    ['ณ วันที่ ๓๑ มีนาคม ๒๕๖๘ พร้อมเผยแพร่', '2025-03-31', 'day', '๓๑ มีนาคม ๒๕๖๘'],
    ['เมื่อวันที่ ๑๑ ธันวาคม ๒๕๖๗ ๕) มีรายงาน', '2024-12-11', 'day', '๑๑ ธันวาคม ๒๕๖๗'],
    ['ตามคำสั่งที่ ๑๕/๒๕๖๗ ลงวันที่ ๑๗ พฤศจิกายน ๒๕๖๗', '2024-11-17', 'day', '๑๗ พฤศจิกายน ๒๕๖๗'],
    // corpus 000: abbreviated month, two-digit year, with and without a space
    ['เมื่อวันที่ ๑๘ พ.ย. ๖๗ - มีการเผยแพร่', '2024-11-18', 'day', '๑๘ พ.ย. ๖๗'],
    ['เมื่อ วันที่ ๑๘ พ.ย.๖๗ - มีการเผยแพร่', '2024-11-18', 'day', '๑๘ พ.ย.๖๗'],
    ['แต่ละส่วน งาน เมื่อวันที่ ๑๘ ต.ค. ๖๗', '2024-10-18', 'day', '๑๘ ต.ค. ๖๗'],
    // corpus 001 / 000: periods; the first date is the start
    ['๑ ตุลาคม พ.ศ.๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖', '2022-10-01', 'day', '๑ ตุลาคม พ.ศ.๒๕๖๕'],
    ['ต.ค. ๖๗-ก.ย.๖๘', '2024-10', 'month', 'ต.ค. ๖๗'],
    ['ต.ค. ๖๕ ถึง ก.ย. ๖๖', '2022-10', 'month', 'ต.ค. ๖๕'],
    ['(เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)', '2022-10', 'month', 'ตุลาคม ๒๕๖๕'],
    // years introduced by พ.ศ. / ปี / ปีงบประมาณ
    ['ประจำปี พ.ศ. ๒๕๖๘', '2025', 'year', 'ปี พ.ศ. ๒๕๖๘'],
    ['ประจำปีงบประมาณ พ.ศ.๒๕๖๖', '2023', 'year', 'ปีงบประมาณ พ.ศ.๒๕๖๖'],
    ['ประจำปีงบประมาณ ๒๕๖๗**', '2024', 'year', 'ปีงบประมาณ ๒๕๖๗'],
    ['ประจำปีงบประมาณฯ ๖๗', '2024', 'year', 'ปีงบประมาณฯ ๖๗'],
    ['ในปีงบประมาณ ๖๘', '2025', 'year', 'ปีงบประมาณ ๖๘'],
    ['ประจำปี พ.ศ ๒๕๖๖ โดยเผยแพร่', '2023', 'year', 'ปี พ.ศ ๒๕๖๖'],
    ['ประจำปี ๒๕๖๘ เมื่อวันที่ ๑๘ พ.ย. ๖๗', '2025', 'year', 'ปี ๒๕๖๘'],
  ])('%s', (input, iso, precision, raw) => {
    expect(parseThaiDate(input)).toEqual({ iso, precision, raw });
  });
});

describe('parseThaiDate: forms', () => {
  it.each([
    ['วันที่ ๑ ตุลาคม ๒๕๖๗', '2024-10-01', 'day', '๑ ตุลาคม ๒๕๖๗'],
    ['๑ ตุลาคม พ.ศ. ๒๕๖๗', '2024-10-01', 'day', '๑ ตุลาคม พ.ศ. ๒๕๖๗'],
    ['๑ ตุลาคม พ.ศ๒๕๖๗', '2024-10-01', 'day', '๑ ตุลาคม พ.ศ๒๕๖๗'],
    ['1 ตุลาคม ค.ศ. 2024', '2024-10-01', 'day', '1 ตุลาคม ค.ศ. 2024'],
    ['1 ตุลาคม 2024', '2024-10-01', 'day', '1 ตุลาคม 2024'],
    ['วันจันทร์ที่ 1 มกราคม 2567', '2024-01-01', 'day', '1 มกราคม 2567'],
    ['วันพฤหัสบดีที่ ๕ ธ.ค. ๖๗', '2024-12-05', 'day', '๕ ธ.ค. ๖๗'],
    ['1๓ ต.ค. ๒๕๖๖', '2023-10-13', 'day', '1๓ ต.ค. ๒๕๖๖'],
    ['๑๘ต.ค.๖๗', '2024-10-18', 'day', '๑๘ต.ค.๖๗'],
    ['๕ มี.ค ๖๗', '2024-03-05', 'day', '๕ มี.ค ๖๗'],
    ['๕ มีค ๖๗', '2024-03-05', 'day', '๕ มีค ๖๗'],
    ['๕ มี. ค. ๖๗', '2024-03-05', 'day', '๕ มี. ค. ๖๗'],
    ['๕ ต.ค . ๖๗', '2024-10-05', 'day', '๕ ต.ค . ๖๗'],
    ['มีค ๖๗', '2024-03', 'month', 'มีค ๖๗'],
    ['ตค๖๗-กย๖๘', '2024-10', 'month', 'ตค๖๗'],
    ['เดือนต.ค. ๒๕๖๗', '2024-10', 'month', 'ต.ค. ๒๕๖๗'],
    ['๒ กพ ๒๕๖๗', '2024-02-02', 'day', '๒ กพ ๒๕๖๗'],
    ['พ.ค. 2568', '2025-05', 'month', 'พ.ค. 2568'],
    ['พค 68', '2025-05', 'month', 'พค 68'],
    ['๑ ม.ค. ๖๘', '2025-01-01', 'day', '๑ ม.ค. ๖๘'],
    ['๓๐ เม.ย. ๖๘', '2025-04-30', 'day', '๓๐ เม.ย. ๖๘'],
    ['๓๐ มิ.ย. ๖๘', '2025-06-30', 'day', '๓๐ มิ.ย. ๖๘'],
    ['๓๑ ก.ค. ๖๘', '2025-07-31', 'day', '๓๑ ก.ค. ๖๘'],
    ['๓๑ ส.ค. ๖๘', '2025-08-31', 'day', '๓๑ ส.ค. ๖๘'],
    ['๓๐ พ.ย. ๖๗', '2024-11-30', 'day', '๓๐ พ.ย. ๖๗'],
    ['๑๕ กรกฏาคม ๒๕๖๗', '2024-07-15', 'day', '๑๕ กรกฏาคม ๒๕๖๗'],
    ['29 ก.พ. 2567', '2024-02-29', 'day', '29 ก.พ. 2567'],
    ['29 กุมภาพันธ์ 2543', '2000-02-29', 'day', '29 กุมภาพันธ์ 2543'],
    ['พ.ศ. ๒๕๖๘', '2025', 'year', 'พ.ศ. ๒๕๖๘'],
    ['พ.ศ.๖๘', '2025', 'year', 'พ.ศ.๖๘'],
    ['ปีงบประมาณ พ.ศ. ๒๕๖๘', '2025', 'year', 'ปีงบประมาณ พ.ศ. ๒๕๖๘'],
    // a yearless month is passed over for the next dated one
    ['ต.ค. – ธ.ค. ๖๗', '2024-12', 'month', 'ธ.ค. ๖๗'],
  ])('%s → %s', (input, iso, precision, raw) => {
    expect(parseThaiDate(input)).toEqual({ iso, precision, raw });
  });
});

describe('parseThaiDate: nothing certain → null', () => {
  it.each([
    ['31 ก.พ. 2567'],
    ['30 ก.พ. 2567'],
    ['29 ก.พ. 2566'],
    ['29 กุมภาพันธ์ 2443'], // CE 1900: not a leap year
    ['0 มกราคม 2566'],
    ['32 มกราคม 2566'],
    ['๓๑ เมษายน ๒๕๖๗'],
    ['๓๑ มิ.ย. ๖๗'],
    ['1๓.ค. ๒๕๖๖'], // OCR damage (corpus primer)
    ['มีความเห็นว่าหน่วยงาน'], // มีค inside มีความ
    ['มีค่า ๕๐ บาท'], // มีค before a tone mark
    ['มีคน ๒๕ คน'],
    ['ส่ง ส.ค.ส. ๒๕๖๘'], // a New Year card, not August
    ['ทุกส่วนราชการ พค กพ'], // undotted abbreviations with no number
    ['ภายในเดือนมีนาคม ๒.ผู้บริหารมีการติดตาม'], // no year; ๒. is a list number
    ['ภายในเดือนเมษายน และเดือนตุลาคม ของทุกปี'],
    ['สมัยสามัญ สมัยที่ 4/2565'],
    ['ตามคำสั่งที่ ๑๕/๒๕๖๗'],
    ['๒๕๖๘'], // a year without พ.ศ./ปี
    ['คะแนน ๙๔.๙๔ อยู่ในระดับ A'],
    ['ก.ค.ศ. 2566'], // teachers' council, not July
    ['สำนักงาน ก.พ.ร. ๒๕๖๖'], // OPDC, not February
    ['อ.ก.พ. ๒๕๖๖'],
    ['พ.ศ.2024'], // BE era with a CE year
    ['ค.ศ. 2566'],
    ['ปี 25 คน'], // two digits after bare ปี
    ['ไตรมาสที่ ๑ - ๒'],
    ['ดำเนินการตลอดทั้งปี'],
    [''],
  ])('%s', (input) => {
    expect(parseThaiDate(input)).toBeNull();
  });
});

describe('parseThaiDate: options', () => {
  it.each([
    ['๑๘ ต.ค.', 2567, '2024-10-18', 'day'],
    ['ภายในเดือนมีนาคม', 2568, '2025-03', 'month'],
    ['ต.ค. – ธ.ค.', 2567, '2024-10', 'month'],
    ['29 ก.พ.', 2567, '2024-02-29', 'day'],
  ])('%s with defaultYearBE %i', (input, defaultYearBE, iso, precision) => {
    expect(parseThaiDate(input, { defaultYearBE })).toMatchObject({ iso, precision });
  });

  it('rejects 29 Feb when the default year is not a leap year', () => {
    expect(parseThaiDate('29 ก.พ.', { defaultYearBE: 2566 })).toBeNull();
  });

  it('a written year wins over defaultYearBE', () => {
    expect(parseThaiDate('๑ ต.ค. ๖๖', { defaultYearBE: 2570 })?.iso).toBe('2023-10-01');
  });

  it.each([
    [undefined, '๑ ม.ค. ๙๙', '2056-01-01'],
    [2530, '๑ ม.ค. ๙๙', '1956-01-01'],
    [2568, '๑ ม.ค. ๖๗', '2024-01-01'],
    [2598, '๑ ม.ค. ๐๕', '2062-01-01'],
  ])('pivot %s: %s → %s', (pivot, input, iso) => {
    expect(parseThaiDate(input, pivot === undefined ? {} : { pivot })?.iso).toBe(iso);
  });
});

// ------------------------------------------------------------ properties

const ceDate = fc
  .record({ y: fc.integer({ min: 1957, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d);
const iso = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('parseThaiDate: properties', () => {
  it('reads back any valid date written as a Thai BE date (Thai digits, full or abbreviated month)', () => {
    fc.assert(
      fc.property(
        ceDate,
        fc.constantFrom('full', 'abbr', 'undotted'),
        fc.constantFrom('', 'วันที่ ', 'วันศุกร์ที่ ', 'ณ วันที่'),
        fc.constantFrom('', 'พ.ศ. ', 'พ.ศ.'),
        ({ y, m, d }, style, prefix, era) => {
          const month = style === 'full' ? FULL[m - 1] : style === 'abbr' ? ABBR[m - 1] : ABBR[m - 1]!.replace(/\./g, '');
          const body = toThaiDigits(`${d} ${month} ${era}${y + 543}`);
          const got = parseThaiDate(`${prefix}${body} มีการประชุม`);
          expect(got).toEqual({ iso: iso(y, m, d), precision: 'day', raw: body });
        },
      ),
    );
  });

  it('reads back two-digit BE years (2500–2599)', () => {
    fc.assert(
      fc.property(ceDate.filter(({ y }) => y <= 2056), ({ y, m, d }) => {
        const body = toThaiDigits(`${d} ${ABBR[m - 1]} ${String((y + 543) % 100).padStart(2, '0')}`);
        expect(parseThaiDate(body)?.iso).toBe(iso(y, m, d));
      }),
    );
  });

  it('reads back month-year at month precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (y, m, full) => {
        const got = parseThaiDate(toThaiDigits(`${full ? FULL[m - 1] : ABBR[m - 1]} ${y + 543}`));
        expect(got).toMatchObject({ iso: `${y}-${String(m).padStart(2, '0')}`, precision: 'month' });
      }),
    );
  });

  it('never rolls an impossible day over', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(parseThaiDate(toThaiDigits(`${last + 1} ${FULL[m - 1]} ${y + 543}`))).toBeNull();
        expect(parseThaiDate(toThaiDigits(`${last} ${FULL[m - 1]} ${y + 543}`))?.iso).toBe(iso(y, m, last));
      }),
    );
  });

  it('never throws, and raw is always a slice of the input', () => {
    const unit = fc.constantFrom(...'0123456789๐๑๒๓๔๕๖๗๘๙ .-–/มคกพียเสตธิศปีงบประมาณวันที่ตุลาคม'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit })), (s) => {
        const got = parseThaiDate(s);
        if (got) expect(s.includes(got.raw)).toBe(true);
      }),
    );
  });
});
