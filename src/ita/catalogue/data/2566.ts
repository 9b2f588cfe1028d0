/**
 * ITA 2566 (fiscal 2023).
 * OIT: 43 items (renumbered from 2565, issue #6). Titles of 39 items, from OIT 2566 pages and
 * lists: an OBEC area office (NACC-assessed) for o1–o9 and sub-indicator 9.1, schools' pages
 * for sub-indicators 9.3 (o19–o22) and 9.4 (o23–o26), a school's (75010020.skm.go.th) pages for o19–o20,
 * o31–o33, o39–o41, and one school's OIT 2566 list (public code) for the rest. The school
 * sources use the OBEC school edition of the OIT; titles that edition visibly adapted to
 * schools (o4, o7, o11–o13) are not taken from it. EIT: structure only. IIT: not catalogued.
 */
import type { CatalogueItem, CatalogueYear } from '../types.js';
import { byBlocks, item, override, placeholders } from './_build.js';

const ISSUE = 'issue#6';
const SKM_NOGIFT = 'skm-oit2566-prevention';
const SKM_ETHICS = 'skm-oit2566-integrity';
const SKM_PROCURE = 'skm-oit2566-procurement';
const SESAO = 'sesao15-oit2566';
const HORWANG = 'horwang-oit2566-9.3';
const DUSITARAM = 'dusitaram-oit2566-9.3';
const SCHOOL = 'school-oit2566-list';
const PRACHARATH94 = 'school-oit2566-9.4';
const BANKLONGSUAN = 'banklongsuan-ita2566';
const MKSCHOOL = 'mkschool-oit2566-transparency';

const EIT = placeholders('EIT', 15, (n) => ({ indicator: byBlocks(n, 5, 6), source: ISSUE }));

const PREVENTION_NOTE =
  'Indicator 10 (การป้องกันการทุจริต) from the topic groups of issue #6 (No Gift, risk and prevention plan, ethics, integrity measures); sub-indicator not sourced.';
const DISCLOSURE_NOTE =
  'Indicator 9 (การเปิดเผยข้อมูล) read from the topic: the OBEC area office page (sesao15) lists 5 sub-indicators of indicator 9 (ข้อมูลพื้นฐาน … ) and the items before No Gift Policy (o31) are disclosure items in every source seen; sub-indicator not sourced.';
const SCHOOL_NOTE = 'Title from the OBEC school edition list (school-oit2566-list); the NACC agency edition may word it differently.';

const OIT_BASE = placeholders('OIT', 43, (n) => {
  if (n >= 31) return { indicator: 10, source: ISSUE, note: PREVENTION_NOTE };
  return { indicator: 9, source: ISSUE, note: DISCLOSURE_NOTE };
});

const SUB_91 = { subIndicator: '9.1', subIndicatorName: 'ข้อมูลพื้นฐาน' } as const;
const SUB_93 = { subIndicator: '9.3', subIndicatorName: 'การจัดซื้อจัดจ้าง' } as const;
const SUB_94 = { subIndicator: '9.4', subIndicatorName: 'การบริหารและพัฒนาทรัพยากรบุคคล' } as const;
const SUB_94_NOTE =
  'Sub-indicator 9.4: a school\'s ITA 2566 page "ตัวชี้วัดย่อยที่ 9.4 การบริหารและพัฒนาทรัพยากรบุคคล" lists, under "การบริหารทรัพยากรบุคคล", O24 and O25 (its O24 requirement refers to "ข้อ o23"); the school list groups O23–O26 under the same heading "การบริหารทรัพยากรบุคคล".';

/** Indicator-9 item with its title. */
const disclosure = (
  n: number,
  title: string | null,
  source: string,
  note: string,
  sub: { subIndicator: string; subIndicatorName: string } | null = null,
): CatalogueItem =>
  item('OIT', n, {
    question: title,
    indicator: 9,
    ...(sub ?? {}),
    source,
    note: sub ? note : `${DISCLOSURE_NOTE} ${note}`,
  });

/** Indicator-10 item with its title. */
const prevention = (n: number, title: string, source: string, note?: string): CatalogueItem =>
  item('OIT', n, { question: title, indicator: 10, source, note: note ? `${PREVENTION_NOTE} ${note}` : PREVENTION_NOTE });

const SESAO_NOTE = 'Listed under "ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน" on the sesao15 page.';

const OIT = override(OIT_BASE, [
  // 9.1 ข้อมูลพื้นฐาน (sesao15 lists O1–O10 under it)
  disclosure(1, 'โครงสร้าง', SESAO, `${SESAO_NOTE} Same title in the school list and on an อบต. ITA 2566 page (banklongsuan-ita2566, "O1.โครงสร้าง").`, SUB_91),
  disclosure(2, 'ข้อมูลผู้บริหาร', SESAO, `${SESAO_NOTE} Same title in the school list and on banklongsuan-ita2566 ("O2.ข้อมูลผู้บริหาร").`, SUB_91),
  disclosure(3, 'อำนาจหน้าที่', SESAO, `${SESAO_NOTE} Same title in the school list and on banklongsuan-ita2566 ("O3.อำนาจหน้าที่").`, SUB_91),
  disclosure(4, 'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน', SESAO, `${SESAO_NOTE} The school list has "แผนยุทธศาสตร์ หรือแผนพัฒนาสถานศึกษา" (school edition).`, SUB_91),
  disclosure(5, 'ข้อมูลการติดต่อ', SESAO, `${SESAO_NOTE} Same title in the school list.`, SUB_91),
  disclosure(6, 'กฎหมายที่เกี่ยวข้อง', SESAO, `${SESAO_NOTE} The school list writes "กฏหมายที่เกี่ยวข้อง" (typo).`, SUB_91),
  disclosure(
    7,
    null,
    SESAO,
    `${SESAO_NOTE} Under the heading "การประชาสัมพันธ์" the page shows "O7 ข่าวจากกลุ่มงานต่างๆ" then "ข่าวประชาสัมพันธ์" (the office's own link texts, item title unclear); the school list gives the school's newsletter name. Title left unsourced.`,
    SUB_91,
  ),
  disclosure(8, 'Q&A', SESAO, `${SESAO_NOTE} Under "การปฏิสัมพันธ์ข้อมูล"; same title in the school list.`, SUB_91),
  disclosure(9, 'Social Network', SESAO, `${SESAO_NOTE} Same title in the school list.`, SUB_91),
  disclosure(
    10,
    'นโยบายคุ้มครองข้อมูลส่วนบุคคล',
    SCHOOL,
    `${SESAO_NOTE} The sesao15 text is cut after "O10 นโยบาย"; the full title is the school list's. Issue #6 also places the personal-data policy at o10.`,
    SUB_91,
  ),
  // o11–o13: only the school edition's titles ("…ประจำปีการศึกษา", with school years) were found.
  disclosure(11, null, SCHOOL, 'The school list has "แผนดำเนินงานและการใช้งบประมาณประจำปีการศึกษา" (school edition); the agency title is unsourced.'),
  disclosure(12, null, SCHOOL, 'The school list has "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปีการศึกษา 2566" (school edition); the agency title is unsourced.'),
  disclosure(13, null, SCHOOL, 'The school list has "รายงานผลการดำเนินงานประจำปีการศึกษา 2565" (school edition); the agency title is unsourced.'),
  disclosure(14, 'คู่มือหรือมาตรฐานการปฏิบัติงาน', SCHOOL, SCHOOL_NOTE),
  disclosure(15, 'คู่มือหรือมาตรฐานการให้บริการ', SCHOOL, `${SCHOOL_NOTE} The list writes "มาตราฐาน" (typo); มาตรฐาน restored.`),
  disclosure(16, 'ข้อมูลเชิงสถิติการให้บริการ', SCHOOL, SCHOOL_NOTE),
  disclosure(17, 'รายงานผลการสำรวจความพึงพอใจการให้บริการ', SCHOOL, SCHOOL_NOTE),
  disclosure(18, 'E-Service', SCHOOL, SCHOOL_NOTE),
  // 9.3 การจัดซื้อจัดจ้าง (o19–o22)
  disclosure(
    19,
    'แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ',
    DUSITARAM,
    'Sub-indicator from "ตัวชี้วัดย่อยที่ 9.3 (019-022)" (dusitaram) and "ตัวชี้วัดย่อยที่ 9.3 การจัดซื้อจัดจ้าง" (horwang, "019"); same title on the skm page "O19 : แผนการจัดซื้อจัดจ้างหรือ แผนการจัดหาพัสดุ" (wrapped) and in the school list.',
    SUB_93,
  ),
  disclosure(
    20,
    'ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
    DUSITARAM,
    'Sub-indicator as o19. skm: "O20 : ประกาศต่าง ๆ เกี่ยวกับ การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ" (wrapped); horwang writes "ประกาศต่างๆ"; the school list drops "การ" before จัดหาพัสดุ.',
    SUB_93,
  ),
  disclosure(21, 'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน', DUSITARAM, 'Sub-indicator as o19. The school list drops "การ" before จัดหาพัสดุ.', SUB_93),
  disclosure(
    22,
    'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี',
    DUSITARAM,
    'Sub-indicator as o19. The dusitaram page writes "รายงานผลการจัดซื้อจัดจ้าง หรือการจัดหาพัสดุประจำปี"; space removed. The school list drops "การ" before จัดหาพัสดุ.',
    SUB_93,
  ),
  disclosure(23, 'นโยบายหรือแผนการบริหารทรัพยากรบุคคล', SCHOOL, `${SCHOOL_NOTE} ${SUB_94_NOTE}`, SUB_94),
  disclosure(
    24,
    'การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล',
    SCHOOL,
    `${SCHOOL_NOTE} Same title (wrapped: "…แผนการบริหาร ทรัพยากรบุคคล") on the 9.4 page. ${SUB_94_NOTE}`,
    SUB_94,
  ),
  disclosure(25, 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล', SCHOOL, `${SCHOOL_NOTE} Same title on the 9.4 page. ${SUB_94_NOTE}`, SUB_94),
  disclosure(26, 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี', SCHOOL, `${SCHOOL_NOTE} ${SUB_94_NOTE}`, SUB_94),
  disclosure(
    27,
    'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
    SCHOOL,
    `${SCHOOL_NOTE} Another school's ITA 2566 page "การส่งเสริมความโปร่งใส" (mkschool-oit2566-transparency) has "O27 แนวปฏิบัติการจัดการ เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" (wrapped).`,
  ),
  disclosure(28, 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', SCHOOL, `${SCHOOL_NOTE} Same title as "O28" on mkschool-oit2566-transparency.`),
  disclosure(29, 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', SCHOOL, SCHOOL_NOTE),
  disclosure(30, 'การเปิดโอกาสให้เกิดการมีส่วนร่วม', SCHOOL, SCHOOL_NOTE),
  // Indicator 10. The skm pages group o31–o33 under "การดำเนินการเพื่อป้องกันการทุจริต" and
  // o39–o41 under "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"; the school list groups o31–o38 and o39–o43.
  prevention(31, 'ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่', SKM_NOGIFT, 'Source line-wraps "จาก การปฏิบัติหน้าที่"; wrap space removed. Same title in the school list.'),
  prevention(32, 'การสร้างวัฒนธรรม No Gift Policy', SKM_NOGIFT, 'Same title in the school list.'),
  prevention(33, 'รายงานผลตามนโยบาย No Gift Policy', SKM_NOGIFT, 'Same title in the school list.'),
  prevention(34, 'การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปี', SCHOOL, SCHOOL_NOTE),
  prevention(35, 'การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ', SCHOOL, SCHOOL_NOTE),
  prevention(36, 'แผนปฏิบัติการป้องกันการทุจริต', SCHOOL, SCHOOL_NOTE),
  prevention(37, 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน', SCHOOL, SCHOOL_NOTE),
  prevention(38, 'รายงานผลการดำเนินการป้องกันการทุจริต ประจำปี', SCHOOL, SCHOOL_NOTE),
  prevention(39, 'ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ', SKM_ETHICS, 'Source line-wraps "สำหรับ เจ้าหน้าที่"; wrap space removed. Same title in the school list.'),
  prevention(40, 'การขับเคลื่อนจริยธรรม', SKM_ETHICS, 'Same title in the school list.'),
  prevention(41, 'การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ', SKM_ETHICS, 'Source breaks the title over two lines. Same title in the school list.'),
  prevention(42, 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', SCHOOL, SCHOOL_NOTE),
  prevention(43, 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', SCHOOL, SCHOOL_NOTE),
]);

export const YEAR_2566: CatalogueYear = {
  year: 2566,
  sources: [
    {
      id: SESAO,
      title: 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2566 – page of a secondary education service area office (sesao15.go.th)',
      url: 'http://sesao15.go.th/web15/ita-online',
      note:
        'An OBEC area office, itself assessed by the NACC ITA. Read (search excerpt, page start only): "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ประกอบด้วย 5 ตัวชี้วัดย่อย", "ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน", then O1 โครงสร้าง, O2 ข้อมูลผู้บริหาร, O3 อำนาจหน้าที่, O4 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน, O5 ข้อมูลการติดต่อ, O6 กฎหมายที่เกี่ยวข้อง, (การประชาสัมพันธ์) O7 …, (การปฏิสัมพันธ์ข้อมูล) O8 Q&A, O9 Social Network, "O10 นโยบาย" where the excerpt ends.',
    },
    {
      id: SCHOOL,
      title: 'OIT item list (O1–O43) in the website code of an OBEC school (โรงเรียนบ้านสามแยก), public GitHub repository',
      note:
        'Public-code index file ids 39721991297 (Breadcrumbs component) and 44604423270 (ITA_SECTIONS/sectionItems); repository name not shown by the index. Year from its titles ("…ประจำปีการศึกษา 2566", "…2565") and from o31–o33/o39–o41 being word for word the skm 2566 titles. It is the OBEC school edition: o4 says สถานศึกษา, o7 is the school newsletter, o11–o13 are school-year reports; those titles are not used. Its grouping: ข้อมูลพื้นฐาน O1–O6, การประชาสัมพันธ์ O7, การปฏิสัมพันธ์ข้อมูล O8–O10, แผนดำเนินงานและงบประมาณ O11–O13, การปฏิบัติงาน O14, การให้บริการ O15–O18, การจัดซื้อจัดจ้าง O19–O22, การบริหารทรัพยากรบุคคล O23–O26, การจัดการเรื่องร้องเรียน O27–O29, การเปิดโอกาสให้มีส่วนร่วม O30, การป้องกันการทุจริต O31–O38, มาตรการส่งเสริมความโปร่งใส O39–O43.',
    },
    {
      id: PRACHARATH94,
      title: 'ITA 2566 page "ตัวชี้วัดย่อยที่ 9.4 การบริหารและพัฒนาทรัพยากรบุคคล" of a school (sites.google.com/pracharath.ac.th/1060220400-2566/ita2023/94)',
      url: 'https://sites.google.com/pracharath.ac.th/1060220400-2566/ita2023/94',
      note: 'Reads "ตัวชี้วัดย่อยที่ 9.4 การบริหารและพัฒนาทรัพยากรบุคคล", "การบริหารทรัพยากรบุคคล", "O24 : การดำเนินการตามนโยบายหรือแผนการบริหาร ทรัพยากรบุคคล" (requirement: "…ในข้อ o23", "…6 เดือนแรกของปีพ.ศ. 2566"), "O25 : หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"; the excerpt ends there.',
    },
    {
      id: MKSCHOOL,
      title: 'ITA 2566 page "การส่งเสริมความโปร่งใส" of a school (sites.google.com/pracharath.ac.th/mkschool/ita-2566)',
      url: 'https://sites.google.com/pracharath.ac.th/mkschool/ita-2566/การสงเสรมความโปรงใส',
      note: 'Reads "การส่งเสริมความโปร่งใส", "O27 แนวปฏิบัติการจัดการ เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "O28 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" with the requirement texts. Corroboration only; the page does not say "ตัวชี้วัดย่อยที่ 9.5".',
    },
    {
      id: BANKLONGSUAN,
      title: 'ITA 2566 page of a local administrative organisation (banklongsuan.go.th)',
      url: 'http://banklongsuan.go.th/ita-2566/',
      note: 'An อปท. (NACC-assessed). Reads "ข้อมูลพื้นฐาน", "O1.โครงสร้าง", "O2.ข้อมูลผู้บริหาร", "O3.อำนาจหน้าที่" with the requirement texts; the excerpt ends there. Corroboration only.',
    },
    {
      id: DUSITARAM,
      title: 'OIT 2566 page "การจัดซื้อจัดจ้าง" of a school (sites.google.com/dusitaram.ac.th/oit-dusitaram-2566)',
      url: 'https://sites.google.com/dusitaram.ac.th/oit-dusitaram-2566/การจดซอจดจาง',
      note: 'Reads "ตัวชี้วัดย่อยที่ 9.3 (019-022)" then 19 แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ, 20 ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ, 21 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน, 22 รายงานผลการจัดซื้อจัดจ้าง หรือการจัดหาพัสดุประจำปี.',
    },
    {
      id: HORWANG,
      title: 'OIT 2566 page 9.3 of a school (horwang.ac.th/oit66)',
      url: 'https://www.horwang.ac.th/oit66/9-3.htm',
      note: 'Reads "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", "ตัวชี้วัดย่อยที่ 9.3 การจัดซื้อจัดจ้าง", "019 แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ … เป็นข้อมูลการจัดซื้อจัดจ้างในปี พ.ศ. 2566", "020 ประกาศต่างๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ". The site has a page per sub-indicator (9.1–10.2); only 9.3 was readable. Another school page (banrubpraek-school.ac.th, ITA 2566) names the third topic of indicator 9 "การบริหารเงินงบประมาณ" instead: the sub-indicator names of 2566 are not settled by these sources.',
    },
    {
      id: SKM_PROCURE,
      title: 'OIT 2566 page "ข้อมูลการจัดซื้อจัดจ้าง" of the school at 75010020.skm.go.th',
      url: 'https://75010020.skm.go.th/%E0%B8%82%E0%B8%AD%E0%B8%A1%E0%B8%A5%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%88%E0%B8%94%E0%B8%8B%E0%B8%AD%E0%B8%88%E0%B8%94%E0%B8%88%E0%B8%B2%E0%B8%87',
      note: 'Lists "O19 : แผนการจัดซื้อจัดจ้างหรือ แผนการจัดหาพัสดุ" and "O20 : ประกาศต่าง ๆ เกี่ยวกับ การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ" with requirements "ในปีพ.ศ. 2566". Corroboration only (cited in o19/o20 notes).',
    },
    {
      id: SKM_NOGIFT,
      title: 'OIT 2566 page "การดำเนินการเพื่อป้องกันการทุจริต" of the school at 75010020.skm.go.th',
      url: 'https://75010020.skm.go.th/%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%94%E0%B8%B3%E0%B9%80%E0%B8%99%E0%B8%99%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B9%80%E0%B8%9E%E0%B8%AD%E0%B8%9B%E0%B8%AD%E0%B8%87%E0%B8%81%E0%B8%99%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%97%E0%B8%88%E0%B8%A3%E0%B8%95',
      note: 'Lists "O31 : ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่", "O32 : การสร้างวัฒนธรรม No Gift Policy", "O33 : รายงานผลตามนโยบาย No Gift Policy", each with its requirements "สำหรับปี พ.ศ. 2566". Only the part of the page up to O33 was readable. (75010020 is an OBEC school code.)',
    },
    {
      id: SKM_ETHICS,
      title: 'OIT 2566 page "มาตรการส่งเสริมคุณธรรมและความโปร่งใส" of the same school (75010020.skm.go.th)',
      url: 'https://75010020.skm.go.th/%E0%B8%A1%E0%B8%B2%E0%B8%95%E0%B8%A3%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%AA%E0%B8%87%E0%B9%80%E0%B8%AA%E0%B8%A3%E0%B8%A1%E0%B8%84%E0%B8%93%E0%B8%98%E0%B8%A3%E0%B8%A3%E0%B8%A1%E0%B9%81%E0%B8%A5%E0%B8%B0%E0%B8%84%E0%B8%A7%E0%B8%B2%E0%B8%A1%E0%B9%82%E0%B8%9B%E0%B8%A3%E0%B8%87%E0%B9%83%E0%B8%AA',
      note: 'Lists "O39 : ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "O40 : การขับเคลื่อนจริยธรรม", "O41 : การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ" with requirements dated 2566. Only the part up to O41 was readable.',
    },
    {
      id: ISSUE,
      title: 'Project issue #6 (catalogue brief)',
      note: 'EIT e1–e15 (indicators 6–8, 5 each) in 2564–2566. OIT 2566 o1–o43 renumbered: o10 personal-data policy, o31–o33 No Gift, o34–o38 risk and prevention plan, o39–o41 ethics, o42–o43 integrity measures.',
    },
  ],
  tools: {
    EIT: { itemCount: 15, complete: true, source: ISSUE, note: 'Structure only; no 2566 wording sourced.' },
    OIT: {
      itemCount: 43,
      complete: true,
      source: ISSUE,
      note: 'Titles for 39 items (all but o7, o11–o13); sub-indicators for o1–o10 (9.1), o19–o22 (9.3) and o23–o26 (9.4). Most titles come from the OBEC school edition.',
    },
  },
  items: [...EIT, ...OIT],
  gaps: [
    'IIT 2566: nothing sourced (tool not catalogued).',
    'EIT 2566 wording.',
    'OIT 2566 titles of o7 and o11–o13 (only school-edition wordings found); agency-edition confirmation of the titles taken from the school list (o10, o14–o18, o23–o30, o34–o38, o42–o43).',
    'OIT 2566 sub-indicators of o11–o18 and o27–o43, and the names of 9.2, 9.5, 10.1, 10.2 (9.3 is "การจัดซื้อจัดจ้าง" on one school page, "การบริหารเงินงบประมาณ" in another page\'s description).',
  ],
};
