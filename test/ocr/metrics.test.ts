import { describe, expect, it } from 'vitest';
import { cell, paragraph, position, row, table } from '../../src/model/blocks.js';
import { cer, pageErrors, pageTexts, yearsIn } from '../../src/ocr/metrics.js';

describe('yearsIn', () => {
  it('counts a year at the end of a line followed by a numbered line (pdftotext of a scan bench page)', () => {
    // 003.p3 of the scan bench: "ปีงบประมาณ พ.ศ. ๒๕๖๘" then the next item "๖. เปิดโอกาส…"
    expect(yearsIn('ที่ดำรงตำแหน่งใน\nปีงบประมาณ พ.ศ. ๒๕๖๘\n๖. เปิดโอกาสให้')).toEqual([2568]);
    expect(yearsIn('ประจำปี ๒๕๖๘ ๙. รายงานผล ประจำปี 2567')).toEqual([2568, 2567]);
  });
  it('does not take a year out of a longer number', () => {
    expect(yearsIn('คำสั่งที่ ๑๕๒๕๖๗ ลงวันที่')).toEqual([]);
  });
});

describe('cer', () => {
  it('compares normalised text without spaces: Arabic and Thai digits, spacing and ำ written as ํา are no errors', () => {
    expect(cer('๑ ตุลาคม พ.ศ. 2565', '๑ ตุลาคม\nพ.ศ.๒๕๖๕')).toBe(0);
    expect(cer('การดําเนินการ', 'การดำเนินการ')).toBe(0);
  });
  it('counts a misread digit as one error over the truth length', () => {
    // the stock Thai model's ๒๕๒๕ for ๒๕๖๕ (it has no ๖): one substitution in 14 characters
    expect(cer('ตุลาคม พ.ศ.๒๕๒๕', 'ตุลาคม พ.ศ.๒๕๖๕')).toBeCloseTo(1 / 14, 6);
  });
});

// a table of two rows per page, continued from page 1 onto page 2 and joined into one block of page 1
const row1 = ['๑', 'การเผยแพร่ข้อมูลของผู้บริหาร', 'สำนักปลัด', 'ไตรมาสที่ ๑ - ๒'];
const row2 = ['๒', 'ช่องทางการติดต่อหน่วยงาน', 'กองคลัง', 'ไตรมาสที่ ๓'];
const row3 = ['๓', 'การรายงานผลการดำเนินงาน', 'กองช่าง', 'ไตรมาสที่ ๔'];
const row4 = ['๔', 'มาตรการส่งเสริมคุณธรรม', 'สำนักปลัด', 'ไตรมาสที่ ๑ - ๔'];
const r = (texts: string[], page: number) => row(texts.map((t) => cell([t])), position(page, null));
const joined = [
  paragraph('แผนการขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส', position(1, null)),
  table([r(row1, 1), r(row2, 1), r(row3, 2), r(row4, 2)], position(1, null)),
  paragraph('ลงชื่อ นายกองค์การบริหารส่วนตำบล', position(2, null)),
];
// pdftotext of each page: cell by cell
const truth = new Map([
  [1, ['แผนการขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส', ...row1, ...row2].join('\n')],
  [2, [...row3, ...row4, 'ลงชื่อ นายกองค์การบริหารส่วนตำบล'].join('\n')],
]);

describe('pageTexts and pageErrors', () => {
  it("put a joined table's rows on the pages they were read on", () => {
    const texts = pageTexts(joined);
    expect(texts.get(1)).toBe(`แผนการขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส\n${row1.join(' ')}\n${row2.join(' ')}`);
    expect(texts.get(2)).toBe(`${row3.join(' ')}\n${row4.join(' ')}\nลงชื่อ นายกองค์การบริหารส่วนตำบล`);
  });
  it('read without an error, a joined table gives no errors (by block page: page 1 over 100 %, page 2 100 %)', () => {
    expect(pageErrors(joined, truth).errors).toBe(0);
    expect(pageErrors(joined, truth).chars).toBe([...truth.values()].join('').replace(/\s+/g, '').length);
  });
  it('counts a misread character once, and a page read with nothing as all of its truth', () => {
    const misread = [joined[0]!, table([r(row1, 1), r(row2, 1), r(['๓', 'การรายงานผลการดำเนินงาน', 'กองช่าง', 'ไตรมาสที่ ๙'], 2), r(row4, 2)], position(1, null)), joined[2]!];
    expect(pageErrors(misread, truth).errors).toBe(1);
    const onlyFirst = joined.slice(0, 1);
    const page2 = truth.get(2)!.replace(/\s+/g, '').length;
    const page1Table = [...row1, ...row2].join('').replace(/\s+/g, '').length;
    expect(pageErrors(onlyFirst, truth).errors).toBe(page2 + page1Table);
  });
});
