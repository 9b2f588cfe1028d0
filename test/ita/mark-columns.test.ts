import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { isMark, markColumns, markPeriods } from '../../src/ita/mark-columns.js';

const MONTHS = ['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'];

describe('mark columns', () => {
  const quarters = (h: string[]) => markColumns(h)?.map((c) => (c?.kind === 'quarter' ? c.quarter : null)) ?? null;

  it('reads quarter columns whose header OCR garbled: rule marks round a digit, a digit lost, the group label split', () => {
    // a 200 dpi scan: "ไตรมาส" over ๑ ๒ ๓ ๔, the ๓ and ๔ read with the cell rules ("(๓", "[a")
    expect(quarters(['ลำดับที่', 'ไตรมาส ๑', 'ไตรมาส ๒', 'ไตรมาส (๓', 'ไตรมาส [a', 'งบประมาณ'])).toEqual([null, 1, 2, 3, 4, null]);
    // the group cell cut in two ("ไ" | "ร ตมาส" over the four)
    expect(quarters(['ลำดับที่', 'ไ ๑', 'ร ตมาส ๒', 'ร ตมาส ๓', 'ร ตมาส ๔', 'งบ'])).toEqual([null, 1, 2, 3, 4, null]);
    // never past the fourth, never from a column that names something else
    expect(quarters(['ไตรมาส ๑', 'ไตรมาส ๒', 'ผู้รับผิดชอบ a'])).toEqual([1, 2, null]);
    expect(quarters(['ไตรมาส ๓', 'ไตรมาส ๔', 'ไตรมาส x'])).toEqual([3, 4, null]);
    expect(quarters(['ไตรมาส (๑', 'หมายเหตุ'])).toBeNull();
    // ๔ read as ๕ (a confusion of the Thai model) after the third quarter; a ๕ anywhere else is no quarter
    expect(quarters(['ไตรมาส ๑', 'ไตรมาส ๒', 'ไตรมาส (๓', 'ไตรมาส (๕'])).toEqual([1, 2, 3, 4]);
    expect(quarters(['ไตรมาส ๑', 'ไตรมาส ๒', '๕'])).toEqual([1, 2, null]);
  });

  it('reads month columns, carrying a BE year stated over a group to the months after it and on past December', () => {
    const cols = markColumns(['ที่', 'มาตรการ', 'พ.ศ. ๒๕๖๗ ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'ผู้รับผิดชอบ']);
    expect(cols?.map((c) => (c?.kind === 'month' ? `${c.month}/${c.be}` : null))).toEqual([null, null, '10/2567', '11/2567', '12/2567', '1/2568', '2/2568', null]);
  });

  it('reads quarters written in full and bare numbers after the first quarter of a group', () => {
    expect(markColumns(['มาตรการ', 'ไตรมาส ๑', 'ไตรมาส ๒', 'ไตรมาส ๓', 'ไตรมาส ๔'])?.map((c) => (c?.kind === 'quarter' ? c.quarter : null))).toEqual([null, 1, 2, 3, 4]);
    expect(markColumns(['มาตรการ', 'ไตรมาส 1', '2', '3', '4', '5'])?.map((c) => (c?.kind === 'quarter' ? c.quarter : null))).toEqual([null, 1, 2, 3, 4, null]);
  });

  it('reads month columns clipped to their first letters (columns narrower than a month name)', () => {
    const months = (h: string[]) => markColumns(h)?.map((c) => (c?.kind === 'month' ? c.month : null)) ?? null;
    // ต.ค. … ก.ย. each cut to its first letter by a PDF writer
    expect(months(['ประเด็นที่', 'ล', 'วิธีการ', 'ต', 'พ', 'ธ', 'ม', 'ก', 'ม', 'เ', 'พ', 'ม', 'ก', 'ส', 'ก', 'ผลลัพธ์'])).toEqual([
      null, null, null, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, null,
    ]);
    // or to a letter and its dot, from any month on
    expect(months(['มาตรการ', 'ม.', 'ก.', 'มี', 'เม', 'พ.', 'มิ', 'หมายเหตุ'])).toEqual([null, 1, 2, 3, 4, 5, 6, null]);
    // letters out of the months' order, or too few of them, are no month columns
    expect(months(['มาตรการ', 'ต', 'ธ', 'พ', 'ม', 'ก', 'ม', 'เ'])).toBeNull();
    expect(months(['มาตรการ', 'ต', 'พ', 'ธ', 'ม', 'ก'])).toBeNull();
  });

  it('reads month columns whose names a scan gives a letter a line, dots lost or read as marks', () => {
    const months = (h: string[]) => markColumns(h)?.map((c) => (c?.kind === 'month' ? c.month : null)) ?? null;
    // a 200 dpi scan of narrow month columns: "ต." over "ค." read "ต" / "ค", มี.ค. with its vowel lost, rule marks beside letters
    const scanned = ['ประเด็น', 'ลำ ที่', 'ข้อ', 'มาตรการ', 'หน่วยงานรับผิดชอบ', 'ต ค', 'พ | ย', 'ธ ค', 'ม ค', 'ก พ', 'ม ค| .', 'เ ย', 'พ( ค', 'ม ย', 'ก ค', 'ส ค', 'ก ย'];
    expect(months(scanned)).toEqual([null, null, null, null, null, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // with a letter of the next column or a mark read into some
    const noisy = ['ประเด็น', 'ล *าด บ', 'ต ค', 'พ ยค', 'ธ', 'ม ค', 'ก เพ', 'ม ค', 'เม ย', 'พ ค', 'ม ยขย', 'ก ค', 'ส เ ค', 'ก ย', 'ผลการดำเนินการ'];
    expect(months(noisy)).toEqual([null, null, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, null]);
    // only the last line of each stacked name read (under BE-year groups merged over them), the last misread
    // ("เข" for ย) but a letter or two after eleven months
    const ends = ['ลำดับ', 'ตัวชี้วัด', 'พ.ศ . 25 66 ค', 'พ.ศ . 25 66 ย', 'พ.ศ . 25 66 ค', 'พ.ศ . 2 567 ค', 'พ.ศ . 2 567 พ', 'พ.ศ . 2 567 ค', 'พ.ศ . 2 567 . ย', 'พ.ศ . 2 567 ค', 'พ.ศ . 2 567 ย', 'พ.ศ . 2 567 ค', 'พ.ศ . 2 567 ค', 'พ.ศ . 2 567 เข', 'มาตรการ'];
    expect(months(ends)).toEqual([null, null, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, null]);
    // too few such endings are no month columns
    expect(months(['มาตรการ', 'ค', 'ย', 'ค', 'ค', 'พ', 'ค', 'ย', 'ค'])).toBeNull();
    // letters of other words, or out of the months' order, are no month columns
    expect(months(['มาตรการ', 'ต ค', 'ธ ค', 'พ ย', 'ม ค', 'ก พ', 'ม ค', 'เ ย'])).toBeNull();
    expect(months(['มาตรการ', 'ตก', 'พบ', 'ธง', 'มด', 'กบ'])).toBeNull();
    expect(months(['มาตรการ', 'ตกลง', 'พบปะ', 'ธงชัย', 'มติที่ประชุม', 'กองคลัง', 'มาตรฐาน', 'เอกสาร'])).toBeNull();
  });

  it('is no mark header for a period column naming two months, or for too few months', () => {
    expect(markColumns(['มาตรการ', 'ระยะเวลา ต.ค. ๖๖ - ก.ย. ๖๗', 'ผู้รับผิดชอบ'])).toBeNull();
    expect(markColumns(['มาตรการ', 'ต.ค.', 'พ.ย.'])).toBeNull();
    expect(markColumns(['มาตรการ', 'ไตรมาส ๑'])).toBeNull();
  });

  it('gives one period per run of marked months, the fiscal year settling months without a stated year', () => {
    const cols = markColumns(MONTHS)!;
    const row = MONTHS.map((_, k) => (k === 1 || k === 2 || k === 3 || k === 8 ? '●' : ''));
    expect(markPeriods(row, cols, 2567).map((p) => [p.raw, p.start, p.end])).toEqual([
      ['พ.ย. – ม.ค.', '2023-11', '2024-01'],
      ['มิ.ย.', '2024-06', '2024-06'],
    ]);
    // no fiscal year: the months are known, the years are not
    expect(markPeriods(row, cols, null)[0]).toMatchObject({ start: null, end: null, precision: 'month' });
  });

  it('maps marked quarters to the months of the fiscal year', () => {
    const cols = markColumns(['ไตรมาส ๑', 'ไตรมาส ๒', 'ไตรมาส ๓', 'ไตรมาส ๔'])!;
    expect(markPeriods(['', '✓', '✓', ''], cols, 2568).map((p) => [p.start, p.end])).toEqual([['2025-01', '2025-06']]);
    expect(markPeriods(['✓', '', '', ''], cols, 2568).map((p) => [p.start, p.end])).toEqual([['2024-10', '2024-12']]);
  });

  it('takes any text as a mark except blanks and dashes', () => {
    expect(['✓', 'x', '●', '→', '/', 'xxxx'].every(isMark)).toBe(true);
    expect(['', ' ', '-', '–', '…'].some(isMark)).toBe(false);
  });
});

const HEAD = 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี\n\n';

describe('mark columns in whole reports', () => {
  it('text: a two-row header of BE years over twelve months gives each row its period, and the month row is no entry', async () => {
    const pad = (marks: number[]) => MONTHS.map((_, k) => (marks.includes(k) ? '✓' : '')).join('\t');
    const text = `${HEAD}ที่\tมาตรการ\tผู้รับผิดชอบ\tพ.ศ. ๒๕๖๗\t\t\tพ.ศ. ๒๕๖๘${'\t'.repeat(8)}
\t\t\t${MONTHS.join('\t')}
๑\tจัดทำคู่มือการปฏิบัติงานและเผยแพร่ทางเว็บไซต์\tสำนักปลัด\t${pad([0, 1])}
๒\tประกาศเจตจำนงสุจริตของผู้บริหาร\tกองคลัง\t${pad([5, 6, 7])}
`;
    const doc = await extract(text, { fileName: 'r.txt' });
    expect(doc.entries.map((e) => [e.seq, e.periods.map((p) => `${p.start}..${p.end}`)])).toEqual([
      [1, ['2024-10..2024-11']],
      [2, ['2025-03..2025-05']],
    ]);
  });

  it('HTML: quarters under a ไตรมาส group, marks never read as item codes', async () => {
    const html = `<html><body><p>${HEAD.split('\n')[0]}</p><p>${HEAD.split('\n')[1]}</p><table>
<tr><th rowspan="2">ที่</th><th rowspan="2">มาตรการ</th><th colspan="4">ไตรมาส</th><th rowspan="2">ผู้รับผิดชอบ</th></tr>
<tr><th>๑</th><th>๒</th><th>๓</th><th>๔</th></tr>
<tr><td>๑</td><td>จัดทำคู่มือการปฏิบัติงาน</td><td></td><td>x</td><td>x</td><td></td><td>สำนักปลัด</td></tr>
</table></body></html>`;
    const doc = await extract(html, { fileName: 'r.html' });
    expect(doc.entries.map((e) => [e.seq, e.itemCodes.length, e.periods.map((p) => `${p.start}..${p.end}`)])).toEqual([[1, 0, ['2025-01..2025-06']]]);
  });
});
