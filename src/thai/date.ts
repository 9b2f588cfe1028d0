/**
 * Thai dates, date ranges and fiscal periods as written in ITA reports.
 *
 *   parseThaiDate("วันพุธที่ 28 ธันวาคม 2565")  → { iso: '2022-12-28', precision: 'day', raw: '28 ธันวาคม 2565' }
 *   parseThaiPeriod("ต.ค. ๖๗-ก.ย.๖๘")          → [{ start: '2024-10', end: '2025-09', precision: 'month', … }]
 *   fiscalYear(2568)                           → { be: 2568, ce: 2025, start: '2024-10-01', end: '2025-09-30' }
 *
 * The text is scanned once with Thai digits turned into Arabic ones (which
 * keeps every offset, so `raw` is always a slice of the original) for
 * "atoms": dates, years, fiscal quarters and whole-year phrases. Periods are
 * then built from atoms, joining two dates separated only by a range word
 * (dash, ถึง, จนถึง, ถึงวันที่, … วันสิ้นสุด).
 *
 * Rules where the writing leaves things open:
 * - A range end without a year takes the other end's year. If that puts the
 *   start's month after the end's month ("ต.ค. – มี.ค. ๖๗"), the start is in
 *   the year before (Oct 2566 – Mar 2567); likewise an end without a year
 *   before its start moves to the next year. Same month, later day is not
 *   moved: it is a reversed range.
 * - A range with no year at either end resolves against the fiscal year in
 *   context (Oct–Dec → FY−1, Jan–Sep → FY); without one, start/end are null.
 * - A lone month or day-month with no year is not a period (it is usually a
 *   deadline or a recurring month: "ภายในเดือนมีนาคม", "เดือนเมษายน ของทุกปี").
 * - Each end of a range keeps the precision it was written with
 *   ("๑ ต.ค. ๖๗ - ก.ย. ๖๘" → '2024-10-01'..'2025-09'); `precision` is the
 *   coarser of the two, and `reversed` compares the ends at that precision.
 * - An impossible date (31 ก.พ., day 0 or 32) makes its whole range vanish;
 *   nothing is rolled over or guessed.
 * - ปีงบประมาณ N is fiscal year N at month precision; ปี / พ.ศ. N alone is the
 *   calendar year at year precision.
 */
import { toArabicDigits } from './digits.js';
import {
  DASH,
  ERA_SRC,
  H,
  MONTH_SRC,
  YEAR_SRC,
  daysInMonth,
  isUndottedAbbreviation,
  isoOf,
  monthOf,
  yearToBE,
} from './_months.js';

export type DatePrecision = 'day' | 'month' | 'year';
export interface FiscalYearInfo { be: number; ce: number; start: string; end: string }
export interface ThaiDate { iso: string; precision: DatePrecision; raw: string }
export interface ThaiDateOptions {
  /** BE year for a day/month written without one. */
  defaultYearBE?: number;
  /** BE year that two-digit years are read nearest to (default: 25yy). */
  pivot?: number;
}
export interface ThaiPeriod {
  raw: string;
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  reversed?: boolean;
}
export interface PeriodContext { /** the report's fiscal year, BE */ fiscalYear?: number }

/** Thai fiscal year BE N: 1 October N−1 to 30 September N. */
export function fiscalYear(be: number): FiscalYearInfo {
  return { be, ce: be - 543, start: isoOf(be - 1, 10, 1), end: isoOf(be, 9, 30) };
}

// ---------------------------------------------------------------- atoms

interface Ymd { y: number | null; m: number; d: number | null }
type Atom = { start: number; end: number } & (
  | { kind: 'date'; at: Ymd; from: number | null }
  | { kind: 'year'; from: number; to: number | null; fiscal: boolean }
  | { kind: 'quarter'; groups: Array<{ from: number; to: number; start: number; end: number }>; fy: number | null }
  | { kind: 'whole'; fy: number | null }
);

const RANGE_WORD = `(?:${DASH}|ถึง)`;
const FY_WORD = '(?:ปีงบประมาณ|ปีงบฯ|ปีงบ(?=\\s*\\d))';
const DATE_RE = new RegExp(
  `(?:(?<![\\d.,/])(?:(\\d{1,2})${H}{0,3}${RANGE_WORD}${H}{0,3})?(\\d{1,2})${H}{0,3})?` +
    `(${MONTH_SRC})(?:${H}{0,3}(?:${ERA_SRC})?${H}{0,3}${YEAR_SRC})?`,
  'g',
);
const YEAR_RE = new RegExp(
  `(?:(${FY_WORD}|ปี)(?:${H}{0,3}ฯ)?${H}{0,3}(?:${ERA_SRC})?|${ERA_SRC})${H}{0,3}(\\d{4}|\\d{2})(?![.\\d])` +
    `(?:${H}{0,3}${RANGE_WORD}${H}{0,3}(?:${ERA_SRC})?${H}{0,3}(\\d{4}|\\d{2})(?![.\\d])(?!${H}{0,3}${MONTH_SRC}))?`,
  'g',
);
const FY_SUFFIX = `(?:${H}{0,3}(?:ของ)?${FY_WORD}(?:${H}{0,3}ฯ)?${H}{0,3}(?:${ERA_SRC})?${H}{0,3}(\\d{4}|\\d{2})(?![.\\d])|/(\\d{4}|\\d{2})(?!\\d))?`;
/** ไตรมาส, also with the space OCR or wrapping leaves inside it ("ไตรม าส"). */
const QUARTER_WORD = `ไตร${H}?ม${H}?า${H}?ส`;
const QUARTER_RE = new RegExp(
  `(?<!ทุก${H}?)${QUARTER_WORD}${H}?(?:ที่)?${H}{0,3}[1-4](?!\\d)(?!${H}{0,3}${MONTH_SRC})` +
    `(?:${H}{0,3}(?:${RANGE_WORD}|และ|,)${H}{0,3}(?:${QUARTER_WORD}${H}?(?:ที่)?${H}{0,3})?[1-4](?![\\d.)]))*${FY_SUFFIX}`,
  'g',
);
const WHOLE_RE = new RegExp(
  `(?:ตลอด${H}?(?:ทั้ง${H}?)?ปี(?:งบประมาณ)?|ทั้งปีงบประมาณ)(?!การ|ที่|ปฏิทิน|ละ|ก่อน|หน้า)` +
    `(?:(?:${H}{0,3}ฯ)?${H}{0,3}(?:${ERA_SRC})?${H}{0,3}(\\d{4}|\\d{2})(?![.\\d]))?`,
  'g',
);

/**
 * "ทุกไตรมาส" or "ทุกเดือน" (every quarter, month) standing as the whole of a period cell or of a
 * labelled value ("ระยะเวลา: ทุกไตรมาส"), with or without its fiscal year:
 * the whole fiscal year. In running text ("รายงานผู้บริหารทุกไตรมาส") it is
 * how often something is done, not when.
 */
const EVERY_QUARTER_RE = new RegExp(
  `(?<=(?:^|[:：\\n])${H}*)ทุก${H}?(?:${QUARTER_WORD}|เดือน)` +
    `(?:${H}{0,3}(?:ของ)?(?:${FY_WORD})?(?:${H}{0,3}ฯ)?${H}{0,3}(?:${ERA_SRC})?${H}{0,3}(\\d{4}|\\d{2})(?![.\\d]))?(?=${H}*(?:\\n|$))`,
  'g',
);

function dateAtom(m: RegExpExecArray, pivot?: number): Atom | null {
  const [, fromDay, day, token = '', era, year] = m;
  const month = monthOf(token);
  if (month === null) return null;
  if (isUndottedAbbreviation(token) && (/\s/.test(token) || (day === undefined && year === undefined))) return null;
  const y = year === undefined ? null : yearToBE(year, era, pivot);
  if (year !== undefined && y === null) return null;
  const at = { y, m: month, d: day === undefined ? null : Number(day) };
  return { kind: 'date', start: m.index, end: m.index + m[0].length, at, from: fromDay === undefined ? null : Number(fromDay) };
}

function yearAtom(m: RegExpExecArray, pivot?: number): Atom | null {
  const [, intro, era1, era2, y1 = '', era3, y2] = m;
  const fiscal = intro !== undefined && intro !== 'ปี';
  const era = era1 ?? era2;
  if (y1.length === 2 && !fiscal && era === undefined) return null;
  const from = yearToBE(y1, era, pivot);
  const to = y2 === undefined ? null : yearToBE(y2, era3 ?? era, pivot);
  if (from === null || (y2 !== undefined && to === null)) return null;
  return { kind: 'year', start: m.index, end: m.index + m[0].length, from, to, fiscal };
}

function fySuffix(era: string | undefined, y1: string | undefined, y2: string | undefined, pivot?: number): number | null {
  const y = y1 ?? y2;
  return y === undefined ? null : yearToBE(y, era, pivot);
}

const RANGE_SEP = new RegExp(RANGE_WORD);

/** Quarters: a dash joins a range, "และ"/"," list them; consecutive ones merge. */
function quarterAtom(m: RegExpExecArray, pivot?: number): Atom {
  const [, era, y1, y2] = m;
  const start = m.index;
  const body = m[0].replace(/(?:ของ)?(?:ปีงบ|\/).*$/s, '');
  const groups: Array<{ from: number; to: number; start: number; end: number }> = [];
  for (const q of body.matchAll(/([1-4])/g)) {
    const n = Number(q[1]);
    const pos = start + (q.index ?? 0);
    const last = groups[groups.length - 1];
    const sep = last ? m[0].slice(last.end - start, pos - start) : '';
    const joins = last !== undefined && (RANGE_SEP.test(sep) || (last.from <= last.to && n === last.to + 1));
    if (last && joins) Object.assign(last, { to: n, end: pos + 1 });
    else groups.push({ from: n, to: n, start: last ? pos : start, end: pos + 1 });
  }
  const lastGroup = groups[groups.length - 1];
  if (lastGroup) lastGroup.end = start + m[0].length;
  return { kind: 'quarter', start, end: start + m[0].length, groups, fy: fySuffix(era, y1, y2, pivot) };
}

function wholeAtom(m: RegExpExecArray, pivot?: number): Atom {
  const [, era, y] = m;
  return { kind: 'whole', start: m.index, end: m.index + m[0].length, fy: fySuffix(era, y, undefined, pivot) };
}

const SCANNERS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray, pivot?: number) => Atom | null]> = [
  [DATE_RE, dateAtom],
  [YEAR_RE, yearAtom],
  [QUARTER_RE, quarterAtom],
  [WHOLE_RE, wholeAtom],
  [EVERY_QUARTER_RE, wholeAtom],
];

/** Every atom in t (Arabic digits), in order, overlaps resolved to the earliest then longest. */
function scanAtoms(t: string, pivot?: number): Atom[] {
  const found: Atom[] = [];
  for (const [re, make] of SCANNERS) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const atom = make(m, pivot);
      if (atom) found.push(atom);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const atoms: Atom[] = [];
  let reach = 0;
  for (const a of found) if (a.start >= reach) { atoms.push(a); reach = a.end; }
  return atoms;
}

// ---------------------------------------------------------------- dates

const isValid = (p: Ymd): boolean =>
  p.m >= 1 && p.m <= 12 && (p.d === null || (p.d >= 1 && p.d <= daysInMonth(p.m, p.y === null ? null : p.y - 543)));

/** ISO of a resolved date, or null when it has no year or cannot exist. */
function isoOfYmd(p: Ymd): string | null {
  return p.y === null || !isValid(p) ? null : isoOf(p.y, p.m, p.d);
}

/**
 * The first date in s: day-month-year, month-year, or a year introduced by
 * พ.ศ./ปี/ปีงบประมาณ. Dates that cannot exist, and days or months without a
 * year (unless opts.defaultYearBE), are passed over. For "10 – 11 มกราคม 2566"
 * the date is the 10th and raw the whole span.
 */
export function parseThaiDate(s: string, opts: ThaiDateOptions = {}): ThaiDate | null {
  for (const a of scanAtoms(toArabicDigits(s), opts.pivot)) {
    const raw = s.slice(a.start, a.end);
    if (a.kind === 'year') return { iso: isoOf(a.from), precision: 'year', raw };
    if (a.kind !== 'date') continue;
    const p: Ymd = { ...a.at, y: a.at.y ?? opts.defaultYearBE ?? null };
    const iso = a.from === null ? isoOfYmd(p) : isoOfYmd(p) && isoOfYmd({ ...p, d: a.from });
    if (iso !== null) return { iso, precision: p.d === null ? 'month' : 'day', raw };
  }
  return null;
}

// ---------------------------------------------------------------- periods

const RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };
const LENGTH: Record<DatePrecision, number> = { day: 10, month: 7, year: 4 };
const coarser = (a: DatePrecision, b: DatePrecision): DatePrecision => (RANK[a] >= RANK[b] ? a : b);
const precisionOf = (iso: string): DatePrecision => (iso.length === 10 ? 'day' : iso.length === 7 ? 'month' : 'year');

function period(raw: string, start: string | null, end: string | null, precision?: DatePrecision): ThaiPeriod {
  const p = precision ?? coarser(precisionOf(start ?? end ?? ''), precisionOf(end ?? start ?? ''));
  const out: ThaiPeriod = { raw, start, end, precision: p };
  if (start !== null && end !== null && start.slice(0, LENGTH[p]) > end.slice(0, LENGTH[p])) out.reversed = true;
  return out;
}

/** How far (in years) a period's year may lie from the report's fiscal year before it is doubted. */
export const PLAUSIBLE_YEARS_FROM_FISCAL_YEAR = 5;
/** The BE years an ITA report can speak of (the ITA began in 2557; its reports and the years they cite lie within). */
export const PLAUSIBLE_BE: readonly [number, number] = [2550, 2580];

/**
 * The BE years of a period's ends that are implausible for a report of fiscal
 * year `fy`: outside 2550–2580 always, and more than 5 years from the fiscal
 * year when there is one ("ตุลาคม ๒๕๖๕ - มีนาคม ๒๕๒๑": OCR read ๖๕ as ๒๑).
 * Each year once.
 */
export function implausibleYears(p: Pick<ThaiPeriod, 'start' | 'end'>, fy: number | null): number[] {
  const years = [p.start, p.end].flatMap((iso) => (iso === null ? [] : [Number(iso.slice(0, 4)) + 543]));
  const far = years.filter(
    (y) => y < PLAUSIBLE_BE[0] || y > PLAUSIBLE_BE[1] || (fy !== null && Math.abs(y - fy) > PLAUSIBLE_YEARS_FROM_FISCAL_YEAR),
  );
  return [...new Set(far)];
}

/** First month of fiscal quarter q (1–4) of fiscal year fy, as [BE year, month]. */
const quarterStart = (q: number, fy: number): [number, number] => (q === 1 ? [fy - 1, 10] : [fy, (q - 1) * 3 - 2]);
const fiscalMonthYear = (month: number, fy: number): number => (month >= 10 ? fy - 1 : fy);

/** Gives both ends a year (see the rules at the top). */
function fillYears(a: Ymd, b: Ymd, fy?: number): [Ymd, Ymd] {
  if (a.y === null && b.y !== null) return [{ ...a, y: a.m > b.m ? b.y - 1 : b.y }, b];
  if (b.y === null && a.y !== null) return [a, { ...b, y: b.m < a.m ? a.y + 1 : a.y }];
  if (a.y === null && b.y === null && fy !== undefined) {
    const y = fiscalMonthYear(a.m, fy);
    return [{ ...a, y }, { ...b, y: b.m < a.m ? y + 1 : y }];
  }
  return [a, b];
}

function dateRange(raw: string, a: Ymd, b: Ymd, fy?: number): ThaiPeriod | null {
  if (!isValid(a) || !isValid(b)) return null;
  const [s, e] = fillYears(a, b, fy);
  if (s.y === null || e.y === null) return period(raw, null, null, coarser(s.d === null ? 'month' : 'day', e.d === null ? 'month' : 'day'));
  const start = isoOfYmd(s);
  const end = isoOfYmd(e);
  return start === null || end === null ? null : period(raw, start, end);
}

const WEEKDAY = '(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)';
const RANGE_GAP = new RegExp(`^${H}*(?:${DASH}|จนถึง|ถึง)${H}*(?:วัน${WEEKDAY}?ที่|เดือน)?${H}*$`);
const END_GAP = new RegExp(`^(?:${H}|[,;:])*(?:และ)?${H}*(?:วัน)?สิ้นสุด${H}*:?${H}*(?:วันที่|เดือน)?${H}*$`);
const START_WORD = new RegExp(`(?:วัน)?เริ่มต้น${H}*:?${H}*(?:วันที่|เดือน)?${H}*$`);
const OPEN_END = new RegExp(`^${H}*(?:${DASH}|จนถึง|ถึง)${H}*ปัจจุบัน`);

/**
 * Every period in s, in order: date and month ranges, single dates and
 * months with a year, fiscal quarters, whole-year phrases and fiscal years.
 * ctx.fiscalYear (BE) resolves quarters, ตลอดปี and ranges without a year.
 */
export function parseThaiPeriod(s: string, ctx: PeriodContext = {}): ThaiPeriod[] {
  const t = toArabicDigits(s);
  const atoms = scanAtoms(t, ctx.fiscalYear);
  const out: ThaiPeriod[] = [];
  const fy = ctx.fiscalYear;
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    if (a === undefined) continue;
    const raw = s.slice(a.start, a.end);
    if (a.kind === 'date') {
      const b = atoms[i + 1];
      const gap = b && b.start - a.end <= 40 ? t.slice(a.end, b.start) : null;
      if (b?.kind === 'date' && gap !== null && b.from === null && a.from === null && (RANGE_GAP.test(gap) || END_GAP.test(gap))) {
        const lead = END_GAP.test(gap) ? START_WORD.exec(t.slice(Math.max(0, a.start - 30), a.start)) : null;
        const p = dateRange(s.slice(a.start - (lead?.[0].length ?? 0), b.end), a.at, b.at, fy);
        if (p) out.push(p);
        i++;
        continue;
      }
      const open = OPEN_END.exec(t.slice(a.end, a.end + 40));
      if (a.at.y !== null && a.from === null && open) {
        const start = isoOfYmd(a.at);
        if (start) out.push(period(s.slice(a.start, a.end + open[0].length), start, null));
        continue;
      }
      if (a.from !== null) {
        const p = dateRange(raw, { ...a.at, d: a.from }, a.at, fy);
        if (p) out.push(p);
      } else if (a.at.y !== null) {
        const iso = isoOfYmd(a.at);
        if (iso) out.push(period(raw, iso, iso));
      }
    } else if (a.kind === 'year') {
      const to = a.to ?? a.from;
      if (a.fiscal) out.push(period(raw, isoOf(a.from - 1, 10), isoOf(to, 9), 'month'));
      else out.push(period(raw, isoOf(a.from), isoOf(to), 'year'));
    } else if (a.kind === 'whole') {
      const y = a.fy ?? fy;
      out.push(y === undefined ? period(raw, null, null, 'month') : period(raw, isoOf(y - 1, 10), isoOf(y, 9), 'month'));
    } else {
      const y = a.fy ?? fy;
      for (const g of a.groups) {
        const graw = s.slice(g.start, g.end);
        if (y === undefined) { out.push(period(graw, null, null, 'month')); continue; }
        const [sy, sm] = quarterStart(g.from, y);
        const [ey, em] = quarterStart(g.to, y);
        out.push(period(graw, isoOf(sy, sm), isoOf(ey, em + 2), 'month'));
      }
    }
  }
  return out;
}
