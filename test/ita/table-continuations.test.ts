/**
 * Rows cut by a page break whose rest does not start in the first column
 * (layout6): under a repeated header beside a section column that repeats
 * the section, and after a role-less code column placed first.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { recogniseSectionHeading } from '../../src/ita/sections.js';
import { generate } from '../_support/layouts/generate.js';
import { judge } from '../_support/layouts/score.js';
import { writeText } from '../_support/layouts/write-text.js';

const title = 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘';
const issue7 = 'กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน';

describe('continued rows (layout6)', () => {
  it('a section column repeated on the new page does not stop the cut row from continuing', async () => {
    const header = 'ประเด็น\tลำดับ\tมาตรการ\tระยะเวลาดำเนินการ\tผู้รับผิดชอบ';
    const text = [title, '', header, `${issue7}\t๑\tจัดทำคู่มือการให้บริการประชาชนและเผย\tม.ค. - มี.ค. ๒๕๖๘\tสำนักปลัด`, '', header, `${issue7}\t\tแพร่บนเว็บไซต์ของหน่วยงาน\t\t`, ''].join('\n');
    const doc = await extract(text, { fileName: 'cut.txt' });
    expect(doc.entries).toHaveLength(1);
    expect(doc.entries[0]!.fields.measure?.replace(/\s/g, '')).toBe('จัดทำคู่มือการให้บริการประชาชนและเผยแพร่บนเว็บไซต์ของหน่วยงาน');
  });

  it('the rest of a cut row under a code column placed first continues the row', async () => {
    const text = [
      title,
      '',
      'ข้อคำถาม\tลำดับ\tมาตรการ\tระยะเวลาดำเนินการ\tผู้รับผิดชอบ',
      'E๑\t๑\tจัดทำคู่มือการให้บริการประชาชนและเผย\tม.ค. - มี.ค. ๒๕๖๘\tสำนักปลัด',
      '\t\tแพร่บนเว็บไซต์ของหน่วยงาน\t\t',
      'E๒\t๒\tประชาสัมพันธ์ช่องทางการให้บริการออนไลน์\tไตรมาส ๓\tกองคลัง',
      '',
    ].join('\n');
    const doc = await extract(text, { fileName: 'cut2.txt' });
    expect(doc.entries.map((e) => e.seq)).toEqual([1, 2]);
  });
});

describe('the rest of a cut row when the number column is not the first (session 10)', () => {
  const header = 'มาตรการ\tลำดับ\tผู้รับผิดชอบ\tผลการดำเนินการ\tระยะเวลาดำเนินการ';
  it('continues the numbered row above, and the sub-rows after it keep their parent', async () => {
    const text = [
      title,
      '',
      header,
      'มีการมอบหมายผู้รับผิดชอบในการสื่อสารตอบข้อซั\t๓\tกองการศึกษา\tมีการปรับปรุงข้อมูลพื้นฐานในเว็\tม.ค. - มี.ค. ๒๕๖๘',
      '',
      'กถามหรือให้คำอธิบายแก่ประชาชน\t\t\tบไซต์ให้ครบถ้วน\t',
      'สร้างการรับรู้ข้อมูลข่าวสารของหน่วยงานให้ประชาชนรับทราบอย่างทั่วถึง\t๓.๑\tงานประชาสัมพันธ์\tรายงานผลแล้ว\tเม.ย. ๒๕๖๘',
      '',
    ].join('\n');
    const doc = await extract(text, { fileName: 'cut3.txt' });
    expect(doc.entries.map((e) => [e.seq, e.parentSeq])).toEqual([
      [3, null],
      [1, 3],
    ]);
    expect(doc.entries[0]!.fields.measure?.replace(/\s/g, '')).toBe('มีการมอบหมายผู้รับผิดชอบในการสื่อสารตอบข้อซักถามหรือให้คำอธิบายแก่ประชาชน');
  });

  it('leaves a row of its own alone: its own period, or a bulleted start', async () => {
    const rows = [
      'จัดทำคู่มือการให้บริการประชาชน\t๑\tสำนักปลัด\tจัดทำแล้ว\tม.ค. ๒๕๖๘',
      'ประชาสัมพันธ์ช่องทางการให้บริการออนไลน์\t\t\t\tไตรมาส ๓',
      '- เผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน\t\t\tเผยแพร่แล้ว\t',
    ];
    const doc = await extract([title, '', header, ...rows, ''].join('\n'), { fileName: 'own.txt' });
    expect(doc.entries.length).toBeGreaterThanOrEqual(2);
    expect(doc.entries[0]!.fields.measure).toBe('จัดทำคู่มือการให้บริการประชาชน');
  });
});

describe('generated documents that showed these (expected output by construction)', () => {
  // 40: a cut row's rest beside its repeated section title, after a repeated header (sections:column-repeated);
  // 123: a cut row's rest under a code column placed first (codeFirst); 102: a section row "ประเด็นที่ 6 …" cut short
  it.each([40, 123, 102])('seed %i: every measure found, no extra entry, every section right', async (seed) => {
    const g = generate(seed);
    const doc = await extract(writeText(g.blocks), { fileName: `g${seed}.txt` });
    const { verdicts, extra } = judge(doc, g.expected);
    expect(extra.map((e) => e.text)).toEqual([]);
    expect(verdicts.filter((v) => !v.actual).map((v) => v.expected.measure)).toEqual([]);
    expect(verdicts.filter((v) => !v.section).length).toBeLessThanOrEqual(seed === 102 ? 1 : 0);
  });
});

describe('a heading whose title is cut short (layout6)', () => {
  it('"ประเด็นที่ N" with the start of issue N\'s title is issue N', () => {
    expect(recogniseSectionHeading('ประเด็นที่ ๖ กระบวนการควบคุม ตรวจสอบ การใ')?.match?.number).toBe(6);
    // the start of another issue's title does not take the stated number's side by this rule
    expect(recogniseSectionHeading('ประเด็นที่ ๖ กลไกและมาตรการในการแก้ไข')?.match?.number ?? null).not.toBe(6);
  });
});

describe('a two-row header repeated in full on a new page (layout6)', () => {
  it('keeps the columns: its second row ("เริ่ม | สิ้นสุด") names only some and changes none', async () => {
    const top = 'ที่\tหน่วยงานรับผิดชอบ\tงบประมาณ\tระยะเวลาดำเนินการ\t\tมาตรการ';
    const sub = '\t\t\tเริ่ม\tสิ้นสุด\t';
    const text = [
      title,
      '',
      top,
      sub,
      '๑\tสำนักปลัด\t๒๐,๐๐๐\tต.ค. ๖๗\tมี.ค. ๖๘\tจัดทำคู่มือการให้บริการประชาชนและเผยแพร่บนเว็บไซต์',
      top,
      sub,
      '๒\tกองคลัง\t๕,๐๐๐ บาท\tเม.ย. ๖๘\tก.ย. ๖๘\tประชาสัมพันธ์ช่องทางการให้บริการออนไลน์ผ่านเพจของหน่วยงาน',
      '',
    ].join('\n');
    const doc = await extract(text, { fileName: 'rehead.txt' });
    expect(doc.entries.map((e) => [e.seq, e.budget?.baht, e.responsible, e.periods[0]?.start, e.periods[0]?.end])).toEqual([
      [1, 20000, ['สำนักปลัด'], '2024-10', '2025-03'],
      [2, 5000, ['กองคลัง'], '2025-04', '2025-09'],
    ]);
  });
});
