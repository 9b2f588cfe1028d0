/**
 * ITA 2566 (fiscal 2023).
 * OIT: 43 items (renumbered from 2565, issue #6); titles of o31–o33 and o39–o41 from a
 * public body's OIT 2566 pages. EIT: structure only. IIT: not catalogued (nothing sourced).
 */
import type { CatalogueItem, CatalogueYear } from '../types.js';
import { byBlocks, item, override, placeholders } from './_build.js';

const ISSUE = 'issue#6';
const SKM_NOGIFT = 'skm-oit2566-prevention';
const SKM_ETHICS = 'skm-oit2566-integrity';

const EIT = placeholders('EIT', 15, (n) => ({ indicator: byBlocks(n, 5, 6), source: ISSUE }));

const PREVENTION_NOTE = 'Indicator 10 (การป้องกันการทุจริต) from the topic groups of issue #6 (No Gift, risk and prevention plan, ethics, integrity measures); sub-indicator not sourced.';

const OIT_BASE = placeholders('OIT', 43, (n) => {
  if (n >= 31) return { indicator: 10, source: ISSUE, note: PREVENTION_NOTE };
  if (n === 10) return { indicator: 9, source: ISSUE, note: 'Personal-data protection policy item (issue #6); wording not sourced.' };
  return { indicator: null, source: ISSUE, note: 'Existence only (issue #6: o1–o43).' };
});

const oit = (n: number, title: string, source: string, note?: string): CatalogueItem =>
  item('OIT', n, { question: title, indicator: 10, source, note: note ? `${PREVENTION_NOTE} ${note}` : PREVENTION_NOTE });

const OIT = override(OIT_BASE, [
  oit(31, 'ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่', SKM_NOGIFT, 'Source line-wraps "จาก การปฏิบัติหน้าที่"; wrap space removed.'),
  oit(32, 'การสร้างวัฒนธรรม No Gift Policy', SKM_NOGIFT),
  oit(33, 'รายงานผลตามนโยบาย No Gift Policy', SKM_NOGIFT),
  oit(39, 'ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ', SKM_ETHICS, 'Source line-wraps "สำหรับ เจ้าหน้าที่"; wrap space removed.'),
  oit(40, 'การขับเคลื่อนจริยธรรม', SKM_ETHICS),
  oit(41, 'การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ', SKM_ETHICS, 'Source breaks the title over two lines.'),
]);

export const YEAR_2566: CatalogueYear = {
  year: 2566,
  sources: [
    {
      id: SKM_NOGIFT,
      title: 'OIT 2566 page "การดำเนินการเพื่อป้องกันการทุจริต" of a public body at 75010020.skm.go.th',
      url: 'https://75010020.skm.go.th/%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%94%E0%B8%B3%E0%B9%80%E0%B8%99%E0%B8%99%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B9%80%E0%B8%9E%E0%B8%AD%E0%B8%9B%E0%B8%AD%E0%B8%87%E0%B8%81%E0%B8%99%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%97%E0%B8%88%E0%B8%A3%E0%B8%95',
      note: 'Lists "O31 : ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่", "O32 : การสร้างวัฒนธรรม No Gift Policy", "O33 : รายงานผลตามนโยบาย No Gift Policy", each with its requirements "สำหรับปี พ.ศ. 2566". Only the part of the page up to O33 was readable.',
    },
    {
      id: SKM_ETHICS,
      title: 'OIT 2566 page "มาตรการส่งเสริมคุณธรรมและความโปร่งใส" of the same body (75010020.skm.go.th)',
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
    OIT: { itemCount: 43, complete: true, source: ISSUE, note: 'Titles for o31–o33, o39–o41 only.' },
  },
  items: [...EIT, ...OIT],
  gaps: [
    'IIT 2566: nothing sourced (tool not catalogued).',
    'EIT 2566 wording.',
    'OIT 2566 titles of o1–o30, o34–o38, o42–o43; indicator of o1–o30 (except o10); all sub-indicators.',
  ],
};
