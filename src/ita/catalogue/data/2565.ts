/**
 * ITA 2565 (fiscal 2022).
 * OIT: all 43 titles with sub-indicators, from an agency's OIT 2565 page.
 * EIT: 9 of 15 questions as quoted by corpus reports 001 and 004 (both analyse ITA 2565).
 * IIT: 30 items; no question wording found, only weakness statements quoted by corpus 004.
 */
import type { CatalogueAltText, CatalogueItem, CatalogueYear } from '../types.js';
import { byBlocks, item, override, placeholders } from './_build.js';
import { oitSub2564 } from './2564.js';

const GIT = 'git-oit-2565';
const ISSUE = 'issue#6';
const README = 'fixtures-readme';
const c001 = (line: number): string => `corpus:001 line ${line}`;
const c004 = (line: number): string => `corpus:004 line ${line}`;
const alt = (text: string, source: string, note?: string): CatalogueAltText => (note ? { text, source, note } : { text, source });
const statement = (text: string, source: string, note: string): CatalogueAltText => ({ text, source, note, kind: 'statement' });

/* ----------------------------------------------------------------- IIT */

const IIT_BASE = placeholders('IIT', 30, (n) => ({
  indicator: byBlocks(n, 6, 1),
  source: README,
  note: 'Indicator assumed from the 2564 layout (6 items per indicator, issue #6); corpus 004 agrees for i7–i9 (budget) and i25–i27 (anti-corruption).',
}));

const iitAlt = (n: number, alts: CatalogueAltText[], note?: string): CatalogueItem =>
  item('IIT', n, {
    question: null,
    indicator: byBlocks(n, 6, 1),
    altTexts: alts,
    source: README,
    note:
      'Question wording unsourced for 2565; the alt text is the weakness statement the NACC result report gives for the item, as quoted by a corpus report.' +
      (note ? ` ${note}` : ''),
  });

const IIT = override(IIT_BASE, [
  iitAlt(7, [alt('บุคลากรในหน่วยงานบางรายไม่ทราบถึงแผนการใช้จ่ายงบประมาณในหน่วยงานเท่าที่ควร', c004(26))]),
  iitAlt(8, [alt('บุคลากรในหน่วยงานบางรายไม่คำนึงถึงการใช้จ่ายงบประมาณเพื่อประโยชน์สูงสุด', c004(28))], 'Corpus 004 line 30 repeats the same statement under i9 (copied from i8); it is not attached to i9.'),
  iitAlt(25, [alt('บุคลากรในหน่วยงานบางรายเห็นว่าผู้บริหารสูงสุดของหน่วยงานยังไม่ให้ความสำคัญกับการดำเนินงานเรื่องการต่อต้านทุจริตภายในหน่วยงาน', c004(18))]),
  iitAlt(26, [
    alt('หน่วยงานของท่านยังไม่มีบททวนนโยบายหรือมาตรการป้องกันการทุจริตเพื่อนำไปจัดทำแผนงานฯ และเผยแพร่ให้บุคลากรภายในรับทราบ', c004(20), 'quoted as written ("บททวน" for ทบทวน)'),
  ]),
  iitAlt(27, [alt('หน่วยงานของท่านมีปัญหาการทุจริตภายในที่ยังไม่ได้รับการแก้ไข', c004(22))]),
]);

/* ----------------------------------------------------------------- EIT */

const EIT_BASE = placeholders('EIT', 15, (n) => ({ indicator: byBlocks(n, 5, 6), source: ISSUE }));

const eit = (n: number, question: string, source: string, note?: string, subItems?: readonly string[]): CatalogueItem =>
  item('EIT', n, {
    question,
    indicator: byBlocks(n, 5, 6),
    source,
    ...(note ? { note } : {}),
    ...(subItems ? { subItems } : {}),
  });

const EIT = override(EIT_BASE, [
  eit(
    4,
    'ในระยะเวลา ๑ ปีที่ผ่านมา ท่านเคยถูกเจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อร้องขอให้จ่ายหรือให้สิ่งดังต่อไปนี้ เพื่อแลกกับการปฏิบัติงาน การอนุมัติ อนุญาต หรือให้บริการ หรือไม่',
    c004(34),
  ),
  eit(
    6,
    'การเผยแพร่ข้อมูลของหน่วยงานที่ท่านติดต่อ มีลักษณะดังต่อไปนี้',
    c001(21),
    'Quoted with two of its sub-points only; the question may continue in the questionnaire.',
    ['เข้าถึงง่าย ไม่ซับซ้อน', 'มีช่องทางหลากหลาย'],
  ),
  eit(7, 'หน่วยงานที่ท่านติดต่อ มีการเผยแพร่ผลงานหรือข้อมูลที่สาธารณชนควรรับทราบอย่างชัดเจน มากน้อยเพียงใด', c001(22)),
  eit(8, 'หน่วยงานที่ท่านติดต่อ มีช่องทางรับฟังคำติชมหรือความคิดเห็นเกี่ยวกับการดำเนินงาน/การให้บริการ หรือไม่', c001(25)),
  eit(9, 'หน่วยงานที่ท่านติดต่อ มีการชี้แจงและตอบคำถาม เมื่อมีข้อกังวลสงสัยเกี่ยวกับการดำเนินงานได้อย่างชัดเจน มากน้อยเพียงใด', c001(26)),
  eit(
    10,
    'หน่วยงานที่ท่านติดต่อ มีช่องทางให้ผู้มาติดต่อร้องเรียนการทุจริตของเจ้าหน้าที่ในหน่วยงาน หรือไม่',
    c001(29),
    'The corpus cell is wrapped ("หน่วยงานที่ท่าน ติดต่อ มีช่องทางให้ผู้มา ติดต่อร้องเรียนการทุจริต ของเจ้าหน้าที่ในหน่วยงาน หรือไม่"); wrap spaces removed. Its code is garbled as "๑๐๐"; read as e10 by the fixtures README (row after e9, question text).',
  ),
  eit(11, 'เจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อ มีการปรับปรุงคุณภาพการปฏิบัติงาน/การให้บริการให้ดีขึ้นมากน้อยเพียงใด', c004(36)),
  eit(
    12,
    'หน่วยงานที่ท่านติดต่อ มีการปรับปรุงวิธีการและขั้นตอนการดำเนินงาน/การให้บริการดีขึ้น มากน้อยเพียงใด',
    c004(40),
    'The corpus has the typo "หน่วยงานที่ทวนติดต่อ"; ท่าน restored.',
  ),
  eit(15, 'การปรับปรุงการดำเนินงาน/การให้บริการของหน่วยงาน ให้มีความโปร่งใสมากขึ้น', c004(42), 'Quoted in part by the report (subject only).'),
]);

/* ----------------------------------------------------------------- OIT */

const SUB_NAMES: Readonly<Record<string, string>> = {
  '9.1': 'ข้อมูลพื้นฐาน',
  '9.2': 'การบริหารงาน',
  '9.3': 'การบริหารเงินงบประมาณ',
  '9.4': 'การบริหารและพัฒนาทรัพยากรบุคคล',
  '9.5': 'การส่งเสริมความโปร่งใส',
  '10.1': 'การดำเนินการเพื่อป้องกันการทุจริต',
  '10.2': 'มาตรการภายในเพื่อป้องกันการทุจริต',
};

const TITLES: readonly string[] = [
  'โครงสร้าง',
  'ข้อมูลผู้บริหาร',
  'อำนาจหน้าที่',
  'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน',
  'ข้อมูลการติดต่อ',
  'กฎหมายที่เกี่ยวข้อง',
  'ข่าวประชาสัมพันธ์',
  'Q&A',
  'Social Network',
  'แผนดำเนินงานประจำปี', // o10
  'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน',
  'รายงานผลการดำเนินงานประจำปี',
  'คู่มือหรือมาตรฐานการปฏิบัติงาน',
  'คู่มือหรือมาตรฐานการให้บริการ',
  'ข้อมูลเชิงสถิติการให้บริการ',
  'รายงานผลการสำรวจความพึงพอใจการให้บริการ',
  'E-Service',
  'แผนการใช้จ่ายงบประมาณประจำปี', // o18
  'รายงานการกำกับติดตามการใช้จ่ายงบประมาณประจำปีรอบ 6 เดือน',
  'รายงานผลการใช้จ่ายงบประมาณประจำปี',
  'แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ',
  'ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
  'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน',
  'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี',
  'นโยบายการบริหารทรัพยากรบุคคล', // o25
  'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล',
  'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล',
  'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี',
  'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', // o29
  'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  'ช่องทางการรับฟังความคิดเห็น',
  'การเปิดโอกาสให้เกิดการมีส่วนร่วม',
  'นโยบายไม่รับของขวัญ (No Gift Policy)', // o34
  'การมีส่วนร่วมของผู้บริหาร',
  'การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี',
  'การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ',
  'การเสริมสร้างวัฒนธรรมองค์กร ตามมาตรฐานทางจริยธรรม',
  'แผนปฏิบัติการป้องกันการทุจริต', // o39
  'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน',
  'รายงานผลการดำเนินการป้องกันการทุจริตประจำปี',
  'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', // o42
  'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
];

const OIT_ALTS: Readonly<Record<number, { alts: CatalogueAltText[]; note?: string }>> = {
  22: { alts: [], note: 'The source page writes "การจัดซื้อจ้าง"; จัดซื้อจัดจ้าง restored.' },
  34: {
    alts: [
      statement(
        'หน่วยงานต้องแสดงนโยบายว่าผู้บริหาร เจ้าหน้าที่และบุคลากรทุกคน จะต้องไม่มีการรับของขวัญ (No Gift Policy) ดำเนินการโดยผู้บริหารสูงสุดคนปัจจุบัน',
        c004(46),
        'the item requirement as quoted by the report',
      ),
    ],
  },
  37: { alts: [alt('การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต', c001(17), 'title as quoted by the report, wrap spaces removed')] },
  38: { alts: [], note: '"ตามมาตรฐานทางจริยธรรม" may be the source page’s own addition to the title การเสริมสร้างวัฒนธรรมองค์กร.' },
  43: { alts: [alt('การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', c001(18), 'wrap spaces removed')] },
};

const OIT: CatalogueItem[] = TITLES.map((title, i) => {
  const n = i + 1;
  const place = oitSub2564(n);
  const extra = OIT_ALTS[n];
  return item('OIT', n, {
    question: title,
    indicator: place.indicator,
    subIndicator: place.subIndicator,
    subIndicatorName: SUB_NAMES[place.subIndicator] ?? null,
    source: GIT,
    ...(extra && extra.alts.length > 0 ? { altTexts: extra.alts } : {}),
    ...(extra?.note ? { note: extra.note } : {}),
  });
});

const CORPUS_LINES: ReadonlyArray<[string, string]> = [
  [c001(17), 'row for ตัวชี้วัดย่อยที่ ๑๐.๑, item "ข้อ ๐ ๓๗" (o37) with its title'],
  [c001(18), 'row for ตัวชี้วัดย่อยที่ ๑๐.๒, item "ข้อ ๐ ๔๓" (o43) with its title'],
  [c001(21), 'e6 question with two sub-points'],
  [c001(22), 'e7 question'],
  [c001(25), 'e8 question'],
  [c001(26), 'e9 question'],
  [c001(29), 'e10 question; code garbled as "๑๐๐"'],
  [c004(18), 'weakness statement for ข้อ ๒๕ (i25)'],
  [c004(20), 'weakness statement for ข้อ ๒๖ (i26)'],
  [c004(22), 'weakness statement for ข้อ ๒๗ (i27)'],
  [c004(26), 'weakness statement for ข้อ 1๗ (i7: Latin I read as 1)'],
  [c004(28), 'weakness statement for ข้อ 1๘ (i8)'],
  [c004(34), 'e4 question quoted in running text'],
  [c004(36), 'e11 question'],
  [c004(40), 'e12 question (typo ทวน for ท่าน)'],
  [c004(42), 'e15, quoted in part'],
  [c004(46), 'o34 requirement text (No Gift Policy)'],
];

export const YEAR_2565: CatalogueYear = {
  year: 2565,
  sources: [
    {
      id: GIT,
      title:
        'ITA ประจำปีงบประมาณ พ.ศ. 2565 – OIT page of สถาบันวิจัยและพัฒนาอัญมณีและเครื่องประดับแห่งชาติ (องค์การมหาชน) (GIT), PHP page source in a public GitHub repository',
      note:
        'Public-code index file id 5722924604 (repository name not shown by the index). Lists ตัวชี้วัดที่ 9/10, sub-indicators 9.1–10.2 with names, and "OIT 1"–"OIT 43" with their titles; titles copied verbatim except o22 (typo) — see item notes.',
    },
    ...CORPUS_LINES.map(([id, what]) => ({
      id,
      title: id.startsWith('corpus:001')
        ? 'Corpus 001: อบต.ดงมะไฟ (ยโสธร), measures for FY2566 from the ITA 2565 results'
        : 'Corpus 004: อบต.บ้านหม้อ, report for FY2566 on the ITA 2565 results',
      note: `fixtures/corpus/${id.startsWith('corpus:001') ? '001_52975bb7fc874981' : '004_d0cc15d3996b9fea'}.txt: ${what}.`,
    })),
    {
      id: ISSUE,
      title: 'Project issue #6 (catalogue brief)',
      note: 'EIT e1–e15, indicators 6–8, 5 each, in 2564–2566. OIT 2564/2565 o1–o43 with the sub-indicator ranges.',
    },
    {
      id: README,
      title: 'fixtures/expected/README.md (project ground truth notes)',
      note: 'States that corpus 004 is ITA 2565 with a 30-item IIT, that its 1๗ is IIT I7 (budget plan) and that I17 is a use-of-authority item.',
    },
  ],
  tools: {
    IIT: { itemCount: 30, complete: true, source: README, note: 'No question wording sourced; only weakness statements for i7, i8, i25–i27.' },
    EIT: { itemCount: 15, complete: true, source: ISSUE, note: 'Wording for e4, e6–e12, e15 from corpus reports.' },
    OIT: { itemCount: 43, complete: true, source: GIT },
  },
  items: [...IIT, ...EIT, ...OIT],
  gaps: [
    'IIT 2565 question wording (i1–i30); the 2564 wording is likely the same but no source says so.',
    'EIT e1–e3, e5, e13, e14 wording.',
    'e6 and e15 are quoted only in part.',
  ],
};
