/** Item codes against the catalogue of the report's assessment year (src/ita/items.ts). */
import { describe, expect, it } from 'vitest';
import { applyCatalogue, assessmentYearOf } from '../../src/ita/items.js';
import type { Entry, ItemCode } from '../../src/model/schema.js';

const code = (c: string, raw: string, via: ItemCode['via'] = 'code'): ItemCode => ({
  code: c,
  tool: c[0] === 'i' ? 'IIT' : c[0] === 'e' ? 'EIT' : 'OIT',
  item: Number(c.slice(1)),
  raw,
  confidence: 0.9,
  via,
});

function entry(text: string, itemCodes: ItemCode[], extra: Partial<Entry> = {}): Entry {
  return { kind: 'paragraph', text, section: null, part: 1, seq: null, itemCodes, score: null, periods: [], responsible: [], fields: {}, source: { page: 1, line: null }, ...extra };
}

// corpus 004, line 20 (a paragraph quoting the NACC weakness statement of IIT item 26, ITA 2565)
const I26 = 'ข้อ ๒๖ ได้คะแนน ๑๐๐ ประเด็น หน่วยงานของท่านยังไม่มีบททวนนโยบายหรือมาตรการป้องกันการทุจริตเพื่อนำไปจัดทำแผนงานฯ และเผยแพร่ให้บุคลากรภายในรับทราบ';
// corpus 001, line 29: the code is garbled, the EIT question (e10, ITA 2565) is readable
const E10 = '๑๐๐ หน่วยงานที่ท่าน ติดต่อ มีช่องทางให้ผู้มาติดต่อร้องเรียนการทุจริตของเจ้าหน้าที่ในหน่วยงาน หรือไม่';

describe('assessmentYearOf', () => {
  it('takes the stated ITA year, else the year before the fiscal year', () => {
    expect(assessmentYearOf(2565, 2566)).toBe(2565);
    expect(assessmentYearOf(null, 2568)).toBe(2567);
    expect(assessmentYearOf(null, null)).toBeNull();
  });
});

describe('applyCatalogue', () => {
  it('gives each code the question and indicator of its year', () => {
    const { entries, diagnostics } = applyCatalogue([entry('ข้อ i3 …', [code('i3', 'ข้อ i3')])], 2564);
    const c = entries[0]!.itemCodes[0]!;
    expect(c.indicator).toBe(1);
    expect(c.question).toMatch(/^บุคลากรในหน่วยงานของท่าน/);
    expect(diagnostics).toEqual([]);
  });

  it('says so when a code does not exist in the year (the IIT had 30 items in 2564)', () => {
    const { entries, diagnostics } = applyCatalogue([entry('ข้อ i35', [code('i35', 'ข้อ i35')])], 2564);
    expect(entries[0]!.itemCodes[0]).toMatchObject({ code: 'i35', question: null, indicator: null });
    expect(diagnostics.map((d) => [d.code, d.actual])).toEqual([['ITEM_CODE_UNKNOWN', 'i35']]);
  });

  it('recovers an unreadable code from the question the entry quotes (001: "๑๐๐ หน่วยงานที่ท่าน ติดต่อ…" = e10)', () => {
    const { entries, diagnostics } = applyCatalogue([entry(E10, [], { kind: 'row', fields: { issue: E10 } })], 2565);
    expect(entries[0]!.itemCodes).toHaveLength(1);
    expect(entries[0]!.itemCodes[0]).toMatchObject({ code: 'e10', tool: 'EIT', via: 'catalogue', raw: '' });
    expect(entries[0]!.itemCodes[0]!.confidence).toBeGreaterThanOrEqual(0.75);
    expect(diagnostics[0]).toMatchObject({ code: 'ITEM_CODE_FROM_CATALOGUE', expected: 'e10' });
  });

  it('recovers nothing in a year without a catalogue, nor from text that quotes no question', () => {
    expect(applyCatalogue([entry(E10, [])], 2590).entries[0]!.itemCodes).toEqual([]);
    const prose = 'จัดประชุมประจำเดือนเพื่อชี้แจงแนวทางการปฏิบัติงานให้แก่พนักงานส่วนตำบลและพนักงานจ้างทุกคน';
    expect(applyCatalogue([entry(prose, [])], 2565).entries[0]!.itemCodes).toEqual([]);
  });

  it('replaces an OCR\'d code the quotation contradicts (๖ read as ๒: i22 for i26), with a warning', () => {
    const ocr = entry(I26.replace('๒๖', '๒๒'), [code('i22', 'ข้อ ๒๒', 'context')], { source: { page: 1, line: null, ocrConfidence: 0.95 } });
    const { entries, diagnostics } = applyCatalogue([ocr], 2565);
    expect(entries[0]!.itemCodes.map((c) => [c.code, c.via, c.raw])).toEqual([['i26', 'catalogue', 'ข้อ ๒๒']]);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'ITEM_CODE_FROM_CATALOGUE', actual: 'i22', expected: 'i26' });
  });

  it('never overrides a code read from a text layer: the writer may cite another item than the one quoted', () => {
    const typed = entry(I26.replace('๒๖', '๒๒'), [code('i22', 'ข้อ ๒๒', 'context')]);
    expect(applyCatalogue([typed], 2565).entries[0]!.itemCodes.map((c) => c.code)).toEqual(['i22']);
  });

  it('takes an OIT title after a code OCR garbled beyond reading (001-scan: "ข้อ ๐ mw การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต" = o37)', () => {
    const cell = 'ตัวชี้วัดที่ ๑๐ การประเมินความเสี่ยงเพื่อการป้องกันการทุจริต ตัวชี้วัด ย่อยที่ ๑๐.๑ การดำเนิน การเพื่อป้องกันการทุจริต ข้อ ๐ mw การดำเนินการเพื่อจัดการ ค วามเสี่ยงการทุจริต';
    const { entries } = applyCatalogue([entry(cell, [], { kind: 'row', fields: { issue: cell }, source: { page: 1, line: null, ocrConfidence: 0.93 } })], 2565);
    expect(entries[0]!.itemCodes.map((c) => [c.code, c.via])).toEqual([['o37', 'catalogue']]);
  });
});

// corpus 004, lines 28 and 30: the i9 paragraph copies the i8 paragraph's text word for word
const I8_TEXT = 'ได้คะแนน ๙๘.๖๘ ประเด็น บุคลากรในหน่วยงานบางรายไม่คำนึงถึงการใช้จ่ายงบประมาณเพื่อประโยชน์สูงสุด หน่วยงานควรจัดให้บุคลากรภายในหน่วยงานได้มีส่วนร่วมในการจัดทำแผนการใช้จ่ายงบประมาณ';
const OCR = { source: { page: 2, line: null, ocrConfidence: 0.9 } };

describe('paragraphs that quote the same question (text copied from one item to the next)', () => {
  it("keeps an OCR'd code when another paragraph discusses the quoted item by its own code, and says the item is doubtful", () => {
    const { entries, diagnostics } = applyCatalogue(
      [entry(`ข้อ 1 ๘ ${I8_TEXT}`, [code('i8', 'ข้อ 1 ๘')], OCR), entry(`ข้อ 1 ๙ ${I8_TEXT}`, [code('i9', 'ข้อ 1 ๙')], OCR)],
      2565,
    );
    expect(entries.map((e) => e.itemCodes.map((c) => c.code))).toEqual([['i8'], ['i9']]);
    expect(diagnostics.map((d) => [d.code, d.actual, d.expected])).toEqual([['ITEM_CODE_UNCERTAIN', 'i9', 'i8']]);
  });

  it('gives a code taken from the quotation to the first paragraph only', () => {
    // q200 scan: "1 ๘" read "1 ๕", "1 ๙" read "1๓"
    const { entries, diagnostics } = applyCatalogue(
      [entry(`ข้อ 1 ๕ ${I8_TEXT}`, [code('i5', 'ข้อ 1 ๕')], OCR), entry(`ข้อ 1๓ ${I8_TEXT}`, [code('i3', 'ข้อ 1๓')], OCR)],
      2565,
    );
    expect(entries.map((e) => e.itemCodes.map((c) => c.code))).toEqual([['i8'], ['i3']]);
    expect(diagnostics.map((d) => [d.code, d.actual, d.expected])).toEqual([
      ['ITEM_CODE_FROM_CATALOGUE', 'i5', 'i8'],
      ['ITEM_CODE_UNCERTAIN', 'i3', 'i8'],
    ]);
  });

  it('table rows may share an item (several measures for one issue): each is still corrected', () => {
    const row = (raw: string, c: string) => entry(`${raw} ${I8_TEXT}`, [code(c, raw)], { ...OCR, kind: 'row' });
    const { entries } = applyCatalogue([row('ข้อ 1 ๘', 'i8'), row('ข้อ 1 ๕', 'i5')], 2565);
    expect(entries.map((e) => e.itemCodes.map((c) => c.code))).toEqual([['i8'], ['i8']]);
  });
});
