/**
 * Periods written as marks: twelve month columns of the fiscal year (ต.ค.
 * … ก.ย., often under BE-year group headers) or four quarter columns
 * (ไตรมาส ๑–๔, or ๑–๔ under a ไตรมาส group), a row marking the months it
 * runs in with ✓ ✔ x ● / an arrow or shading text. A run of marked columns
 * is one period, from the first marked month to the last.
 */
import { type TableRow, cellText } from '../model/blocks.js';
import type { Period } from '../model/schema.js';
import levenshtein from 'fast-levenshtein';
import { toArabicDigits } from '../thai/digits.js';
import { monthAbbreviation, monthOf } from '../thai/_months.js';

export type MarkColumn =
  | { kind: 'month'; /** 1..12 */ month: number; /** BE year as the header states or implies it, else null */ be: number | null; label: string }
  | { kind: 'quarter'; /** 1..4 of the fiscal year */ quarter: number; label: string };

const YEAR = /(?:พ\s?\.?\s?ศ\s?\.?\s*|ปี\s*)?(25\d\d)(?!\d)/;
const QUARTER = /(?:ไตรมาส(?:ที่)?\s*\)?|Q)\s*([1-4])\s*$/i;

/** The month a header cell names as its last word ("ต.ค.", "พ.ศ. ๒๕๖๗ ต.ค.", "ต.ค.๖๗"), with a year when it states one. */
function monthHeader(text: string): { month: number; be: number | null; label: string } | null {
  const t = toArabicDigits(text).trim();
  const words = t.split(/\s+/).filter(Boolean);
  const last = words[words.length - 1];
  if (!last) return null;
  const m = /^([^\d]+?)(\d{2,4})?$/.exec(last);
  const month = m ? monthOf(m[1]!) : null;
  if (!month) return null;
  // a header naming two months is a period column ("ต.ค. ๖๖ - ก.ย. ๖๗"), not one month's column
  if (words.slice(0, -1).some((w) => monthOf(w.replace(/\d+$/, '')) !== null)) return null;
  const stated = YEAR.exec(t)?.[1] ?? (m?.[2] && m[2].length === 2 ? `25${m[2]}` : m?.[2]);
  return { month, be: stated ? Number(stated) : null, label: m![1]!.trim() };
}

/**
 * Mark columns of a header row (one header, or two rows merged), or null
 * when the row has fewer than three month columns or two quarter columns.
 * A year stated over a month carries on to the months after it; months
 * after December without a year of their own are in the next year.
 */
export function markColumns(headers: readonly string[]): Array<MarkColumn | null> | null {
  const out: Array<MarkColumn | null> = headers.map(() => null);
  let months = 0;
  let quarters = 0;
  let year: number | null = null;
  let prev: number | null = null;
  let lastQuarter: number | null = null;
  headers.forEach((h, i) => {
    const mh = monthHeader(h);
    if (mh) {
      if (mh.be !== null) year = mh.be;
      else if (year !== null && prev !== null && mh.month < prev) year += 1;
      out[i] = { kind: 'month', month: mh.month, be: year, label: mh.label };
      prev = mh.month;
      months++;
      lastQuarter = null;
      return;
    }
    // OCR leaves the cell's rules round a digit ("(๓", "[๔"): they are no text
    let t = toArabicDigits(h).replace(/[()[\]{}|]/g, ' ').replace(/\s+/g, ' ').trim();
    // after quarter 3, a ๕ is the ๔ the Thai model so often writes as ๕ (there is no fifth quarter)
    if (lastQuarter === 3) t = t.replace(/(^|\s)5$/, '$14');
    const q = namedQuarter(t);
    // a bare number right after quarter n - 1 (a ไตรมาส group written once over ๑ ๒ ๓ ๔)
    const bare = /^([1-4])$/.exec(t);
    // under the group, after quarter n - 1 (n ≤ 4), a number OCR could not read ("ไตรมาส a")
    const unread = lastQuarter !== null && lastQuarter < 4 && UNREAD_UNDER_GROUP.test(t) && groupLabel(t.replace(UNREAD_UNDER_GROUP, ''));
    const n = q ? q.quarter : bare && lastQuarter !== null && Number(bare[1]) === lastQuarter + 1 ? Number(bare[1]) : unread ? (lastQuarter as number) + 1 : null;
    if (n !== null) {
      out[i] = { kind: 'quarter', quarter: n, label: q ? q.label : `ไตรมาส ${n}` };
      lastQuarter = n;
      quarters++;
      return;
    }
    lastQuarter = null;
    prev = null;
  });
  // the group cell cut before its first column ("ไ ๑" under a split "ไ" | "ร ตมาส"): the number before quarter 2
  out.forEach((c, i) => {
    const next = out[i + 1];
    if (c === null && next?.kind === 'quarter' && next.quarter === 2 && /(?:^|\s)1$/.test(toArabicDigits(headers[i] ?? '').trim())) {
      out[i] = { kind: 'quarter', quarter: 1, label: 'ไตรมาส 1' };
      quarters++;
    }
  });
  if (months < 3) months += clippedMonths(headers, out);
  return months >= 3 || quarters >= 2 ? out : null;
}

/** Fewer columns than this, each cut to a letter or two, are too easily something else. */
const MIN_CLIPPED = 6;
/** Fewer columns than this known by their last letter only (ค, ย or พ) are too easily something else. */
const MIN_BY_END = 9;

/** A header cell without the BE year group merged over it ("พ.ศ. 2566", as OCR spaces it). */
function withoutYearGroup(h: string): string {
  return h.replace(/พ\s*\.?\s*ศ\s*\.?[\s.0-9๐-๙]*/g, '');
}

/** A header cell's own letters: a BE year group merged over it ("พ.ศ. 2566"), digits, dots, rule marks, spaces left out. */
function ownLetters(h: string): string {
  return withoutYearGroup(h)
    .replace(/[^\u0e01-\u0e4e]/g, '')
    .replace(/[\u0e2f\u0e3f\u0e46\u0e50-\u0e59]/g, '');
}

/** The start of the month's name: its first letters as printed ("ต", "มี", "ม.") or, stacked a letter a line, its first letter and a few more. */
function startOf(h: string, month: number): boolean {
  const t = h.replace(/\s+/g, '');
  const name = monthAbbreviation(month);
  if (t !== '' && t.length <= 3 && name.startsWith(t)) return true;
  // the name stacked a letter a line in the narrow column, its dots lost or read as marks ("ต / ค", "ม ค| ."),
  // a letter of the next column or a mark read into it ("พ ยค", "ม ยขย"): a few letters, the name's first first
  const letters = ownLetters(t);
  return letters.length >= 2 && letters.length <= 5 && letters[0] === name[0];
}

/** The stacked name's last line alone (its first lines lost by recognition): a letter or three ending with the name's last. */
function endOf(h: string, month: number): boolean {
  const letters = ownLetters(h);
  const name = monthAbbreviation(month).replace(/\./g, '');
  return letters.length >= 1 && letters.length <= 3 && letters[letters.length - 1] === name[name.length - 1];
}

/**
 * Month columns too narrow for their names: a PDF writer prints the first
 * letter or two of each and clips the rest ("ต | พ | ธ | ม | ก | ม | เ …"
 * for ต.ค. … ก.ย.), a scan stacks them a letter a line. A run of at least
 * MIN_CLIPPED adjacent header cells, each the start of the next month's
 * name (months in calendar order, from any month), or of MIN_BY_END each
 * ending as the next month's name ends, is a run of month columns; filled
 * into `out` where nothing else was found. Returns how many were added.
 */
function clippedMonths(headers: readonly string[], out: Array<MarkColumn | null>): number {
  let added = 0;
  for (const [fits, min] of [[startOf, MIN_CLIPPED], [endOf, MIN_BY_END]] as const) {
    let i = 0;
    while (i < headers.length) {
      let best: number[] = [];
      for (let first = 1; first <= 12 && out[i] === null; first++) {
        const run: number[] = [];
        for (let k = i; k < headers.length && out[k] === null && run.length < 12 && fits(headers[k]!, ((first - 1 + run.length) % 12) + 1); k++) {
          run.push(((first - 1 + run.length) % 12) + 1);
        }
        if (run.length > best.length) best = run;
      }
      if (best.length < min) {
        i++;
        continue;
      }
      // a name misread past both tests just after a long run (the last line "ย" read "ข"): a letter or two, the next month
      const stray = (h: string | undefined) => h !== undefined && !/[0-9๐-๙]/.test(withoutYearGroup(h)) && ownLetters(h).length >= 1 && ownLetters(h).length <= 2;
      while (best.length < 12 && out[i + best.length] === null && stray(headers[i + best.length])) best.push(((best[best.length - 1] as number) % 12) + 1);
      best.forEach((month, k) => {
        out[i + k] = { kind: 'month', month, be: null, label: monthAbbreviation(month) };
      });
      added += best.length;
      i += best.length;
    }
  }
  return added;
}

/** A header's text after the group label where OCR left no digit: one or two stray Latin letters or marks. */
const UNREAD_UNDER_GROUP = /\s+[A-Za-z%'"`^~.,:;!?]{1,2}$/;

/** Whether `s` holds `w`'s letters but at most one, in any order, and nothing else. */
function lettersOf(s: string, w: string): boolean {
  const left = [...w];
  for (const c of s) {
    const k = left.indexOf(c);
    if (k < 0) return false;
    left.splice(k, 1);
  }
  return left.length <= 1;
}

/**
 * "ไตรมาส", "ไตรมาสที่" as OCR may write them, spaces left out: within one
 * edit, or its letters but one in another order ("ร ตมาส": ไ cut off into
 * the cell before, ร read before ต).
 */
function groupLabel(text: string): boolean {
  const s = text.replace(/\s+/g, '');
  return s.length >= 4 && ['ไตรมาส', 'ไตรมาสที่'].some((w) => s === w || levenshtein.get(s, w) <= 1 || lettersOf(s, w));
}

/**
 * The quarter a header names and its label: "ไตรมาส ๒", "ไตรมาสที่ 2", "Q2",
 * or a label OCR garbled ("ร ตมาส 2", see groupLabel).
 */
function namedQuarter(t: string): { quarter: number; label: string } | null {
  const q = QUARTER.exec(t);
  if (q) return { quarter: Number(q[1]), label: t.slice(q.index).trim() };
  const m = /^(.*?)\s*([1-4])$/.exec(t);
  return m?.[1] && groupLabel(m[1]) ? { quarter: Number(m[2]), label: t } : null;
}

/** A cell that marks its column: anything but blank, a dash or dots ("-" is a template's empty cell). */
export function isMark(text: string): boolean {
  const t = text.trim();
  return t !== '' && !/^[-–—.…_]+$/.test(t);
}

/** What a shaded cell under a month or quarter column reads as (a Gantt chart drawn with cell shading). */
export const SHADE_MARK = '■';

/**
 * A row's cell texts with its shaded empty cells under mark columns read as
 * marks, unless the row is shaded as a whole (banded rows, a shaded section
 * row): then shading is decoration, and a cell outside the mark columns
 * that holds text is shaded too.
 */
export function markTexts(r: TableRow, cols: ReadonlyArray<MarkColumn | null> | null): string[] {
  const texts = r.cells.map(cellText);
  if (!cols || !r.cells.some((c) => c.shaded)) return texts;
  const banded = r.cells.some((c, i) => !cols[i] && c.shaded && cellText(c).trim() !== '');
  if (banded) return texts;
  return texts.map((t, i) => (cols[i] && r.cells[i]?.shaded && t.trim() === '' ? SHADE_MARK : t));
}

/** ISO month of month m (1..12) in BE year be. */
function iso(be: number, month: number): string {
  return `${be - 543}-${String(month).padStart(2, '0')}`;
}

/** First and last ISO months of one mark column, the fiscal year deciding what the header leaves open. */
function columnMonths(c: MarkColumn, fiscalYear: number | null): { start: string | null; end: string | null } {
  if (c.kind === 'month') {
    const be = c.be ?? (fiscalYear === null ? null : c.month >= 10 ? fiscalYear - 1 : fiscalYear);
    const at = be === null ? null : iso(be, c.month);
    return { start: at, end: at };
  }
  if (fiscalYear === null) return { start: null, end: null };
  const first = [10, 1, 4, 7][c.quarter - 1]!;
  const be = c.quarter === 1 ? fiscalYear - 1 : fiscalYear;
  return { start: iso(be, first), end: iso(be, first + 2) };
}

/**
 * The periods a row marks: one per run of adjacent marked columns, from its
 * first month to its last; raw is the marked columns' labels ("ต.ค. – ธ.ค.").
 */
export function markPeriods(cells: readonly string[], cols: ReadonlyArray<MarkColumn | null>, fiscalYear: number | null): Period[] {
  const out: Period[] = [];
  let run: MarkColumn[] = [];
  const close = () => {
    if (run.length === 0) return;
    const a = columnMonths(run[0]!, fiscalYear);
    const b = columnMonths(run[run.length - 1]!, fiscalYear);
    const raw = run.length === 1 ? run[0]!.label : `${run[0]!.label} – ${run[run.length - 1]!.label}`;
    out.push({ raw, start: a.start, end: b.end, precision: 'month' });
    run = [];
  };
  cols.forEach((c, i) => {
    if (!c) return close();
    if (isMark(cells[i] ?? '')) run.push(c);
    else close();
  });
  close();
  return out;
}
