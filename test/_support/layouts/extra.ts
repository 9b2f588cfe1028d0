/**
 * Layout phenomena added after the generator's first blind run (helper
 * layout6), drawn from a random stream of their own so that a document
 * without any of them is the same as before they existed:
 *   - codeFirst: the code column is the table's first column;
 *   - spacer: a blank spacer column (empty header, empty cells);
 *   - subrowNumberCell: a sub-row's number ("๑.๑") in the number column,
 *     its measure cell without one;
 *   - status:percent: status as a percentage ("๑๐๐%", "๕๐ %", "0%");
 *   - body:list: measures as an ordered list (HTML <ol>, Word numbering),
 *     the numbers only in the list's numbering;
 *   - sections:caption-rows: one table per issue, its heading in a merged
 *     row above the column header;
 *   - notesNumbered: numbered notes under the table ("หมายเหตุ" then "๑. …");
 *   - period forms month-range ("ม.ค.–มี.ค. ๒๕๖๖"), quarter-short
 *     ("ไตรมาส ๒–๓") and every-quarter ("ทุกไตรมาส").
 */
import { rng } from '../variants.js';
import { type Random, chance, int, pick, shuffle } from './content.js';
import { MONTH_ABBR, type Digits, type PeriodTextForm, type Span, beOf, digits, periodText } from './thai.js';
import type { Layout, NewPeriodForm, Status } from './types.js';

/** The stream the new phenomena draw from: apart from the main one, so old documents stay the same. */
export const extraRng = (seed: number): Random => rng((seed ^ 0x2f6b3c1d) >>> 0);

/** Turn on new phenomena where the layout allows them. */
export function chooseExtra(x: Random, l: Layout, force: Partial<Layout>): void {
  const table = l.body === 'table';
  const on = (k: keyof Layout, p: boolean) => {
    if (!(k in force)) (l as unknown as Record<string, unknown>)[k] = p;
  };
  on('codeFirst', table && l.codes === 'column' && l.sections !== 'column-rowspan' && l.sections !== 'column-repeated' && chance(x, 0.5));
  on('spacer', table && chance(x, 0.2));
  on('subrowNumberCell', table && l.subRows && chance(x, 0.5));
  on('notesNumbered', table && chance(x, 0.2));
  if (!('status' in force) && table && l.status === 'word' && chance(x, 0.5)) l.status = 'percent';
  if (!('body' in force) && l.body === 'paragraphs' && chance(x, 0.5)) l.body = 'list';
  if (!('sections' in force) && table && l.sections === 'section-rows' && chance(x, 0.4)) l.sections = 'caption-rows';
}

/** Phenomena names of the new choices (added to layoutPhenomena's). */
export function extraPhenomena(l: Layout): string[] {
  const out: string[] = [];
  for (const k of ['codeFirst', 'spacer', 'subrowNumberCell', 'notesNumbered'] as const) if (l[k]) out.push(k);
  return out;
}

/** New written forms replacing an old one for some items: [form, its span]. */
export function newPeriodForm(x: Random, form: string, span: Span): { form: NewPeriodForm; span: Span } | null {
  if (form === 'abbr' && chance(x, 0.4)) {
    // a range of months written with one year at its end: both months in the same BE year
    const first = int(x, 11);
    const end = first < 3 ? 2 : 11;
    if (first >= end) return null;
    return { form: 'month-range', span: { first, last: first + 1 + int(x, end - first) } };
  }
  if (form === 'quarter' && chance(x, 0.5)) return { form: 'quarter-short', span };
  if (form === 'year' && chance(x, 0.5)) return { form: 'every-quarter', span };
  return null;
}

/** The text of a new period form. */
export function newPeriodText(fy: number, s: Span, form: string, d: Digits, x: Random): string {
  const dash = pick(x, ['–', ' – ', '-', ' - ']);
  if (form === 'month-range') {
    const year = chance(x, 0.5) ? digits(beOf(fy, s.first), d) : digits(beOf(fy, s.first) % 100, d);
    return `${MONTH_ABBR[s.first]}${dash}${MONTH_ABBR[s.last]} ${year}`;
  }
  if (form === 'quarter-short') {
    const q1 = s.first / 3 + 1;
    const q2 = (s.last + 1) / 3;
    return q1 === q2 ? `ไตรมาส ${digits(q1, d)}` : `ไตรมาส ${digits(q1, d)}${dash}${digits(q2, d)}`;
  }
  return pick(x, ['ทุกไตรมาส', `ทุกไตรมาส ปีงบประมาณ ${digits(fy, d)}`]);
}

/** Status as a percentage of completion, and the column's name. */
export const PERCENT_NAMES = ['ร้อยละความสำเร็จ', 'ความก้าวหน้า (%)', 'ผลการดำเนินงาน (ร้อยละ)'];
export function percentText(s: Status | null, d: Digits, x: Random): string {
  if (s === null) return '';
  const n = s === 'done' ? 100 : s === 'not_started' ? 0 : pick(x, [20, 25, 40, 50, 60, 75, 80, 90]);
  return digits(`${n}${pick(x, ['%', ' %', '%'])}`, d);
}

const NOTE_LINES = [
  'ข้อมูล ณ วันที่ ๓๐ กันยายน ของปีงบประมาณ',
  'ให้หน่วยงานรายงานผลการดำเนินการต่อผู้บริหารเป็นประจำ',
  'มาตรการที่ไม่ใช้งบประมาณให้ดำเนินการภายใต้ภารกิจปกติ',
  'สามารถปรับปรุงแผนได้ตามความเหมาะสมของสถานการณ์',
];

/** Numbered notes under a table: a "หมายเหตุ" line, then "๑. …" lines. */
export function numberedNotes(d: Digits, x: Random): string[] {
  const k = 2 + int(x, 2);
  const picked = shuffle(x, NOTE_LINES).slice(0, k);
  return [pick(x, ['หมายเหตุ', 'หมายเหตุ :', 'หมายเหตุ:']), ...picked.map((t, i) => `${digits(i + 1, d)}. ${digits(t, d)}`)];
}

/** A period written in any form, old or new. */
export function anyPeriodText(fy: number, s: Span, form: PeriodTextForm | NewPeriodForm, d: Digits, random: Random): string {
  return form === 'month-range' || form === 'quarter-short' || form === 'every-quarter'
    ? newPeriodText(fy, s, form, d, random)
    : periodText(fy, s, form, d, random);
}
