/**
 * The generator's own Thai writing: digits, month names, periods in every
 * form of layouts.md, with the ISO months each one means. Written here on
 * purpose, not taken from src/thai, so the expected values do not share
 * the recogniser's code.
 */

export type Digits = 'thai' | 'arabic';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** Write every Arabic digit of `s` in the chosen digits. */
export function digits(s: string | number, style: Digits): string {
  const t = String(s);
  return style === 'arabic' ? t : t.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!);
}

/** Every Thai digit of `s` as an Arabic one (used by the scorer on both sides). */
export function arabic(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Fiscal months in order: index 0 = ตุลาคม (October of BE year − 1). */
export const MONTH_FULL = [
  'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม', 'มกราคม', 'กุมภาพันธ์', 'มีนาคม',
  'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน',
] as const;
export const MONTH_ABBR = [
  'ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.',
] as const;

/** BE year of fiscal month k (0..11) of fiscal year `fy`. */
export function beOf(fy: number, k: number): number {
  return k < 3 ? fy - 1 : fy;
}

/** ISO month (YYYY-MM) of fiscal month k of fiscal year `fy`. */
export function isoMonth(fy: number, k: number): string {
  const ce = beOf(fy, k) - 543;
  const m = k < 3 ? 10 + k : k - 2;
  return `${ce}-${String(m).padStart(2, '0')}`;
}

function lastDay(fy: number, k: number): number {
  const [y, m] = isoMonth(fy, k).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A span of fiscal months, first..last inclusive (0..11). */
export interface Span {
  first: number;
  last: number;
}

/** How a period is written in one text cell or line. */
export const PERIOD_TEXT_FORMS = ['abbr', 'full', 'dates', 'quarter', 'year', 'within'] as const;
export type PeriodTextForm = (typeof PERIOD_TEXT_FORMS)[number];

/** The expected ISO months of a span. */
export function spanIso(fy: number, s: Span): { start: string; end: string } {
  return { start: isoMonth(fy, s.first), end: isoMonth(fy, s.last) };
}

/** Quarter spans fit a quarter form; whole years the 'year' form; single months the 'within' form. */
export function spanFor(form: PeriodTextForm, random: () => number): Span {
  const r = (n: number) => Math.floor(random() * n);
  if (form === 'year') return { first: 0, last: 11 };
  if (form === 'within') {
    const k = r(12);
    return { first: k, last: k };
  }
  if (form === 'quarter') {
    const q1 = r(4);
    const q2 = q1 + r(4 - q1);
    return { first: q1 * 3, last: q2 * 3 + 2 };
  }
  const first = r(11);
  return { first, last: first + 1 + r(11 - first) };
}

/** The period written in one cell, in `form`, for span `s`. */
export function periodText(fy: number, s: Span, form: PeriodTextForm, d: Digits, random: () => number): string {
  const yy = (k: number) => digits(beOf(fy, k) % 100, d);
  const be = (k: number) => digits(beOf(fy, k), d);
  const dash = random() < 0.5 ? ' - ' : random() < 0.5 ? '-' : ' – ';
  switch (form) {
    case 'abbr':
      return `${MONTH_ABBR[s.first]} ${yy(s.first)}${dash}${MONTH_ABBR[s.last]} ${yy(s.last)}`;
    case 'full':
      return `${MONTH_FULL[s.first]} ${be(s.first)}${dash}${MONTH_FULL[s.last]} ${be(s.last)}`;
    case 'dates':
      return `${digits(1, d)} ${MONTH_ABBR[s.first]} ${be(s.first)}${dash}${digits(lastDay(fy, s.last), d)} ${MONTH_ABBR[s.last]} ${be(s.last)}`;
    case 'quarter': {
      const q1 = s.first / 3 + 1;
      const q2 = (s.last + 1) / 3;
      return q1 === q2 ? `ไตรมาสที่ ${digits(q1, d)}` : `ไตรมาสที่ ${digits(q1, d)}${dash}${digits(q2, d)}`;
    }
    case 'year':
      return random() < 0.5 ? 'ตลอดปีงบประมาณ' : `ตลอดปีงบประมาณ พ.ศ. ${digits(fy, d)}`;
    case 'within':
      return `ภายในเดือน${MONTH_FULL[s.first]} ${be(s.first)}`;
  }
}

/** Start and end cells of a span (start/end columns): full dates or abbreviated months. */
export function periodCells(fy: number, s: Span, d: Digits, dated: boolean): [string, string] {
  if (dated) {
    return [
      `${digits(1, d)} ${MONTH_ABBR[s.first]} ${digits(beOf(fy, s.first), d)}`,
      `${digits(lastDay(fy, s.last), d)} ${MONTH_ABBR[s.last]} ${digits(beOf(fy, s.last), d)}`,
    ];
  }
  return [
    `${MONTH_ABBR[s.first]} ${digits(beOf(fy, s.first) % 100, d)}`,
    `${MONTH_ABBR[s.last]} ${digits(beOf(fy, s.last) % 100, d)}`,
  ];
}

/** An amount in baht as written: "๒๐,๐๐๐", "20,000.-", "๒๐,๐๐๐ บาท". */
export function bahtText(baht: number, d: Digits, random: () => number): string {
  const grouped = baht.toLocaleString('en-US');
  const r = random();
  const s = r < 0.4 ? grouped : r < 0.7 ? `${grouped}.-` : `${grouped} บาท`;
  return digits(s, d);
}
