/** Periods of OCR'd rows whose years came out unreadable (src/ita/_body-state.ts). */
import { describe, expect, it } from 'vitest';
import { recognise } from '../../src/ita/recognise.js';
import type { Block } from '../../src/model/blocks.js';
import { textToBlocks } from '../../src/readers/text.js';

const TEXT = [
  'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
  'เทศบาลตำบลบ่อพลับ อำเภอเมืองนครปฐม จังหวัดนครปฐม',
  'ประเด็นที่เป็นข้อบกพร่อง\tมาตรการ\tช่วงระยะเวลาในการดำเนินการ\tผู้รับผิดชอบ',
  'ประเด็น เจ้าหน้าที่ในหน่วยงานมีการเรียกรับสินบน (ข้อ I๓)\tจัดทำประกาศนโยบาย\tต.ค. ๒๕-ก.ย.๒๕\tทุกส่วนราชการ',
  'ประเด็น ผู้รับบริการขาดการมีส่วนร่วม (ข้อ E๗)\tเปิดโอกาสให้บุคคลภายนอกมีส่วนร่วม\tต.ค. ๖๗-ก.ย.๖๘\tสำนักปลัด',
].join('\n');

/** The same blocks as if read by OCR: every block and row carries a recognition confidence. */
function asOcr(blocks: Block[]): Block[] {
  return blocks.map((b) =>
    b.type === 'table'
      ? { ...b, source: { ...b.source, ocrConfidence: 0.9 }, rows: b.rows.map((r) => ({ ...r, source: { ...r.source, ocrConfidence: 0.9 } })) }
      : { ...b, source: { ...b.source, ocrConfidence: 0.9 } },
  );
}

describe('periods of OCR\'d rows with unreadable years', () => {
  it('places "ต.ค. ๒๕-ก.ย.๒๕" (๖๗/๖๘ misread) in the fiscal year, with a warning; a readable period is untouched', () => {
    const r = recognise(asOcr(textToBlocks(TEXT)));
    expect(r.fiscalYear?.be).toBe(2568);
    expect(r.entries.map((e) => e.periods.map((p) => [p.start, p.end]))).toEqual([[['2024-10', '2025-09']], [['2024-10', '2025-09']]]);
    const d = r.diagnostics.filter((x) => x.code === 'PERIOD_YEAR_FROM_CONTEXT');
    expect(d).toHaveLength(1);
    expect(d[0]?.actual).toBe('ต.ค. ๒๕-ก.ย.๒๕');
  });

  it('drops a four-digit year far from the fiscal year ("พ.ศ.๒๕๒๕" for ๒๕๖๕) and keeps the readable one', () => {
    const text = TEXT.replace('ต.ค. ๒๕-ก.ย.๒๕', '๑ ตุลาคม พ.ศ.๒๕๒๕ - ๓๐ กันยายน ๒๕๖๘');
    const r = recognise(asOcr(textToBlocks(text)));
    expect(r.entries[0]?.periods.map((p) => [p.start, p.end])).toEqual([['2024-10-01', '2025-09-30']]);
    expect(r.diagnostics.filter((x) => x.code === 'PERIOD_YEAR_FROM_CONTEXT')).toHaveLength(1);
  });

  it.each([
    // the start's year unreadable: letters and a space among its digits, or one digit left of two
    ['ต.ค. ๑ ฒ๕- ก.ย.๖๘', 'ต.ค. ๑ ฒ๕- ก.ย.๖๘'],
    ['ต.ค.๖-ก.ย.๖๘', 'ต.ค.๖-ก.ย.๖๘'],
    ['ต.ค. อ๑ฒ-ก.ย.๖๘', 'ต.ค. อ๑ฒ-ก.ย.๖๘'],
    ['ต.ค. อฒ- ก.ย.๖๘', 'ต.ค. อฒ- ก.ย.๖๘'],
  ])('reads "%s" as the range it was, the unreadable year from the other end, with a warning', (cell, actual) => {
    const r = recognise(asOcr(textToBlocks(TEXT.replace('ต.ค. ๒๕-ก.ย.๒๕', cell))));
    expect(r.entries[0]?.periods.map((p) => [p.start, p.end])).toEqual([['2024-10', '2025-09']]);
    const d = r.diagnostics.filter((x) => x.code === 'PERIOD_YEAR_FROM_CONTEXT');
    expect(d.map((x) => x.actual)).toEqual([actual]);
    expect(r.diagnostics.some((x) => x.code === 'PERIOD_UNPARSED')).toBe(false);
  });

  it('leaves text from a text layer alone: "ต.ค. ๒๕" there is what the writer wrote', () => {
    const r = recognise(textToBlocks(TEXT));
    expect(r.entries[0]?.periods.map((p) => [p.start, p.end])).not.toEqual([['2024-10', '2025-09']]);
    expect(r.diagnostics.some((x) => x.code === 'PERIOD_YEAR_FROM_CONTEXT')).toBe(false);
  });
});
