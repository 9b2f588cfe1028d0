/**
 * The assessment a report answers to (layouts.md, "Around the tables": score
 * tables by indicator; overall score and level in prose or a table; reports
 * of two years side by side): the level written beside the overall score,
 * the ten indicators' scores as a table (tool column merged over its
 * indicators, numbered rows, two years' columns, a total and level row) or
 * as lines of prose. Added in session 10, drawn from a random stream of its
 * own so that a document without it is byte-identical to before it existed.
 */
import { rng } from '../variants.js';
import { type Random, chance, int, pick } from './content.js';
import { digits } from './thai.js';
import type { Digits } from './thai.js';
import type { ExpectedAssessment, GBlock, GCell, GRow, Layout } from './types.js';

export const assessRng = (seed: number): Random => rng((seed ^ 0x3c6ef372) >>> 0);

export type IndicatorForm = 'table' | 'tool-rowspan' | 'numbered' | 'two-years' | 'lines';

export interface AssessmentPlan {
  /** Where the level is written: beside the overall score in the head's prose, as the score table's last row, or nowhere. */
  level: 'none' | 'prose' | 'table';
  indicators: IndicatorForm | 'none';
  /** The score table ends with the overall score ("คะแนนรวม"). */
  totalRow: boolean;
}

export function chooseAssessment(a: Random, l: Layout, force: Partial<Layout>): void {
  if ('assessment' in force) return;
  if (!chance(a, 0.4)) {
    l.assessment = false;
    return;
  }
  const indicators = chance(a, 0.75) ? pick(a, ['table', 'tool-rowspan', 'numbered', 'two-years', 'lines'] as const) : 'none';
  const tabled = indicators !== 'none' && indicators !== 'lines';
  const level = tabled && chance(a, 0.5) ? 'table' : chance(a, 0.7) ? 'prose' : 'none';
  l.assessment = { level, indicators, totalRow: tabled && (level === 'table' || chance(a, 0.6)) };
}

export function assessmentPhenomena(l: Layout): string[] {
  const p = l.assessment;
  if (!p) return [];
  const out: string[] = [];
  if (p.level !== 'none') out.push(`assessment:level-${p.level}`);
  if (p.indicators !== 'none') out.push(`indicators:${p.indicators}`);
  if (p.totalRow) out.push('indicators:total-row');
  return out;
}

/** The ten indicators in every assessment year since 2561 (ita-primer.md). */
export const INDICATORS: Array<{ tool: 'IIT' | 'EIT' | 'OIT'; name: string }> = [
  { tool: 'IIT', name: 'การปฏิบัติหน้าที่' },
  { tool: 'IIT', name: 'การใช้งบประมาณ' },
  { tool: 'IIT', name: 'การใช้อำนาจ' },
  { tool: 'IIT', name: 'การใช้ทรัพย์สินของราชการ' },
  { tool: 'IIT', name: 'การแก้ไขปัญหาการทุจริต' },
  { tool: 'EIT', name: 'คุณภาพการดำเนินงาน' },
  { tool: 'EIT', name: 'ประสิทธิภาพการสื่อสาร' },
  { tool: 'EIT', name: 'การปรับปรุงการทำงาน' },
  { tool: 'OIT', name: 'การเปิดเผยข้อมูล' },
  { tool: 'OIT', name: 'การป้องกันการทุจริต' },
];

const TOOL_NAMES: Record<'IIT' | 'EIT' | 'OIT', string[]> = {
  IIT: ['IIT', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)'],
  EIT: ['EIT', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)'],
  OIT: ['OIT', 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)'],
};

/** The level of a score in year `be`: AA–F until 2566, ผ่าน / ไม่ผ่าน (85 points) from 2567. */
export function levelOf(score: number, be: number): string {
  if (be >= 2567) return score >= 85 ? 'ผ่าน' : 'ไม่ผ่าน';
  const bands: Array<[number, string]> = [[95, 'AA'], [85, 'A'], [75, 'B'], [65, 'C'], [55, 'D'], [50, 'E']];
  return bands.find(([min]) => score >= min)?.[1] ?? 'F';
}

/** The level as the head's sentence carries it, right after "ได้คะแนน … คะแนน". */
export function levelProse(level: string, a: Random): string {
  if (level === 'ผ่าน') return pick(a, [' ผลการประเมิน "ผ่าน"', ' ซึ่งผ่านเกณฑ์การประเมิน', ' อยู่ในระดับ ผ่าน']);
  if (level === 'ไม่ผ่าน') return pick(a, [' ผลการประเมิน "ไม่ผ่าน"', ' อยู่ในระดับ ไม่ผ่าน']);
  return pick(a, [` อยู่ในระดับ ${level}`, ` ผลการประเมินอยู่ในระดับ ${level}`, ` (ระดับ ${level})`]);
}

const cell = (text: string, extra: Partial<GCell> = {}): GCell => ({ lines: [text], ...extra });
const score2 = (a: Random): number => (5500 + int(a, 4501)) / 100;

/**
 * The score table or lines, and the assessment they state. `overall` is the
 * score the head's prose already gives for year `be` (fy − 1).
 */
export function assessmentBlocks(
  p: AssessmentPlan,
  be: number,
  overall: number,
  level: string,
  d: Digits,
  a: Random,
): { blocks: GBlock[]; expected: ExpectedAssessment['indicators'] } {
  if (p.indicators === 'none') return { blocks: [], expected: [] };
  const scores = INDICATORS.map(() => score2(a));
  const expected = INDICATORS.map((x, k) => ({ tool: x.tool, indicator: k + 1, score: scores[k]! }));
  const n = (x: number | string): string => digits(typeof x === 'number' ? x.toFixed(2) : x, d);
  const caption: GBlock = {
    t: 'line',
    text: pick(a, [
      `ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${digits(be, d)} แยกรายตัวชี้วัด`,
      `คะแนนรายตัวชี้วัด ปี พ.ศ. ${digits(be, d)}`,
      'ผลคะแนนการประเมินจำแนกตามตัวชี้วัด',
    ]),
    style: 'plain',
    bold: true,
  };
  const title = (k: number): string => `ตัวชี้วัดที่ ${digits(k + 1, d)} ${INDICATORS[k]!.name}`;
  if (p.indicators === 'lines') {
    const lines = INDICATORS.map((_, k): GBlock => {
      const text = chance(a, 0.5) ? `${title(k)} ได้คะแนน ${n(scores[k]!)} คะแนน` : `${title(k)} ${n(scores[k]!)} คะแนน`;
      return { t: 'line', text: chance(a, 0.3) ? `- ${text}` : text, style: 'plain' };
    });
    return { blocks: [caption, ...lines], expected };
  }
  const scoreHead = pick(a, ['คะแนน', 'ผลคะแนน', 'คะแนนที่ได้']);
  const indHead = pick(a, ['ตัวชี้วัด', 'ตัวชี้วัดการประเมิน']);
  const rows: GRow[] = [];
  const twoYears = p.indicators === 'two-years';
  const before = INDICATORS.map(() => score2(a));
  const lead = p.indicators === 'tool-rowspan' ? 1 : p.indicators === 'numbered' ? 1 : 0;
  if (p.indicators === 'tool-rowspan') rows.push({ header: true, cells: [cell(pick(a, ['เครื่องมือ', 'แบบวัด'])), cell(indHead), cell(scoreHead)] });
  else if (p.indicators === 'numbered') rows.push({ header: true, cells: [cell('ที่'), cell(indHead), cell(scoreHead)] });
  else if (twoYears) rows.push({ header: true, cells: [cell(indHead), cell(`${scoreHead} ปี ${digits(be - 1, d)}`), cell(`${scoreHead} ปี ${digits(be, d)}`)] });
  else rows.push({ header: true, cells: [cell(indHead), cell(scoreHead)] });
  const toolLong = chance(a, 0.5) ? 1 : 0;
  INDICATORS.forEach((x, k) => {
    const cells: Array<GCell | null> = [];
    if (p.indicators === 'tool-rowspan') {
      const first = k === 0 || INDICATORS[k - 1]!.tool !== x.tool;
      cells.push(first ? cell(TOOL_NAMES[x.tool][toolLong]!, { rowSpan: INDICATORS.filter((y) => y.tool === x.tool).length }) : null);
      cells.push(cell(title(k)));
    } else if (p.indicators === 'numbered') cells.push(cell(digits(k + 1, d)), cell(x.name));
    else cells.push(cell(title(k)));
    if (twoYears) cells.push(cell(n(before[k]!)));
    cells.push(cell(n(scores[k]!)));
    rows.push({ cells });
  });
  const label = (text: string): Array<GCell | null> => (lead ? [cell(text, { colSpan: 2, bold: true }), null] : [cell(text, { bold: true })]);
  if (p.totalRow) {
    const cells = label(pick(a, ['คะแนนรวม', 'คะแนนเฉลี่ย', 'รวม']));
    if (twoYears) cells.push(cell(n(score2(a))));
    cells.push(cell(n(overall), { bold: true }));
    rows.push({ cells });
  }
  if (p.level === 'table') {
    const cells = label(pick(a, ['ระดับผลการประเมิน', 'ผลการประเมิน', 'ระดับ']));
    if (twoYears) cells.push(cell(levelOf(90, be - 1)));
    cells.push(cell(level, { bold: true }));
    rows.push({ cells });
  }
  return { blocks: [caption, { t: 'table', rows }], expected };
}
