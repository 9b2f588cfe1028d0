/**
 * Cases found by reading the recognisers against what the documents mean
 * (each once gave a wrong answer).
 */
import { describe, it, expect } from 'vitest';
import { findAssessment, findFiscalYear, findOrganization, type TextLine } from '../../src/ita/header.js';
import { indicatorRow } from '../../src/ita/indicators.js';
import { recogniseSectionHeading } from '../../src/ita/sections.js';
import { splitResponsible } from '../../src/ita/responsible.js';
import { scoreOf } from '../../src/ita/entry-fields.js';
import { columnRoles } from '../../src/ita/columns.js';

const lines = (...xs: string[]): TextLine[] => xs.map((text, i) => ({ text, source: { page: null, line: i + 1 } }));

describe('assessment results in other wordings', () => {
  it.each([
    ['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ได้คะแนน ๘๕.๕๒ คะแนน อยู่ในระดับ B', { year: 2566, overallScore: 85.52, level: 'B' }],
    ['ผลการประเมิน ITA ประจำปี ๒๕๖๗ ภาพรวมได้คะแนน ๙๒.๖๙ คะแนน', { year: 2567, overallScore: 92.69, level: null }],
    ['ผลการประเมิน ITA ปี ๒๕๖๖ คะแนนรวม ๘๙.๒๕ คะแนน ระดับ A', { year: 2566, overallScore: 89.25, level: 'A' }],
    ['ผลการประเมิน ๘๙.๒๕ คะแนน ระดับ A', { year: null, overallScore: 89.25, level: 'A' }],
    ['ผลคะแนน ITA ประจำปี ๒๕๖๗ ได้ ๘๙.๑๒ คะแนน ผ่านเกณฑ์', { year: 2567, overallScore: 89.12, level: 'ผ่าน' }],
  ])('%s', (text, expected) => {
    expect(findAssessment(lines(text))).toEqual(expected);
  });

  it('takes the year from the line before the score', () => {
    expect(findAssessment(lines('ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปี พ.ศ. ๒๕๖๗', 'คะแนนที่ได้ ๙๒.๖๙ คะแนน ระดับผลการประเมินอยู่ที่ ผ่าน'))).toEqual({
      year: 2567,
      overallScore: 92.69,
      level: 'ผ่าน',
    });
  });
});

describe('fiscal years written loosely', () => {
  it.each([
    ['ประจำปี งบประมาณ พ.ศ. ๒๕๖๗', 2567],
    ['ประจำปีงบประมาณ ๖๘', 2568],
  ])('%s', (text, be) => {
    expect(findFiscalYear(lines(text))?.be).toBe(be);
  });
});

describe('organisation names', () => {
  it.each([
    ['เทศบาลเมืองบ้านหมี่ อำเภอบ้านหมี่ จังหวัดลพบุรี', 'เทศบาลเมืองบ้านหมี่', 'บ้านหมี่', 'ลพบุรี'],
    ['องค์การบริหารส่วนตำบลบางจาก', 'องค์การบริหารส่วนตำบลบางจาก', null, null],
    ['องค์การบริหารส่วนตำบลหนองขอน', 'องค์การบริหารส่วนตำบลหนองขอน', null, null],
    ['เทศบาลตำบล บ่อพลับ', 'เทศบาลตำบลบ่อพลับ', null, null],
    ['องค์การบริหารส่วนตำบล ดงมะไฟ อำเภอ ทรายมูล จังหวัด ยโสธร', 'องค์การบริหารส่วนตำบลดงมะไฟ', 'ทรายมูล', 'ยโสธร'],
    ['เทศบาลตำบลท่าข้าม อ.พุนพิน จ.สุราษฎร์ธานี', 'เทศบาลตำบลท่าข้าม', 'พุนพิน', 'สุราษฎร์ธานี'],
  ])('%s', (text, name, district, province) => {
    const org = findOrganization(lines(text));
    expect(org?.name).toBe(name);
    expect(org?.district ?? null).toBe(district);
    expect(org?.province ?? null).toBe(province);
  });
});

describe('indicator tools follow the indicator number', () => {
  it('indicator 6 is EIT even when the row above was IIT', () => {
    expect(indicatorRow(['', 'ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน', '๘๗.๕๐'], 'IIT')?.tool).toBe('EIT');
  });
});

describe('numbered measures that contain an issue title are not headings', () => {
  it.each([
    '๒. พัฒนากลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงานของหน่วยงาน',
    '(๒) ส่งเสริมกระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้างของหน่วยงาน',
    '๒. พัฒนากระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพของหน่วยงาน',
    'ส่งเสริมช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐให้ทั่วถึง',
  ])('%s', (text) => {
    expect(recogniseSectionHeading(text)).toBeNull();
  });

  it.each([
    ['(๓) ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', 3],
    ['ประเด็นที่ ๔ ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', 4],
    ['กลไกและมาตรการในการแก้ไขและป้องกัน', null],
  ])('still reads %s', (text, stated) => {
    expect(recogniseSectionHeading(text)?.stated ?? null).toBe(stated);
  });
});

describe('responsible units', () => {
  it.each([
    ['นายก อบต.', ['นายก อบต.']],
    ['ปลัด อบต.', ['ปลัด อบต.']],
    ['สำนักปลัด – กองคลัง', ['สำนักปลัด', 'กองคลัง']],
  ])('%s', (text, units) => {
    expect(splitResponsible(text)).toEqual(units);
  });
});

describe('small readers', () => {
  it('reads a score written before คะแนน', () => expect(scoreOf('ข้อ i13 ได้ ๘๗.๕๐ คะแนน')).toBe(87.5));
  it('takes a column headed ที่ as the sequence', () => expect(columnRoles(['ที่', 'มาตรการ', 'ผู้รับผิดชอบ'])[0]).toBe('seq'));
});
