import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { toArabicDigits, toThaiDigits, parseThaiNumber, hasDigit } from '../../src/index.js';

describe('toArabicDigits', () => {
  it.each([
    ['๒๕๖๘', '2568'],
    ['ต.ค. ๖๗-ก.ย.๖๘', 'ต.ค. 67-ก.ย.68'],
    ['(ข้อ 1๓) (ค่าคะแนน ๙๑.๑๘)', '(ข้อ 13) (ค่าคะแนน 91.18)'],
    ['ข้อ ๐ ๓๗', 'ข้อ 0 37'],
    ['ตัวชี้วัดย่อยที่ ๑๐.๑', 'ตัวชี้วัดย่อยที่ 10.1'],
    ['e๖', 'e6'],
    ['ไตรมาสที่ ๑ - ๒', 'ไตรมาสที่ 1 - 2'],
    ['ทุกส่วนราชการ', 'ทุกส่วนราชการ'],
    ['', ''],
    ['๐๑๒๓๔๕๖๗๘๙', '0123456789'],
  ])('%s → %s', (input, expected) => {
    expect(toArabicDigits(input)).toBe(expected);
  });
});

describe('toThaiDigits', () => {
  it.each([
    ['2568', '๒๕๖๘'],
    ['ข้อ 13', 'ข้อ ๑๓'],
    ['No Gift Policy 2567', 'No Gift Policy ๒๕๖๗'],
    ['วันที่ 10 – 11 มกราคม 2566', 'วันที่ ๑๐ – ๑๑ มกราคม ๒๕๖๖'],
    ['๑1', '๑๑'],
  ])('%s → %s', (input, expected) => {
    expect(toThaiDigits(input)).toBe(expected);
  });

  it('round-trips any string without Thai digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const x = s.replace(/[๐-๙]/g, '');
        expect(toArabicDigits(toThaiDigits(x))).toBe(x);
      }),
    );
  });

  it('round-trips any string without Arabic digits the other way', () => {
    const thaiish = fc.string({ unit: fc.constantFrom(...'กขคงจ ๐๑๒๓๔๕๖๗๘๙.,-abc'.split('')) });
    fc.assert(
      fc.property(thaiish, (x) => {
        expect(toThaiDigits(toArabicDigits(x))).toBe(x);
      }),
    );
  });

  it('never changes the length', () => {
    fc.assert(fc.property(fc.string(), (s) => toThaiDigits(s).length === s.length && toArabicDigits(s).length === s.length));
  });
});

describe('hasDigit', () => {
  it.each([
    ['ข้อ ๑๒', true],
    ['i13', true],
    ['ทุกส่วนราชการ', false],
  ])('%s → %s', (s, expected) => expect(hasDigit(s)).toBe(expected));
});

describe('parseThaiNumber', () => {
  it.each([
    ['๙๑.๑๘', 91.18],
    ['1๓', 13],
    ['๑,๒๓๔', 1234],
    ['๑๐๐', 100],
    ['๘๗.๓๕', 87.35],
    ['๙๔.๙๔', 94.94],
    ['๙๖.๘๘', 96.88],
    [' ๘๒.๒๕ ', 82.25],
    ['92.69', 92.69],
    ['1,000,000', 1_000_000],
    ['-๕', -5],
    ['๐', 0],
    ['1๑๐', 110],
  ])('%s → %s', (input, expected) => {
    expect(parseThaiNumber(input)).toBe(expected);
  });

  it.each([['ข้อ ๑๒'], [''], ['๑๒ก'], ['๑,๒๓'], ['1.2.3'], ['ร้อย'], ['๑ ๒'], ['.5'], ['i13']])('%s is not a number', (input) => {
    expect(parseThaiNumber(input)).toBeNull();
  });

  it('reads back any non-negative integer written in Thai digits', () => {
    fc.assert(fc.property(fc.nat(), (n) => parseThaiNumber(toThaiDigits(String(n))) === n));
  });

  it('reads back any two-decimal score written in Thai digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (k) => {
        const s = (k / 100).toFixed(2);
        return parseThaiNumber(toThaiDigits(s)) === Number(s);
      }),
    );
  });
});
