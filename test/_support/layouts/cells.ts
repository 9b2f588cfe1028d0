/**
 * Cell phenomena added after the generator's second blind run (helper
 * sect7), drawn from a random stream of their own so that a document
 * without any of them is byte-identical to before they existed:
 *   - periodLines: a period cell holding its start and its end on two
 *     lines ("๑ ต.ค. ๒๕๖๖ -" / "๓๑ มี.ค. ๒๕๖๗", "ตั้งแต่ …" / "ถึง …",
 *     "เริ่ม …" / "สิ้นสุด …", or the two dates alone);
 *   - unitBullets: the responsible units as a list in one cell, one per
 *     line, each behind a bullet ("-", "•", "➢") or a number ("๑.");
 *   - statusDated: a status word with the date it was reached
 *     ("ดำเนินการแล้ว (มี.ค. ๖๖)", "ดำเนินการแล้วเสร็จ เมื่อวันที่ …",
 *     the date on a line of its own); the date is no period of the entry.
 * The cells are written here, once per item, and table.ts puts them in.
 */
import { rng } from '../variants.js';
import { type Random, chance, int, pick } from './content.js';
import { MONTH_ABBR, MONTH_FULL, type Digits, beOf, digits, periodCells } from './thai.js';
import type { Item, Layout, Status } from './types.js';

/** The stream the cell phenomena draw from: apart from the main one and extra.ts's. */
export const cellRng = (seed: number): Random => rng((seed ^ 0x51ed27a3) >>> 0);

/** Turn on cell phenomena where the layout allows them. */
export function chooseCells(c: Random, l: Layout, force: Partial<Layout>): void {
  const table = l.body === 'table';
  const on = (k: 'periodLines' | 'unitBullets' | 'statusDated', p: boolean) => {
    if (!(k in force)) l[k] = p;
  };
  on('periodLines', table && l.period === 'text' && chance(c, 0.5));
  on('unitBullets', table && chance(c, 0.3));
  on('statusDated', table && l.status === 'word' && chance(c, 0.6));
}

/** Phenomena names of the cell choices (document level). */
export function cellPhenomena(l: Layout): string[] {
  const out: string[] = [];
  if (l.unitBullets) out.push('units:bullets');
  if (l.statusDated) out.push('status:dated');
  return out;
}

/** A date as written in a status cell or a period line. */
function dayText(fy: number, k: number, day: number, d: Digits, c: Random): string {
  const full = chance(c, 0.4);
  const year = full ? beOf(fy, k) : chance(c, 0.5) ? beOf(fy, k) : beOf(fy, k) % 100;
  return `${digits(day, d)} ${full ? MONTH_FULL[k] : MONTH_ABBR[k]} ${digits(year, d)}`;
}

const DAYS_IN = [31, 30, 31, 31, 28, 31, 30, 31, 30, 31, 31, 30];

/** The period of an item as two lines: its start, then its end. */
function periodLines(it: Item, fy: number, d: Digits, c: Random): string[] {
  const { first, last } = it.span;
  const dated = chance(c, 0.6);
  const [start, end] = dated
    ? [dayText(fy, first, 1, d, c), dayText(fy, last, DAYS_IN[last]!, d, c)]
    : periodCells(fy, it.span, d, false);
  switch (int(c, 4)) {
    case 0:
      return [`${start} ${pick(c, ['-', '–'])}`, end];
    case 1:
      return [`ตั้งแต่ ${start}`, `ถึง ${end}`];
    case 2:
      return [`เริ่ม ${start}`, `สิ้นสุด ${end}`];
    default:
      return [start, end];
  }
}

/** The responsible units as a bulleted or numbered list. */
function unitLines(units: string[], d: Digits, c: Random): string[] {
  const mark = pick(c, ['-', '•', '➢', 'num']);
  return units.map((u, i) => (mark === 'num' ? `${digits(i + 1, d)}. ${u}` : `${mark} ${u}`));
}

const WORDS: Record<Status, string[]> = {
  done: ['ดำเนินการแล้ว', 'ดำเนินการแล้วเสร็จ'],
  in_progress: ['อยู่ระหว่างดำเนินการ'],
  not_started: ['ยังไม่ได้ดำเนินการ', 'ยังไม่ดำเนินการ'],
};

/** A status word with the date it was reached (or last checked). */
function statusLines(s: Status | null, fy: number, d: Digits, c: Random): string[] {
  if (s === null) return [];
  const word = pick(c, WORDS[s]);
  const k = int(c, 12);
  const short = `${MONTH_ABBR[k]} ${digits(beOf(fy, k) % 100, d)}`;
  const date = dayText(fy, k, 1 + int(c, 28), d, c);
  switch (int(c, 4)) {
    case 0:
      return [`${word} (${short})`];
    case 1:
      return [s === 'done' ? `${word} เมื่อวันที่ ${date}` : `${word} ณ วันที่ ${date}`];
    case 2:
      return [word, `(ข้อมูล ณ ${date})`];
    default:
      return [`${word} (${date})`];
  }
}

/** Write the cells of the chosen phenomena for each item (period lines for some items only). */
export function writeCells(items: Item[], l: Layout, fy: number, c: Random): void {
  const d = l.digits;
  for (const it of items) {
    const cells: NonNullable<Item['cells']> = {};
    if (l.periodLines && chance(c, 0.6)) {
      cells.period = periodLines(it, fy, d, c);
      it.phenomena = [...it.phenomena.filter((p) => !p.startsWith('period-form:')), 'period-form:two-lines'];
    }
    if (l.unitBullets) cells.responsible = unitLines(it.units, d, c);
    if (l.statusDated) cells.status = statusLines(it.status, fy, d, c);
    if (Object.keys(cells).length > 0) it.cells = cells;
  }
}
