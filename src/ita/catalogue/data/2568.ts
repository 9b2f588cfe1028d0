/**
 * ITA 2568 (fiscal 2025): OIT only, partial.
 *
 * The one numbered list found is the ITA 2568 OIT headings of a public organisation's website
 * (สถาบันวิจัยและพัฒนาเทคโนโลยีระบบราง, rtrda.or.th), kept in its site code (its "การประเมิน ITA
 * ปี 2568" section, and the "old" headings it replaces by the 2569 ones). The headings carry the organisation's own year and
 * ministry wording; where a title below drops such a suffix, the item note says so. o2, o6, o7
 * are absent from that list and o5 is named only on a 2569 page; o25–o26 are the ministry's
 * plan names. These three are listed without title.
 * No indicator placement, item count, IIT or EIT wording was found for 2568.
 */
import type { CatalogueItem, CatalogueYear } from '../types.js';
import { item } from './_build.js';

const RTRDA = 'rtrda-ita2568-headings';
const TOMWIT = 'tomwit-ita2568-o1';
const SCHOOL68 = 'school-ita2568-topics';
const PSU = 'psu-oit-o9';

const oit = (n: number, title: string | null, note?: string, source = RTRDA): CatalogueItem =>
  item('OIT', n, { question: title, source, ...(note ? { note } : {}) });

const TRIMMED = (suffix: string): string => `The heading ends "${suffix}" (the organisation's year); dropped here.`;

const OIT: CatalogueItem[] = [
  oit(1, 'โครงสร้างและอำนาจหน้าที่', 'A school\'s ITA Online 2568 page is titled "O1 โครงสร้าง และอำนาจหน้าที่" (tomwit-ita2568-o1).'),
  oit(3, 'ข้อมูลการติดต่อ'),
  oit(4, 'ข่าวประชาสัมพันธ์'),
  oit(
    5,
    null,
    'Not in the 2568 headings read. The same site\'s guide pages for the 2569 round (upload folder "landing-ita-guides-2569") have "/คู่มือO5" titled "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", next to O8 and O9 with their 2568 titles; whether O5 had that title in 2568 is not stated, so it is left unsourced.',
  ),
  oit(8, 'คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่', 'Also the title of the site\'s guide page "/คู่มือO8".'),
  oit(
    9,
    'คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ',
    'A university ITA page (psu-oit-o9, year not shown) has the same number and title ("…สำหรับผู้รับบริการ หรือผู้มาติดต่อ"); also the title of the site\'s guide page "/คู่มือO9".',
  ),
  oit(10, 'E–Service', 'Written with an en dash in the heading.'),
  oit(11, 'ข้อมูลสถิติการให้บริการ'),
  oit(
    12,
    'รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
    'A school\'s 2568 ITA page lists "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุและความก้าวหน้า ประจำปีงบประมาณ พ.ศ.2568" (school-ita2568-topics).',
  ),
  oit(13, 'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี', `${TRIMMED(' พ.ศ. 2568')} The 2568 section of the page has it with " พ.ศ. 2567".`),
  oit(
    14,
    'แผนการบริหารและพัฒนาทรัพยากรบุคคล',
    `${TRIMMED('ประจำปีงบประมาณ พ.ศ. 2569')} The school page (school-ita2568-topics) has "แผนการบริหารและพัฒนาทรัพยากรบุคคล".`,
  ),
  oit(15, 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี', `${TRIMMED(' พ.ศ. 2568')} The 2568 section of the page has it with " พ.ศ. 2567".`),
  oit(16, 'ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม', 'Also on the school page (school-ita2568-topics).'),
  oit(17, 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', 'Also on the school page (school-ita2568-topics).'),
  oit(18, 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', 'Also on the school page (school-ita2568-topics).'),
  oit(19, 'ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', `${TRIMMED(' ประจำปี พ.ศ. 2568')} The 2568 section of the page has it with " ประจำปี พ.ศ. 2567".`),
  oit(20, 'การเปิดโอกาสให้เกิดการมีส่วนร่วม'),
  oit(
    21,
    'ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่',
    'Same wording on the school page (school-ita2568-topics).',
  ),
  oit(22, 'รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา'),
  oit(
    23,
    'การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงาน',
    `${TRIMMED('ประจำปี พ.ศ. 2569')} The school page has the same title with "ของสถานศึกษา ประจำปีงบประมาณ พ.ศ.2568".`,
  ),
  oit(24, 'รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ', TRIMMED('ประจำปี พ.ศ. 2568')),
  oit(
    25,
    null,
    'The heading is the ministry\'s plan: "แผนปฏิบัติการป้องกันปราบปรามการทุจริตและประพฤติมิชอบ และส่งเสริมคุณธรรมจริยธรรมของกระทรวงคมนาคม ประจำปีงบประมาณ พ.ศ. 2569"; the item title is unsourced.',
  ),
  oit(
    26,
    null,
    'The heading is the report on the ministry\'s plan ("รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันปราบปรามการทุจริตและประพฤติมิชอบ และส่งเสริมคุณธรรมจริยธรรมของกระทรวงคมนาคม ประจำปีงบประมาณ พ.ศ. 2568"); the item title is unsourced.',
  ),
];

export const YEAR_2568: CatalogueYear = {
  year: 2568,
  sources: [
    {
      id: RTRDA,
      title: 'ITA OIT headings in the website code of สถาบันวิจัยและพัฒนาเทคโนโลยีระบบราง (rtrda.or.th), public GitHub repository rtrdasmartrailway/web-app-rtrda',
      url: 'https://github.com/rtrdasmartrailway/web-app-rtrda/blob/69c16b3fd0bc4e20942eb35eb83d2e81a2a32f21/src/lib/wp/ita-headings-override.test.ts',
      note:
        'Files src/lib/wp/ita-headings-override.test.ts (index id 59684011445: fixture "oldHeadings" O1, O3, O4, O8–O26, and assertions on the real page th-page-4837), src/lib/wp/ita-headings-override.ts (ids 59701407295 / 59687324871, versions of ITA_HEADING_REPLACEMENTS, old → new pairs) and src/lib/wp/landing-guide-pages.ts (id 59900200466). The site\'s ITA page has two sections, "การประเมิน ITA ปี 2569" and "การประเมิน ITA ปี 2568". The test asserts that the real 2568 section contains "O10 E–Service", "O11 ข้อมูลสถิติการให้บริการ", "O12 รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", "O13 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี พ.ศ. 2567", "O15 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี พ.ศ. 2567", "O16 ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", "O17 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "O19 ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปี พ.ศ. 2567", "O20 การเปิดโอกาสให้เกิดการมีส่วนร่วม", "O22 รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา", and that the page has "O1 โครงสร้างและอำนาจหน้าที่" and "O3 ข้อมูลการติดต่อ". The other titles (O4, O8, O9, O14, O18, O21, O23–O26) are the "old" headings the code replaces in the 2569 section, i.e. the 2568 headings carried over (some already dated 2569); reading them as 2568 is an inference. The 2569 replacements renumber the list (e.g. new O11 "สรุปผลการจัดซื้อจัดจ้าง…รายเดือน", O25 "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"). O2, O5, O6, O7 are not in these lists.',
    },
    {
      id: TOMWIT,
      title: 'ITA Online 2568 page "O1 โครงสร้าง และอำนาจหน้าที่" of a school (sites.google.com/tomwit.ac.th)',
      url: 'https://sites.google.com/tomwit.ac.th/tomwitschool/ita/ita-online-2568/o1-โครงสรางและอำนาจหนาท',
      note: 'Page title "O1 โครงสร้าง และอำนาจหน้าที่" (line-broken). School edition; corroborates o1.',
    },
    {
      id: SCHOOL68,
      title: 'ITA topic list of a school website (2568 documents), public GitHub repository',
      note:
        'Public-code index file id 43944864383 (itaTopics, no item codes): "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุและความก้าวหน้า ประจำปีงบประมาณ พ.ศ.2568", "แผนการบริหารและพัฒนาทรัพยากรบุคคล", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่", "การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของสถานศึกษา ประจำปีงบประมาณ พ.ศ.2568". Corroboration only.',
    },
    {
      id: PSU,
      title: 'ITA page "O9" of Prince of Songkla University (ita.psu.ac.th)',
      url: 'https://ita.psu.ac.th/index.php/component/sppagebuilder/page/19',
      note: 'Starts "O9 คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการ หรือผู้มาติดต่อ" with its requirements; the assessment year is not shown in the part read. Corroboration only.',
    },
  ],
  tools: {
    OIT: {
      itemCount: null,
      complete: false,
      source: RTRDA,
      note: 'Items o1, o3, o4, o5, o8–o26 are listed (titles for all but o5, o25, o26); the list runs to at least O26. A generated admin page in another repository (file id 57479682092) says "OIT 26 ข้อ" for 2568 but lists different titles (o1 โครงสร้าง, o4 ข้อมูลการติดต่อ, …); not used.',
    },
  },
  items: OIT,
  gaps: [
    'IIT 2568 and EIT 2568: nothing sourced (tools not catalogued).',
    'OIT 2568: o2, o6, o7 (absent from the only list found), titles of o5 and o25–o26, the item count, indicator and sub-indicator placement; an NACC source for the titles (the list is one organisation\'s headings, year read from context).',
  ],
};
