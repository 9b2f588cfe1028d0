/**
 * Item paragraphs ("ข้อ E ๑๑ ได้คะแนน …") as OCR gives them, the code letter
 * damaged: text as recognised on the scans of corpus 004 (src/ita/codes.ts,
 * src/ita/_body-text.ts, then the catalogue in src/ita/items.ts).
 */
import { describe, expect, it } from 'vitest';
import { recognise } from '../../src/ita/recognise.js';
import type { Block } from '../../src/model/blocks.js';
import { textToBlocks } from '../../src/readers/text.js';

const HEAD = [
  'รายงานผลการดำเนินงานตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ.๒๕๖๖',
  'ข้อเสนอแนะสำหรับการประเมินตามแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment: EIT)',
];
// the three paragraphs of 004's EIT part, as q200/colour scans read their codes ("E ๑๑" → "5๑๑", "E ๑๒" → "๒๑๒", "E ๑๕" → "Eo")
const E11 = 'ข้อ 5๑๑ ได้คะแนน ๘๒.๒๕ ประเด็น เจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อ มีการปรับปรุงคุณภาพการปฏิบัติงาน/การให้บริการให้ดีขึ้นมากน้อยเพียงใด หน่วยงานควรนำเสนอผลงานที่แสดงให้เห็นถึงการปรับปรุง โดยมอบหมายให้ งานประชาสัมพันธ์ สำนักปลัด ดำเนินการ';
const E12 = 'ข้อ ๒๑๒ ได้คะแนน ๘๓.๖๘ ประเด็นหน่วยงานที่ทวนติดต่อ มีการปรับปรุงวิธีการและขั้นตอนการดำเนินงาน/การให้บริการดีขึ้น มากน้อยเพียงใด หน่วยงานควรนำเสนอผลงานที่แสดงให้เห็นถึงการปรับปรุง โดยมอบหมายให้ งานประชาสัมพันธ์ สำนักปลัด ดำเนินการ';
const E15 = 'ข้อ Eo ได้คะแนน ๘๔.๕๘ ประเด็น การปรับปรุงการดำเนินงาน/การให้บริการของหน่ วยงาน ให้มีความโปร่งใสมากขึ้น หน่วยงานควรนำเสนอผลงานที่แสดงให้เห็นถึงการปรับปรุง โดยมอบหมายให้ งานประชาสัมพันธ์ สำนักปลัด ดำเนินการ';

/** The blocks as if read by OCR: every block carries a recognition confidence. */
const asOcr = (blocks: Block[]): Block[] => blocks.map((b) => ({ ...b, source: { ...b.source, ocrConfidence: 0.9 } }) as Block);

const read = (...paragraphs: string[]) => recognise(asOcr(textToBlocks([...HEAD, ...paragraphs].join('\n'))));

describe("an item paragraph whose code letter OCR damaged", () => {
  it('is an entry of its own, the letter taken from the EIT heading ("ข้อ 5๑๑", "ข้อ ๒๑๒")', () => {
    const r = read(E11, E12);
    expect(r.entries.map((e) => [e.text.slice(0, 12), e.itemCodes.map((c) => c.code), e.score])).toEqual([
      ['ข้อ 5๑๑ ได้ค', ['e11'], 82.25],
      ['ข้อ ๒๑๒ ได้ค', ['e12'], 83.68],
    ]);
    // the catalogue of ITA 2565 agrees with the reading: the questions quoted are e11's and e12's
    expect(r.entries.map((e) => e.itemCodes[0]?.indicator)).toEqual([8, 8]);
    expect(r.diagnostics.filter((d) => d.code === 'ITEM_CODE_FROM_CATALOGUE')).toEqual([]);
  });

  it('with the code unreadable ("ข้อ Eo ได้คะแนน …") is still an entry, not glued to the paragraph above; the catalogue names the item, and both steps say so', () => {
    const r = read(E12, E15);
    expect(r.entries).toHaveLength(2);
    const e = r.entries[1]!;
    expect(e.text.startsWith('ข้อ Eo ได้คะแนน')).toBe(true);
    expect(e.score).toBe(84.58);
    expect(e.itemCodes.map((c) => [c.code, c.via])).toEqual([['e15', 'catalogue']]);
    const d = r.diagnostics.filter((x) => x.code === 'ITEM_CODE_UNCERTAIN' || x.code === 'ITEM_CODE_FROM_CATALOGUE');
    expect(d.map((x) => [x.code, x.actual ?? x.expected])).toEqual([
      ['ITEM_CODE_UNCERTAIN', 'Eo'],
      ['ITEM_CODE_FROM_CATALOGUE', 'e15'],
    ]);
  });

  // g4 (1-bit) scan of 004's IIT part: "ข้อ 1 ๗" and "ข้อ 1 ๙" with the Thai digit read as a letter or a sign
  it('under an IIT heading, "ข้อ 1 ฒ ได้คะแนน" and "ข้อ 1 « ได้คะแนน" are entries of their own, never i1; the catalogue names i7 from its quotation', () => {
    const IIT = 'ข้อเสนอแนะสำหรับการประเมินตามแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment: IIT)';
    const I7 = 'ข้อ 1 ฒ ได้คะแนน ๙๘.๖๘ ประเด็น บุคลากรในหน่วยงานบางรายไม่ทราบถึงแผนการใช้จ่ายงบประมาณในหน่วยงานเท่าที่ควร หน่วยงานควรมีการพัฒนาวิธีการเผยแพร่และประชาสัมพันธ์แผนการใช้จ่ายงบประมาณประจำปี โดยอาจพิจารณาจัดประชุมชี้แจงแผนการใช้จ่ายงบประ มาณประจำปีให้แก่บุคลากรภายในหน่วยงาน';
    const I9 = 'ข้อ 1 « ได้คะแนน ๙๒.อ๑ ประเด็น บุค ลากรในหน่วยงานบางรายไม่คำนึงถึงการใช้จ่ายงบประมาณเพื่อประโยชน์สูงสุด หน่วยงานควรจัดให้บุคลากรภายในหน่วยงานได้มีส่วนร่วมในการจัดทำแผนการใช้จ่ายงบ ประมาณ พ ร้อมทั้ง กำกับติดตามให้เป็นไปตามวัตถุประสงค์';
    const r = recognise(asOcr(textToBlocks([HEAD[0]!, IIT, I7, I9].join('\n'))));
    expect(r.entries.map((e) => e.text.slice(0, 9))).toEqual(['ข้อ 1 ฒ ไ', 'ข้อ 1 « ไ']);
    expect(r.entries[0]!.score).toBe(98.68);
    expect(r.entries[0]!.itemCodes.map((c) => [c.code, c.via])).toEqual([['i7', 'catalogue']]);
    expect(r.entries.flatMap((e) => e.itemCodes.map((c) => c.code))).not.toContain('i1');
  });

  it('a paragraph that merely starts with ข้อเสนอแนะ or ข้อ + a Thai word is no item', () => {
    const r = read('ข้อเสนอแนะ ได้คะแนน ๘๔.๕๘ ควรพัฒนาต่อไปให้ดียิ่งขึ้นในปีงบประมาณถัดไปอย่างต่อเนื่อง', 'ข้อ ควร ได้คะแนน ๘๔.๕๘ ควรพัฒนาต่อไปให้ดียิ่งขึ้นในปีงบประมาณถัดไป');
    expect(r.entries).toEqual([]);
  });
});
