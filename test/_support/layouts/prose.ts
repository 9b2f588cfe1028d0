/**
 * What is not a table: the report's head (title, organisation, fiscal year,
 * result), a cover memo (บันทึกข้อความ), signature blocks, and the body as
 * numbered paragraphs instead of a table.
 */
import { type Random, chance, int, pick } from './content.js';
import { SIGNERS } from './pool.js';
import { sectionHeading } from './table.js';
import { anyPeriodText } from './extra.js';
import { MONTH_FULL, beOf, digits } from './thai.js';
import type { GBlock, Item, Layout } from './types.js';

const TITLES = [
  'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  'แผนการขับเคลื่อนมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  'การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
];

export interface Org {
  kind: string;
  name: string;
  district: string;
  province: string;
}

const line = (text: string, style: 'title' | 'heading' | 'plain' | 'center' | 'right' = 'plain', bold = false): GBlock => ({ t: 'line', text, style, bold });

/** The head, and the overall score its prose gives for year fy − 1; `levelText` follows that score when the level is written there. */
export function headBlocks(org: Org, fy: number, l: Layout, random: Random, levelText: (score: number) => string = () => ''): { blocks: GBlock[]; score: number } {
  const d = l.digits;
  const full = `${org.kind}${org.name}`;
  const out: GBlock[] = [line(pick(random, TITLES), 'title', true)];
  const fyText = `ประจำปีงบประมาณ พ.ศ. ${digits(fy, d)}`;
  const place = chance(random, 0.5) ? `อำเภอ${org.district} จังหวัด${org.province}` : `อ.${org.district} จ.${org.province}`;
  if (chance(random, 0.5)) {
    out.push(line(fyText, 'center', true), line(`${full} ${place}`, 'center', true));
  } else {
    out.push(line(full, 'center', true), line(place, 'center'), line(fyText, 'center'));
  }
  const score = (85 + int(random, 1400) / 100).toFixed(2);
  out.push(
    line(
      `จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ${digits(fy - 1, d)} ${full} ได้คะแนน ${digits(score, d)} คะแนน${levelText(Number(score))} จึงได้กำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ดังนี้`,
    ),
  );
  return { blocks: out, score: Number(score) };
}

function thaiDate(fy: number, k: number, day: number, d: 'thai' | 'arabic'): string {
  return `${digits(day, d)} ${MONTH_FULL[k]} ${digits(beOf(fy, k), d)}`;
}

export function coverMemo(org: Org, fy: number, l: Layout, random: Random): GBlock[] {
  const d = l.digits;
  const full = `${org.kind}${org.name}`;
  const k = int(random, 4);
  return [
    line('บันทึกข้อความ', 'center', true),
    line(`ส่วนราชการ สำนักปลัด ${full}`),
    line(`ที่ ${digits(`${100 + int(random, 800)}/${digits(fy, 'arabic')}`, d)}`),
    line(`วันที่ ${thaiDate(fy, k, 1 + int(random, 28), d)}`),
    line(`เรื่อง รายงานมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${digits(fy, d)}`),
    line(`เรียน นายก${full}`),
    line(
      `ตามที่สำนักงาน ป.ป.ช. ได้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ สำนักปลัดจึงขอรายงานมาตรการตามเอกสารที่แนบมาพร้อมนี้ จึงเรียนมาเพื่อโปรดทราบและพิจารณา`,
    ),
    ...signature(full, random),
    { t: 'page' },
  ];
}

export function signature(full: string, random: Random): GBlock[] {
  const [name, position] = pick(random, SIGNERS);
  return [line(`(ลงชื่อ)`, 'right'), line(`(${name})`, 'right'), line(`${position}${full}`, 'right')];
}

export function closing(org: Org, fy: number, l: Layout, random: Random): GBlock[] {
  const full = `${org.kind}${org.name}`;
  return [line(`ประกาศ ณ วันที่ ${thaiDate(fy, int(random, 3), 1 + int(random, 28), l.digits)}`), ...signature(full, random)];
}

type Labels = Record<'steps' | 'period' | 'responsible' | 'issue', string>;

function chooseLabels(random: Random): Labels {
  return {
    steps: pick(random, ['ขั้นตอนการดำเนินงาน', 'วิธีการ', 'วิธีดำเนินงาน']),
    period: pick(random, ['ระยะเวลา', 'ระยะเวลาดำเนินการ', 'ห้วงเวลา']),
    responsible: pick(random, ['ผู้รับผิดชอบ', 'หน่วยงานที่รับผิดชอบ']),
    issue: pick(random, ['ประเด็นที่ต้องพัฒนา', 'ข้อที่ต้องพัฒนา']),
  };
}

/** A measure's labelled lines after its first (issue, steps, period, responsible, budget, status). */
function fieldLines(it: Item, labels: Labels, l: Layout, fy: number, budgets: Map<Item, string>, random: Random): string[] {
  const d = l.digits;
  const out: string[] = [];
  if (it.codeText) out.push(`${labels.issue}: ${it.codeText} ${digits(it.issue, d)}`);
  out.push(`${labels.steps}: ${it.steps.join(' ')}`);
  out.push(`${labels.period}: ${anyPeriodText(fy, it.span, it.periodForm, d, random)}`);
  out.push(`${labels.responsible}: ${it.units.join(' ')}`);
  const budget = budgets.get(it);
  if (budget) out.push(`งบประมาณ: ${budget}`);
  if (it.status) out.push(`สถานะ: ${{ done: 'ดำเนินการแล้ว', in_progress: 'อยู่ระหว่างดำเนินการ', not_started: 'ยังไม่ได้ดำเนินการ' }[it.status]}`);
  return out;
}

/** The body as numbered paragraphs: one block of labelled lines per measure. */
export function paragraphBlocks(items: Item[], l: Layout, fy: number, budgets: Map<Item, string>, random: Random): GBlock[] {
  const d = l.digits;
  const out: GBlock[] = [];
  let section: number | null | undefined;
  const labels = chooseLabels(random);
  const mark = pick(random, ['paren', 'dot', 'word'] as const);
  for (const it of items) {
    if (it.section !== section) {
      section = it.section;
      if (it.section !== null) out.push(line(sectionHeading(it.section, l, random), 'heading', chance(random, 0.5)));
    }
    const n = digits(it.seq ?? 0, d);
    const head = mark === 'paren' ? `${n})` : mark === 'dot' ? `${n}.` : `มาตรการที่ ${n}`;
    out.push(line(`${head} ${digits(it.measure, d)}`));
    for (const f of fieldLines(it, labels, l, fy, budgets, random)) out.push(line(f));
  }
  return out;
}

/**
 * The body as ordered lists (one per section): the measure numbers exist
 * only as the list's numbering (HTML <ol start>, Word numbering), each
 * item's lines the measure then its labelled fields.
 */
export function listBlocks(items: Item[], l: Layout, fy: number, budgets: Map<Item, string>, random: Random): GBlock[] {
  const out: GBlock[] = [];
  const labels = chooseLabels(random);
  let section: number | null | undefined;
  let list: Extract<GBlock, { t: 'list' }> | null = null;
  for (const it of items) {
    if (it.section !== section || !list) {
      section = it.section;
      if (it.section !== null) out.push(line(sectionHeading(it.section, l, random), 'heading', chance(random, 0.5)));
      list = { t: 'list', start: it.seq ?? 1, items: [] };
      out.push(list);
    }
    list.items.push([digits(it.measure, l.digits), ...fieldLines(it, labels, l, fy, budgets, random)]);
  }
  return out;
}
