import { describe, expect, it } from 'vitest';
import { yearsIn } from '../../src/ocr/metrics.js';

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
