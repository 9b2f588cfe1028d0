import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  findAssessment,
  findFiscalYear,
  findOrganization,
  findReportingPeriod,
  findTitle,
  recogniseHeader,
  type TextLine,
} from '../../src/ita/header.js';
import { readText } from '../../src/readers/text.js';
import { normaliseBlocks } from '../../src/ita/normalise.js';
import type { Organization } from '../../src/model/schema.js';

function lines(...texts: string[]): TextLine[] {
  return texts.map((text, i) => ({ text, source: { page: null, line: i + 1 } }));
}

/** The text lines (not table rows) of a corpus file, as recognition sees them. */
function corpusLines(stem: string): TextLine[] {
  const path = fileURLToPath(new URL(`../../fixtures/corpus/${stem}.txt`, import.meta.url));
  const blocks = normaliseBlocks(readText(readFileSync(path, 'utf8')).blocks);
  return blocks.flatMap((b) => (b.type === 'table' ? [] : [{ text: b.text, source: b.source }]));
}

function expectedOf(stem: string): {
  title: string | null;
  organization: Organization | null;
  fiscalYear: number | null;
  assessment: { year: number | null; overallScore: number | null; level: string | null };
} {
  const path = fileURLToPath(new URL(`../../fixtures/expected/${stem}.expected.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8'));
}

const STEMS = ['000_12d03613c0e47b57', '001_52975bb7fc874981', '003_592d1508f0de56c3', '004_d0cc15d3996b9fea'];

describe('recogniseHeader on the corpus, against the hand-made expected files', () => {
  it.each(STEMS)('%s', (stem) => {
    const want = expectedOf(stem);
    const got = recogniseHeader(corpusLines(stem));
    expect(got.title).toBe(want.title);
    expect(got.organization).toEqual(want.organization);
    expect(got.fiscalYear?.be ?? null).toBe(want.fiscalYear);
    expect(got.assessment).toEqual({
      year: want.assessment.year,
      overallScore: want.assessment.overallScore,
      level: want.assessment.level,
    });
  });
});

describe('findTitle', () => {
  it.each<[string[], string | null]>([
    // 000: title, year line, then a bracketed note that is not part of the title
    [
      ['รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'ประจำปี พ.ศ. ๒๕๖๘', '(ตามมาตราการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน)', 'เทศบาลตำบลบ่อพลับ'],
      'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    ],
    // 001: the year phrase on the next line carries the reporting window
    [
      ['รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)', 'องค์การบริหารส่วนตำบลดงมะไฟ'],
      'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    ],
    // 003: bold, year phrase on the same line
    [
      ['**รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๗**', '**องค์การบริหารส่วนตำบลคลองประสัก อำเภอเมือง จังหวัดกระบี่**'],
      'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    ],
    // 004: the title continues on the next line
    [
      ['รายงานผลการดำเนินงาน', 'ตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ', 'ประจำปีงบประมาณ พ.ศ.๒๕๖๖'],
      'รายงานผลการดำเนินงาน ตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
    ],
    // variants
    [['มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘'], 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'],
    [
      ['การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปี ๒๕๖๗'],
      'การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)',
    ],
    [
      ['องค์การบริหารส่วนตำบลดงมะไฟ', 'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'],
      'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    ],
    [
      ['รายงานผลการดำเนินการ', 'เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๗'],
      'รายงานผลการดำเนินการ เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    ],
    [
      ['## รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปีงบประมาณ ๒๕๖๗'],
      'รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    ],
    // no title at all
    [['เทศบาลตำบลบ่อพลับ', 'อำเภอเมืองนครปฐม จังหวัดนครปฐม'], null],
    [[], null],
  ])('%j', (texts, expected) => {
    expect(findTitle(lines(...texts))).toBe(expected);
  });
});

describe('findOrganization', () => {
  it.each<[string[], Organization | null]>([
    // corpus headers
    [
      ['เทศบาลตำบลบ่อพลับ', 'อำเภอเมืองนครปฐม จังหวัดนครปฐม'],
      { name: 'เทศบาลตำบลบ่อพลับ', kind: 'เทศบาลตำบล', district: 'เมืองนครปฐม', province: 'นครปฐม' },
    ],
    [
      ['องค์การบริหารส่วนตำบลดงมะไฟ', 'อำเภอทรายมูล จังหวัดยโสธร', 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ องค์การบริหารส่วนตำบลดงมะไฟ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖'],
      { name: 'องค์การบริหารส่วนตำบลดงมะไฟ', kind: 'องค์การบริหารส่วนตำบล', district: 'ทรายมูล', province: 'ยโสธร' },
    ],
    [
      ['**องค์การบริหารส่วนตำบลคลองประสัก อำเภอเมือง จังหวัดกระบี่**'],
      { name: 'องค์การบริหารส่วนตำบลคลองประสัก', kind: 'องค์การบริหารส่วนตำบล', district: 'เมืองกระบี่', province: 'กระบี่' },
    ],
    // 004: the name glued to the next word, then the abbreviation อบต.
    [
      ['จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานขององค์การบริหารส่วนตำบลบ้านหม้อ ประจำปีงบประมาณ พ.ศ.๒๕๖๕ โดยภาพรวมได้คะแนน ๙๔.๙๔ อยู่ในระดับ A องค์การบริหารส่วนตำบลบ้านหม้อได้นำข้อเสนอแนะมาปรับปรุง'],
      { name: 'องค์การบริหารส่วนตำบลบ้านหม้อ', kind: 'องค์การบริหารส่วนตำบล', district: null, province: null },
    ],
    [
      ['- อบต.บ้านหม้อได้ประชาสัมพันธ์ช่องทาง Social Network มาให้ประชาชนทั่วไปมีส่วนร่วมแสดงความคิดเห็น'],
      { name: 'องค์การบริหารส่วนตำบลบ้านหม้อ', kind: 'องค์การบริหารส่วนตำบล', district: null, province: null },
    ],
    // every kind, written out and abbreviated
    [['เทศบาลนครนครราชสีมา'], { name: 'เทศบาลนครนครราชสีมา', kind: 'เทศบาลนคร', district: null, province: null }],
    [
      ['เทศบาลเมืองแสนสุข อำเภอเมืองชลบุรี จังหวัดชลบุรี'],
      { name: 'เทศบาลเมืองแสนสุข', kind: 'เทศบาลเมือง', district: 'เมืองชลบุรี', province: 'ชลบุรี' },
    ],
    [['องค์การบริหารส่วนจังหวัดนครปฐม'], { name: 'องค์การบริหารส่วนจังหวัดนครปฐม', kind: 'องค์การบริหารส่วนจังหวัด', district: null, province: 'นครปฐม' }],
    [
      ['อบต.หนองบัว อำเภอเมือง จังหวัดอุดรธานี'],
      { name: 'องค์การบริหารส่วนตำบลหนองบัว', kind: 'องค์การบริหารส่วนตำบล', district: 'เมืองอุดรธานี', province: 'อุดรธานี' },
    ],
    // a provincial administration is in the province it is named after
    [['อบจ.เชียงใหม่'], { name: 'องค์การบริหารส่วนจังหวัดเชียงใหม่', kind: 'องค์การบริหารส่วนจังหวัด', district: null, province: 'เชียงใหม่' }],
    [['ทต.บ่อพลับ'], { name: 'เทศบาลตำบลบ่อพลับ', kind: 'เทศบาลตำบล', district: null, province: null }],
    [['ทม.แสนสุข'], { name: 'เทศบาลเมืองแสนสุข', kind: 'เทศบาลเมือง', district: null, province: null }],
    [['ทน.ขอนแก่น'], { name: 'เทศบาลนครขอนแก่น', kind: 'เทศบาลนคร', district: null, province: null }],
    // the organisation named most often wins over another one mentioned once
    [
      ['องค์การบริหารส่วนตำบลนาดี', 'ประชุมร่วมกับเทศบาลตำบลหนองหาน', 'องค์การบริหารส่วนตำบลนาดี ได้ดำเนินการ'],
      { name: 'องค์การบริหารส่วนตำบลนาดี', kind: 'องค์การบริหารส่วนตำบล', district: null, province: null },
    ],
    // a stop word at the start of the name is part of it
    [['เทศบาลตำบลในเมือง'], { name: 'เทศบาลตำบลในเมือง', kind: 'เทศบาลตำบล', district: null, province: null }],
    // nothing named
    [['รายงานผลการดำเนินการ', 'ประจำปี พ.ศ. ๒๕๖๘'], null],
    [[], null],
  ])('%j', (texts, expected) => {
    expect(findOrganization(lines(...texts))).toEqual(expected);
  });
});

describe('findFiscalYear', () => {
  it.each<[string[], number | null]>([
    [['รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'ประจำปี พ.ศ. ๒๕๖๘'], 2568],
    [['ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)'], 2566],
    [['**รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๗**'], 2567],
    [['ประจำปีงบประมาณ พ.ศ.๒๕๖๖'], 2566],
    [['ปีงบประมาณ 2567'], 2567],
    [['ประจำปีงบประมาณ พ.ศ ๒๕๖๗'], 2567],
    // the ี of ประจำปี read as ู by OCR (Debian's tesseract on a 004 scan)
    [['ประจำปูงบประมาณ พ.ศ.๒๕๖๖'], 2566],
    // 004: the title's year comes first; the assessment year (2565) is in a later paragraph
    [
      [
        'รายงานผลการดำเนินงาน',
        'ตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
        'ประจำปีงบประมาณ พ.ศ.๒๕๖๖',
        'จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานขององค์การบริหารส่วนตำบลบ้านหม้อ ประจำปีงบประมาณ พ.ศ.๒๕๖๕',
      ],
      2566,
    ],
    [['รายงานผลการดำเนินการ', 'เทศบาลตำบลบ่อพลับ'], null],
  ])('%j → %s', (texts, be) => {
    expect(findFiscalYear(lines(...texts))?.be ?? null).toBe(be);
  });

  it('gives the fiscal year with its CE year and its first and last days', () => {
    expect(findFiscalYear(lines('ประจำปี พ.ศ. ๒๕๖๘'))).toEqual({ be: 2568, ce: 2025, start: '2024-10-01', end: '2025-09-30' });
    expect(findFiscalYear(lines('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖'))).toEqual({ be: 2566, ce: 2023, start: '2022-10-01', end: '2023-09-30' });
  });
});

describe('findReportingPeriod', () => {
  const fy2567 = findFiscalYear(lines('ประจำปีงบประมาณ พ.ศ. ๒๕๖๗'));

  it.each<[string, [string | null, string | null, string] | null, [string | null, string | null, string] | null]>([
    // 001 line 6: the window written out
    ['ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)', ['2022-10', '2023-03', 'month'], ['2022-10', '2023-03', 'month']],
    ['รายงานผลการดำเนินงาน รอบ 6 เดือน (1 ตุลาคม 2566 – 31 มีนาคม 2567)', ['2023-10-01', '2024-03-31', 'day'], ['2023-10-01', '2024-03-31', 'day']],
    ['รอบ ๖ เดือนแรก (ต.ค. ๖๖ - มี.ค. ๖๗)', ['2023-10', '2024-03', 'month'], ['2023-10', '2024-03', 'month']],
    // its number misread as a sign on a scan: the window written out still counts, the bare cue gives no length
    ['ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ » เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)', ['2022-10', '2023-03', 'month'], ['2022-10', '2023-03', 'month']],
    ['รายงานผล รอบ » เดือน', null, null],
    // only "รอบ N เดือน": needs the fiscal year
    ['รายงานผล รอบ ๖ เดือน', ['2023-10', '2024-03', 'month'], null],
    ['รายงานผล รอบ ๑๒ เดือน', ['2023-10', '2024-09', 'month'], null],
    ['รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', null, null],
    // the window introduced by other words than "รอบ N เดือน"
    ['ระยะเวลาการรายงาน ตุลาคม ๒๕๖๖ – มีนาคม ๒๕๖๗', ['2023-10', '2024-03', 'month'], ['2023-10', '2024-03', 'month']],
    ['ผลการดำเนินงานระหว่างวันที่ ๑ ตุลาคม ๒๕๖๖ ถึง ๓๑ มีนาคม ๒๕๖๗', ['2023-10-01', '2024-03-31', 'day'], ['2023-10-01', '2024-03-31', 'day']],
    ['รายงานผลการดำเนินงาน ไตรมาสที่ ๒ (มกราคม - มีนาคม ๒๕๖๗)', ['2024-01', '2024-03', 'month'], ['2024-01', '2024-03', 'month']],
    ['รายงานผลการดำเนินงาน ประจำไตรมาสที่ ๒', ['2024-01', '2024-03', 'month'], null],
    // an as-of date, or a measure's own period, is no reporting window
    ['ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๗', null, null],
    ['ดำเนินการทุกไตรมาส ตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗', null, null],
    ['ติดตามผลไตรมาสที่ ๒ (มกราคม - มีนาคม ๒๕๖๗)', null, null],
  ])('%s', (text, withFy, withoutFy) => {
    const shape = (p: ReturnType<typeof findReportingPeriod>) => (p ? [p.start, p.end, p.precision] : null);
    expect(shape(findReportingPeriod(lines(text), fy2567))).toEqual(withFy);
    expect(shape(findReportingPeriod(lines(text), null))).toEqual(withoutFy);
  });
});

describe('findAssessment', () => {
  it.each<[string[], { year: number | null; overallScore: number | null; level: string | null }]>([
    // 003 line 6
    [
      ['จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานขององค์การบริหารส่วนตำบลคลองประสัก ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ โดยภาพรวมได้คะแนน ๘๗.๓๕ อยู่ในระดับ ผ่าน องค์การบริหารส่วนตำบลคลองประสัก ได้รายงานผลการดำเนินงานตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสในหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗'],
      { year: 2567, overallScore: 87.35, level: 'ผ่าน' },
    ],
    // 004 line 10: the assessment year (2565) is not the year of the measures (2566)
    [
      ['จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานขององค์การบริหารส่วนตำบลบ้านหม้อ ประจำปีงบประมาณ พ.ศ.๒๕๖๕ โดยภาพรวมได้คะแนน ๙๔.๙๔ อยู่ในระดับ A องค์การบริหารส่วนตำบลบ้านหม้อได้นำข้อเสนอแนะมาปรับปรุง เพื่อขับเคลื่อนมาตรการส่งเสริมคุณธรรมและความโปร่งใสในหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ.๒๕๖๖ ดังนี้'],
      { year: 2565, overallScore: 94.94, level: 'A' },
    ],
    // 001 line 13: the year only
    [
      ['จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ นำมาสู่ข้อเสนอแนะในการกำหนดมาตรการในการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานของ องค์การบริหารส่วนตำบลดงมะไฟ ดังนี้'],
      { year: 2565, overallScore: null, level: null },
    ],
    // score and level phrasing of 2567+ reports
    [['คะแนนที่ได้ ๙๒.๖๙ คะแนน ระดับผลการประเมินอยู่ที่ ผ่าน'], { year: null, overallScore: 92.69, level: 'ผ่าน' }],
    [['โดยภาพรวมได้คะแนน ๗๘.๕๐ คะแนน ผลการประเมินอยู่ในระดับ ไม่ผ่าน'], { year: null, overallScore: 78.5, level: 'ไม่ผ่าน' }],
    [['ผลการประเมินภาพรวมได้ ๙๕.๘๓ คะแนน อยู่ในระดับ AA'], { year: null, overallScore: 95.83, level: 'AA' }],
    [['ผลคะแนนรวม ๘๙.๒๕ คะแนน ระดับ A'], { year: null, overallScore: 89.25, level: 'A' }],
    [['คะแนนภาพรวม ๗๒.๔๐ คะแนน ผลการประเมินระดับ C'], { year: null, overallScore: 72.4, level: 'C' }],
    [['คะแนนภาพรวม ๙๑.๐๐ คะแนน ระดับ A ลดลงจากปีที่แล้ว ๙๓.๐๐ คะแนน'], { year: null, overallScore: 91, level: 'A' }],
    [['ได้คะแนน ITA ๘๙.๒๕ คะแนน'], { year: null, overallScore: 89.25, level: null }],
    // the level in quotes after ผลการประเมิน; "ผลการประเมินผ่านระบบ…" (assessed through a system) is no level
    [['ได้คะแนน ๙๒.๕๐ คะแนน ผลการประเมิน "ผ่าน" จึงได้กำหนดมาตรการ'], { year: null, overallScore: 92.5, level: 'ผ่าน' }],
    [['ได้คะแนน ๗๒.๕๐ คะแนน ผลการประเมิน “ไม่ผ่าน”'], { year: null, overallScore: 72.5, level: 'ไม่ผ่าน' }],
    [['ได้คะแนน ๙๑.๒๗ คะแนน ผลการประเมินระดับ "ผ่าน"'], { year: null, overallScore: 91.27, level: 'ผ่าน' }],
    [['ได้ ๘๘.๑๐ คะแนน อยู่ในระดับ “A”'], { year: null, overallScore: 88.1, level: 'A' }],
    // "ประจำปูงบประมาณ": the ี read as ู by OCR
    [['จากการประเมินผลคุณธรรมและความโปร่งใส (ITA) ประจำปูงบประมาณ พ.ศ.๒๕๖๕ ได้คะแนน ๙๔.๙๔ คะแนน'], { year: 2565, overallScore: 94.94, level: null }],
    // two years' results in one line: the latest year's
    [['ผลการประเมิน ITA ปี พ.ศ. ๒๕๖๖ ได้ ๗๙.๑๒ คะแนน (ระดับ B) และปี พ.ศ. ๒๕๖๗ ได้ ๘๖.๐๕ คะแนน (ระดับ A) เพิ่มขึ้น'], { year: 2567, overallScore: 86.05, level: 'A' }],
    [['ผลการประเมิน ITA ปี 2568 ได้ 90.10 คะแนน (ผ่าน) ปี 2567 ได้ 85.00 คะแนน'], { year: 2568, overallScore: 90.1, level: 'ผ่าน' }],
    // the score's sentence wrapped, the level opening the next line; a level further down is another matter
    [['ได้คะแนน ๙๑.๒๗ คะแนน ผลการประเมิน', 'ระดับ "ผ่าน"'], { year: null, overallScore: 91.27, level: 'ผ่าน' }],
    [['ผลการประเมิน ITA ได้คะแนน ๙๑.๒๗ คะแนน', 'มาตรการที่ ๑', 'ระดับ A'], { year: null, overallScore: 91.27, level: null }],
    [['ได้คะแนน ๙๒.๕๐ คะแนน ผลการประเมินผ่านระบบ ITAS'], { year: null, overallScore: 92.5, level: null }],
    // an item's own score is not the overall score
    [['ข้อ 1๗ ได้คะแนน ๙๘.๖๘ ประเด็น บุคลากรในหน่วยงานบางรายไม่ทราบถึงแผนการใช้จ่ายงบประมาณในหน่วยงานเท่าที่ควร'], { year: null, overallScore: null, level: null }],
    [['ข้อ E๑๑ ได้คะแนน ๘๒.๒๕ ประเด็น เจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อ มีการปรับปรุงคุณภาพการปฏิบัติงาน/การให้บริการให้ดีขึ้นมากน้อยเพียงใด'], { year: null, overallScore: null, level: null }],
    [['ข้อ ๒๕ ได้คะแนน ๑๐๐ ประเด็น บุคลากรในหน่วยงานบางรายเห็นว่าผู้บริหารสูงสุดของหน่วยงานยังไม่ให้ความสำคัญ'], { year: null, overallScore: null, level: null }],
    [['- ข้อ 1๗ ได้คะแนน ๙๘.๖๘ ระดับ A'], { year: null, overallScore: null, level: null }],
    // nor is one tool's average (004 line 46) or one indicator's score
    [
      ['หน่วยงาน องค์การบริหารส่วนตำบลบ้านหม้อ ได้คะแนนผลการประเมินตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT) ที่ดีเยี่ยม คะแนนเฉลี่ย ๙๖.๘๘ คะแนน ควรรักษามาตรฐานไว้'],
      { year: null, overallScore: null, level: null },
    ],
    [['ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนน ๙๕.๑๑ ระดับ AA'], { year: null, overallScore: null, level: null }],
    // 000 states no assessment result at all
    [
      [
        'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
        'ประจำปี พ.ศ. ๒๕๖๘',
        '๑. การวิเคราะห์ผลการประเมินฯ ที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไข แยกเป็น ๗ ประเด็น เพื่อนำไปสู่การปฏิบัติ',
      ],
      { year: null, overallScore: null, level: null },
    ],
    // the first statement wins over later item paragraphs
    [
      [
        'จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานขององค์การบริหารส่วนตำบลบ้านหม้อ ประจำปีงบประมาณ พ.ศ.๒๕๖๕ โดยภาพรวมได้คะแนน ๙๔.๙๔ อยู่ในระดับ A',
        'ข้อ ๒๕ ได้คะแนน ๑๐๐ ประเด็น บุคลากรในหน่วยงาน',
        'ข้อ E๑๑ ได้คะแนน ๘๒.๒๕ ประเด็น เจ้าหน้าที่ของหน่วยงาน',
      ],
      { year: 2565, overallScore: 94.94, level: 'A' },
    ],
  ])('%j', (texts, expected) => {
    expect(findAssessment(lines(...texts))).toEqual(expected);
  });
});

describe('the overall score against its level band', () => {
  const line003 = (score: string) =>
    `จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานขององค์การบริหารส่วนตำบลคลองประสัก ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ โดยภาพรวมได้คะแนน ${score} อยู่ในระดับ ผ่าน`;
  const line004 = (score: string) =>
    `จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานขององค์การบริหารส่วนตำบลบ้านหม้อ ประจำปีงบประมาณ พ.ศ.๒๕๖๕ โดยภาพรวมได้คะแนน ${score} อยู่ในระดับ A`;
  const doubts = (text: string) => recogniseHeader(lines('รายงานผลการดำเนินการ', text)).diagnostics.filter((d) => d.code === 'SCORE_OUT_OF_RANGE');

  it('says nothing when the score lies in its band (the corpus lines as written)', () => {
    expect(doubts(line003('๘๗.๓๕'))).toEqual([]);
    expect(doubts(line004('๙๔.๙๔'))).toEqual([]);
    for (const stem of STEMS) expect(recogniseHeader(corpusLines(stem)).diagnostics.filter((d) => d.code === 'SCORE_OUT_OF_RANGE')).toEqual([]);
  });

  it('flags a score read outside the band of the level written with it, on the score line', () => {
    // OCR of a 300 dpi scan before the token fix: ๘๗.๓๕ came out "๘ฒ.๓๕", read as 8 with level ผ่าน (85 or more)
    const a = doubts(line003('๘ฒ.๓๕'));
    expect(a.map((d) => [d.actual, d.expected, d.source?.line])).toEqual([['8', '85–100', 2]]);
    // the glyph templates read ๙๔.๙๔ as ๙๕.๙๕: level A is 85 to below 95
    expect(doubts(line004('๙๕.๙๕')).map((d) => d.actual)).toEqual(['95.95']);
  });
});
