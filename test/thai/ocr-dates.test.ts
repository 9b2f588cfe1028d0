/** OCR's noise around a month and its year undone (src/thai/_months.ts withDateNoiseUndone). */
import { describe, expect, it } from 'vitest';
import { withDateNoiseUndone } from '../../src/thai/_months.js';
import { parseThaiPeriod } from '../../src/thai/date.js';

describe('withDateNoiseUndone', () => {
  it.each([
    // a letter glued before a dotted abbreviation at the start of a cell or after a dash
    ['เต.ค. ๖๗-ก.ย.๖๘', 'ต.ค. ๖๗-ก.ย.๖๘'],
    ['ต.ค. ๖๗ -ดก.ย. ๖๘', 'ต.ค. ๖๗ -ก.ย. ๖๘'],
    ['(ดพ.ค. 68)', '(พ.ค. 68)'],
    // letters glued after a two- or four-digit year before the range dash
    ['ต.ค. ๖๗ฒ- ก.ย.๖๘', 'ต.ค. ๖๗- ก.ย.๖๘'],
    ['ตุลาคม ๒๕๖๗ณ - กันยายน ๒๕๖๘', 'ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘'],
    // a two-digit year cut by a space
    ['ต.ค. ๖๗- ก.ย.๖ ๘', 'ต.ค. ๖๗- ก.ย.๖๘'],
    ['มี.ค. 6 8', 'มี.ค. 68'],
    // a speck read as a quote between the range's dash and its second month (a colour scan)
    ["ต.ค. ๖๗- ' ก.ย. ๖๘", 'ต.ค. ๖๗- ก.ย. ๖๘'],
    ['ตุลาคม ๒๕๖๗ -| กันยายน ๒๕๖๘', 'ตุลาคม ๒๕๖๗ -กันยายน ๒๕๖๘'],
  ])('"%s" → "%s"', (ocr, clean) => {
    expect(withDateNoiseUndone(ocr)).toBe(clean);
  });

  it.each([
    'เม.ย. ๖๘', // เ belongs to the abbreviation
    'มี.ค. ๖๘',
    'ภายในต.ค. ๖๗', // a word's last letter, not a stray one
    'อ.ก.พ. ๖๗', // another abbreviation
    '๑๘ต.ค.๖๗', // a day glued to its month
    'ก.ย. ๖ ครั้ง', // a count after a month
    'ก.ย. ๑ ๒๕๖๘',
    'ต.ค. ๖๗ และ มี.ค. ๖๘',
    'สามารถ ก.ค. นี้', // no year: nothing to tell a stray letter by
    "ต.ค. ๖๗ ' ก.ย. ๖๘", // no dash: the quote is no speck between a range's ends
  ])('leaves "%s" alone', (s) => {
    expect(withDateNoiseUndone(s)).toBe(s);
  });

  it('turns one month-and-year end and a lost one into the whole range', () => {
    const ocr = 'ต.ค. ๖๗ฒ- ก.ย.๖ ๘';
    expect(parseThaiPeriod(ocr).map((p) => [p.start, p.end])).toEqual([['2024-10', '2024-10']]);
    expect(parseThaiPeriod(withDateNoiseUndone(ocr)).map((p) => [p.start, p.end])).toEqual([['2024-10', '2025-09']]);
  });

  it('reads a range with a speck after its dash as the range, not two months', () => {
    const ocr = "ต.ค. ๖๗- ' ก.ย. ๖๘";
    expect(parseThaiPeriod(withDateNoiseUndone(ocr)).map((p) => [p.start, p.end])).toEqual([['2024-10', '2025-09']]);
  });

  it('reads a full month name OCR lost a mark of ("๓๐ กนยายน ๒๕๖๖" of a 300 dpi grey scan: the range lost its end)', () => {
    expect(parseThaiPeriod('๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กนยายน ๒๕๖๖').map((p) => [p.start, p.end])).toEqual([['2022-10-01', '2023-09-30']]);
    expect(parseThaiPeriod('ตลาคม ๒๕๖๗ - มนาคม ๒๕๖๘').map((p) => [p.start, p.end])).toEqual([['2024-10', '2025-03']]);
    // letters lost are not marks: no month
    expect(parseThaiPeriod('กยายน ๒๕๖๖')).toEqual([]);
  });
});
