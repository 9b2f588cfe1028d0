/**
 * ITA 2567 (fiscal 2024): the reworked tools (15-item IIT; results "ผ่าน" at 85).
 * Only what corpus report 000 (FY2568 measures from the ITA 2567 results) quotes with a
 * readable code: two IIT questions and the NACC weakness statements for other items.
 * OIT: o19–o20 only, from a department's OIT 2567 page (same titles and numbers as in 2566).
 * No indicator placement was found for the 2567 items, so `indicator` is null.
 */
import type { CatalogueAltText, CatalogueItem, CatalogueYear } from '../types.js';
import { item } from './_build.js';

const README = 'fixtures-readme';
const ANAMAI = 'anamai-hia-oit2567-procurement';
const c000 = (line: number): string => `corpus:000 line ${line}`;
const alt = (text: string, source: string, note?: string): CatalogueAltText => (note ? { text, source, note } : { text, source });

const WEAKNESS = 'Question wording unsourced; the alt text is the weakness statement (ประเด็น) the report gives for the item, wrap spaces removed.';

const IIT: CatalogueItem[] = [
  item('IIT', 3, {
    question: 'เจ้าหน้าที่ในหน่วยงานของท่าน มีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่',
    source: c000(71),
    note: 'Quoted as the row\'s ประเด็น in question form (also wrapped on line 17); code written "ข้อ 1๓" (Latin I read as 1).',
  }),
  item('IIT', 5, { altTexts: [alt('บุคลากรบางรายในหน่วยงานมีการเบิกจ่ายเงินที่เป็นเท็จ', c000(49))], source: c000(49), note: WEAKNESS }),
  item('IIT', 7, {
    altTexts: [alt('ผู้บังคับบัญชาในหน่วยงานบางรายเคยให้เจ้าหน้าที่ของหน่วยงานทำธุระส่วนตัวของผู้บังคับบัญชา', c000(54))],
    source: c000(54),
    note: `${WEAKNESS} Code "ข้อ 1๗" (line 54); its twin row on line 116 writes "ข้อ ๑๗".`,
  }),
  item('IIT', 8, {
    altTexts: [alt('ผู้บังคับบัญชาในหน่วยงานบางรายเคยสั่งการให้เจ้าหน้าที่ของหน่วยงานทำในสิ่งที่ไม่ถูกต้องหรือมีความเสี่ยงต่อการทุจริต', c000(121))],
    source: c000(121),
    note: WEAKNESS,
  }),
  item('IIT', 10, {
    altTexts: [alt('บุคลากรในหน่วยงานบางรายมีการขอยืมทรัพย์สินของทางราชการไปใช้ปฏิบัติงานอย่างไม่ถูกต้อง', c000(39))],
    source: c000(39),
    note: WEAKNESS,
  }),
  item('IIT', 12, {
    altTexts: [alt('เจ้าหน้าที่ของหน่วยงานขาดการกำกับดูแลและตรวจสอบการใช้ทรัพย์สินเพื่อป้องกันไม่ให้นำไปใช้เพื่อประโยชน์ส่วนตัว', c000(44))],
    source: c000(44),
    note: `${WEAKNESS} Code written "ข้อ ๑๒" (tool letter lost) under an IIT issue.`,
  }),
  item('IIT', 14, {
    question: 'ท่านคิดว่า การดำเนินการเพื่อป้องกันการทุจริตและประพฤติมิชอบของหน่วยงานท่าน สามารถป้องกันการทุจริตและประพฤติมิชอบได้ มากน้อยเพียงใด',
    source: c000(64),
    note: 'Quoted as the row\'s ประเด็น in question form; code "ข้อ 1๑๔".',
  }),
];

const SHARED_E4_E5 = 'ช่องทางการเผยแพร่ข้อมูลของหน่วยงานเข้าถึงได้ยาก รวมถึงข้อมูลข่าวสารที่เผยแพร่ให้ประชาชนยังขาดความชัดเจน';

const EIT: CatalogueItem[] = [
  item('EIT', 4, { altTexts: [alt(SHARED_E4_E5, c000(91))], source: c000(91), note: `${WEAKNESS} One statement for "ข้อ E๔ และข้อ E๕".` }),
  item('EIT', 5, { altTexts: [alt(SHARED_E4_E5, c000(91))], source: c000(91), note: `${WEAKNESS} One statement for "ข้อ E๔ และข้อ E๕".` }),
  item('EIT', 6, {
    altTexts: [alt('มีผู้รับบริการหรือผู้มาติดต่อราชการกับหน่วยงานบางรายมีความเห็นว่าการสื่อสาร ตอบข้อซักถาม หรือให้คำอธิบายของหน่วยงานยังขาดความชัดเจน', c000(34))],
    source: c000(34),
    note: WEAKNESS,
  }),
  item('EIT', 7, {
    altTexts: [
      alt(
        'ผู้รับบริการหรือผู้มาติดต่อราชการกับหน่วยงานบางรายมีความเห็นว่าหน่วยงานยังขาดการเปิดโอกาสให้บุคคลภายนอกเข้าไปมีส่วนร่วมในการปรับปรุงพัฒนาการดำเนินงาน/การให้บริการของหน่วยงานให้ดีขึ้นเท่าที่ควร',
        c000(22),
      ),
    ],
    source: c000(22),
    note: WEAKNESS,
  }),
  item('EIT', 8, {
    altTexts: [alt('มีผู้รับบริการหรือผู้มาติดต่อราชการกับหน่วยงานบางรายมีความเห็นว่าหน่วยงานยังไม่มีปรับปรุงการดำเนินงานหรือโครงการเพื่อตอบสนองต่อประชาชนและส่วนรวมเท่าที่ควร', c000(23))],
    source: c000(23),
    note: WEAKNESS,
  }),
  item('EIT', 9, {
    altTexts: [alt('มีผู้รับบริการหรือผู้มาติดต่อราชการกับหน่วยงานบางรายมีความเห็นว่าไม่เคยใช้ระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงาน', c000(86))],
    source: c000(86),
    note: `${WEAKNESS} Line 28 has "มีความเห็นที่ไม่เคยใช้".`,
  }),
];

const OIT: CatalogueItem[] = [
  item('OIT', 19, {
    question: 'แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ',
    source: ANAMAI,
    note: 'Listed as O19 under the page\'s own heading "ด้านที่ 3 การจัดซื้อจัดจ้าง" with the requirement "เป็นข้อมูลการจัดซื้อจัดจ้างในปีงบประมาณ พ.ศ. 2567". Same number and title as in 2566.',
  }),
  item('OIT', 20, {
    question: 'ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
    source: ANAMAI,
    note: 'Listed as O20 on the same page. Same number and title as in 2566.',
  }),
];

const LINES: ReadonlyArray<[number, string]> = [
  [22, 'part 1 row, issue (๒), E7 weakness statement'],
  [23, 'part 1 row, issue (๒), E8 weakness statement'],
  [34, 'part 1 row, issue (๓), E6 weakness statement'],
  [39, 'part 1 row, issue (๔), "ข้อ 1๑๐" (i10) weakness statement'],
  [44, 'part 1 row, issue (๔), "ข้อ ๑๒" (i12) weakness statement'],
  [49, 'part 1 row, issue (๕), "ข้อ 1๕" (i5) weakness statement'],
  [54, 'part 1 row, issue (๖), "ข้อ 1๗" (i7) weakness statement'],
  [64, 'part 1 row, issue (๗), "ข้อ 1๑๔" (i14) question'],
  [71, 'part 2 row, issue (๑), "ข้อ 1๓" (i3) question'],
  [86, 'part 2 row, issue (๒), E9 weakness statement'],
  [91, 'part 2 row, issue (๓), E4/E5 weakness statement'],
  [121, 'part 2 row, issue (๖), "ข้อ 1๘" (i8) weakness statement'],
];

export const YEAR_2567: CatalogueYear = {
  year: 2567,
  sources: [
    ...LINES.map(([line, what]) => ({
      id: c000(line),
      title: 'Corpus 000: เทศบาลตำบลบ่อพลับ (นครปฐม), FY2568 report on the measures from the ITA 2567 results',
      note: `fixtures/corpus/000_12d03613c0e47b57.txt line ${line}: ${what}. The report does not name the ITA year; 2567 is inferred (FY2568 report, 15-item IIT, seven-issue layout).`,
    })),
    {
      id: ANAMAI,
      title: 'OIT page "ด้านที่ 3 การจัดซื้อจัดจ้าง" of a Department of Health division (hia.anamai.moph.go.th), ITA 2567',
      url: 'https://hia.anamai.moph.go.th/th/oit-3',
      note:
        'A unit of กรมอนามัย (NACC-assessed). Read (search excerpt, page start only): "ด้านที่ 3 การจัดซื้อจัดจ้าง", "การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", "O19 แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ" with "เป็นข้อมูลการจัดซื้อจัดจ้างในปีงบประมาณ พ.ศ. 2567", "O20 ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ". The year is the requirement\'s; the page itself is not dated in the excerpt.',
    },
    {
      id: README,
      title: 'fixtures/expected/README.md (project ground truth notes)',
      note: 'Reads the codes of corpus 000 as the 15-item 2567 IIT (1๓ = i3, 1๗ = i7, 1๑๐ = i10).',
    },
  ],
  tools: {
    IIT: { itemCount: 15, complete: false, source: README, note: 'Only i3, i5, i7, i8, i10, i12, i14 are listed.' },
    EIT: { itemCount: null, complete: false, source: c000(91), note: 'Only e4–e9 are listed.' },
    OIT: { itemCount: null, complete: false, source: ANAMAI, note: 'Only o19 and o20 are listed.' },
  },
  items: [...IIT, ...EIT, ...OIT],
  gaps: [
    'IIT 2567 question wording except i3 and i14; items i1, i2, i4, i6, i9, i11, i13, i15 absent; indicator placement of all items.',
    'EIT 2567 question wording, item count and indicator placement.',
    'OIT 2567: titles other than o19–o20, item count, indicator and sub-indicator placement. o19–o20 match 2566 word for word, which suggests (no source says so) that the 2567 OIT kept the 2566 list.',
    'OIT 2567, school editions (not used): an OBEC school\'s ITA 2567 page (kotham.ac.th) lists O1 โครงสร้างหน่วยงาน, O2 ข้อมูลผู้บริหาร, O3 อำนาจหน้าที่, O4 แผนยุทธศาสตร์หรือแผ… ; another school\'s ITA 2024 site (sites.google.com/pracharath.ac.th/suphannapoom-ita2024) has "o10:คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่" under "การบริหารงานและการใช้จ่ายงบประมาณ", which disagrees with the 2566 numbering (o10 = personal-data policy).',
  ],
};
