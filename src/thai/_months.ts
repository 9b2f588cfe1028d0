/**
 * Tables and calendar helpers behind src/thai/date.ts: Thai month names and
 * abbreviations, the era prefix, year resolution (BE/CE, two-digit years)
 * and ISO formatting. Pure; no state.
 */

/** Full month names as written, misspellings seen in reports included. */
const FULL_MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['มกราคม', 1],
  ['กุมภาพันธ์', 2],
  ['กุมภาพันธ', 2],
  ['มีนาคม', 3],
  ['เมษายน', 4],
  ['พฤษภาคม', 5],
  ['มิถุนายน', 6],
  ['กรกฎาคม', 7],
  ['กรกฏาคม', 7],
  ['สิงหาคม', 8],
  ['กันยายน', 9],
  ['ตุลาคม', 10],
  ['พฤศจิกายน', 11],
  ['ธันวาคม', 12],
];

/** Abbreviations as [first part, last letter, month]: ม.ค. = ['ม', 'ค', 1]. */
const ABBR_MONTHS: ReadonlyArray<readonly [string, string, number]> = [
  ['ม', 'ค', 1],
  ['ก', 'พ', 2],
  ['มี', 'ค', 3],
  ['เม', 'ย', 4],
  ['พ', 'ค', 5],
  ['มิ', 'ย', 6],
  ['ก', 'ค', 7],
  ['ส', 'ค', 8],
  ['ก', 'ย', 9],
  ['ต', 'ค', 10],
  ['พ', 'ย', 11],
  ['ธ', 'ค', 12],
];

const MONTH_BY_TOKEN: ReadonlyMap<string, number> = new Map<string, number>([
  ...FULL_MONTHS,
  ...ABBR_MONTHS.map(([a, b, m]) => [a + b, m] as const),
]);

/**
 * Space inside a date: space, no-break space, zero-width space. Not a tab:
 * tabs separate table cells, and nothing is read across cells.
 */
export const H = '[ \\u00a0\\u200b]';
/** Thai letters and marks (not digits) and Latin letters. */
export const LETTER = '\\u0e01-\\u0e4eA-Za-z';
/** Range dashes: hyphen, figure/en/em dash, minus, tilde. */
export const DASH = '[-\\u2010-\\u2015\\u2212~]';

/** Thai vowel and tone marks above and below the letters: what OCR drops or misplaces most. */
const MARKS = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g;
const withoutMarks = (s: string): string => s.replace(MARKS, '');
/** A full month name with each of its marks optional ("กนยายน" read by OCR for กันยายน: the ั lost). */
const FULL_SRC = FULL_MONTHS.map(([name]) => [...name].map((ch) => (/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(ch) ? `${ch}?` : ch)).join('')).join('|');
const FULL_BY_BARE: ReadonlyMap<string, number> = new Map(FULL_MONTHS.map(([name, m]) => [withoutMarks(name), m] as const));
const ABBR_SRC = ABBR_MONTHS.map(([a, b]) => `${a}${H}?\\.?${H}{0,2}${b}`).join('|');

/**
 * One month token. An abbreviation must not follow a letter or a dot (so
 * "อ.ก.พ." and words ending in ม/ก/… are not months) unless the letters are
 * เดือน / ถึง / แต่, and must not run on into a letter, even across a dot
 * ("มีความ", "ก.ค.ศ.", "ก.พ.ร." are not months).
 */
export const MONTH_SRC =
  `(?:${FULL_SRC}|(?<=^|[^${LETTER}.]|เดือน|ถึง|แต่)(?:${ABBR_SRC})(?:${H}?\\.)?(?!\\.?[${LETTER}]))`;

/** Era prefix พ.ศ. / ค.ศ. with or without dots and spaces; captures พ or ค. */
export const ERA_SRC = `([พค])${H}?\\.?${H}?ศ${H}?\\.?`;

/** A year after a month or era: four digits, or two not followed by a dot (a list number). */
export const YEAR_SRC = '(\\d{4}|\\d{2}(?!\\.))(?!\\d)';

/**
 * A month abbreviation whose first dot OCR read as a below vowel ("กุย."
 * for ก.ย.: the dot sits at the foot of the letters, where ุ and ู hang):
 * one consonant, the mark, the last letter and its dot, not inside a word.
 */
const MARK_FOR_DOT = new RegExp(
  `(?<![${LETTER}.])(${ABBR_MONTHS.filter(([a]) => a.length === 1)
    .map(([a, b]) => `${a}[\u0e38\u0e39]${b}`)
    .join('|')})\\.(?![${LETTER}])`,
  'g',
);

/** The text with month abbreviations whose first dot OCR read as ุ or ู written with their dots again ("กุย. ๖๘" → "ก.ย. ๖๘"). */
export function withMonthDots(text: string): string {
  return text.replace(MARK_FOR_DOT, (m) => `${m[0]}.${m.slice(2)}`);
}

/** A month abbreviation written with both its dots ("ต.ค.", "มี. ค."), as OCR leaves it. */
const DOTTED_ABBR_SRC = ABBR_MONTHS.map(([a, b]) => `${a}${H}?\\.${H}{0,2}${b}${H}?\\.`).join('|');
const DIGIT = '[0-9\u0e50-\u0e59]';
const FULL_OR_DOTTED = `(?:${FULL_SRC}|${DOTTED_ABBR_SRC})`;

/**
 * One Thai letter OCR glued before a dotted month abbreviation that a year
 * follows ("เต.ค. ๖๗", "ดต.ค.๖๗": a speck or a cell rule read as a letter):
 * the letter stands alone before the abbreviation (start of the text, or a
 * space, a dash or a bracket before it), so it is no word's last letter.
 */
const LETTER_BEFORE_MONTH = new RegExp(`(?<=^|[\\s(/\\-\u2010-\u2015])[\u0e01-\u0e2e\u0e40-\u0e44](?=(?:${DOTTED_ABBR_SRC})${H}{0,2}${DIGIT})`, 'g');
/** Letters OCR glued after a two-digit year that a range dash follows ("ต.ค. ๖๗ฒ- ก.ย."): a year is digits only. */
const LETTERS_AFTER_YEAR = new RegExp(`(?<=${FULL_OR_DOTTED}${H}{0,2}${DIGIT}{2}(?:${DIGIT}{2})?)[\u0e01-\u0e2e]{1,2}(?=${H}{0,2}${DASH})`, 'g');
/** A two-digit year after a month cut in two by a space ("ก.ย.๖ ๘"): the space goes; not across a third digit. */
const SPLIT_YEAR = new RegExp(`(?<=${FULL_OR_DOTTED}${H}{0,2}${DIGIT})${H}(?=${DIGIT}(?!${DIGIT}|\\.${DIGIT}))`, 'g');

/**
 * A speck OCR read as a quote, a backtick or a bar standing alone between a
 * range's dash, after a month and its year, and the month that ends the
 * range ("ต.ค. ๖๗- ' ก.ย. ๖๘" of a colour scan): no date has one there.
 */
const SPECK_AFTER_DASH = new RegExp(
  `(?<=${FULL_OR_DOTTED}${H}{0,2}${DIGIT}{2}(?:${DIGIT}{2})?${H}{0,2}${DASH})(${H}{0,2})['"\`‘’“”|]{1,2}${H}{0,2}(?=${FULL_OR_DOTTED})`,
  'g',
);

/**
 * OCR text with the noise it leaves around month-and-year dates undone: a
 * letter glued before a dotted month abbreviation, letters glued after a
 * two-digit year before a range dash, a two-digit year split by a space, a
 * speck between the range's dash and its second month.
 * Only where a month and digits stand next to each other; other text is
 * left as read.
 */
export function withDateNoiseUndone(text: string): string {
  return text.replace(LETTER_BEFORE_MONTH, '').replace(LETTERS_AFTER_YEAR, '').replace(SPLIT_YEAR, '').replace(SPECK_AFTER_DASH, '$1');
}

/** The month (1–12) of a full name or abbreviation as matched, or null. */
/** Month `m`'s abbreviation with its dots, as printed: 1 → "ม.ค.", 10 → "ต.ค.". */
export function monthAbbreviation(m: number): string {
  const [a, b] = ABBR_MONTHS.find(([, , n]) => n === m) ?? ['', '', m];
  return `${a}.${b}.`;
}

export function monthOf(token: string): number | null {
  const t = token.replace(/[\s.\u200b]/g, '');
  // a full name missing a mark (OCR): known by its letters
  return MONTH_BY_TOKEN.get(t) ?? (t.length >= 5 ? FULL_BY_BARE.get(withoutMarks(t)) : undefined) ?? null;
}

/** True when the token is an abbreviation written without any dot ("มีค", "ตค"). */
export function isUndottedAbbreviation(token: string): boolean {
  return !token.includes('.') && !FULL_BY_BARE.has(withoutMarks(token));
}

/**
 * A two-digit Buddhist year: 2500 + yy, or with a pivot (a BE year) the year
 * ending in yy nearest to the pivot (ties go to the earlier year).
 */
/** How far (years) from the context year a two-digit year may lie. */
const TWO_DIGIT_REACH = 40;

export function twoDigitBE(yy: number, pivot?: number): number {
  if (pivot === undefined) return 2500 + yy;
  const base = pivot - (pivot % 100) + yy;
  let best = base;
  for (const c of [base - 100, base + 100]) {
    const d = Math.abs(c - pivot);
    const bd = Math.abs(best - pivot);
    if (d < bd || (d === bd && c < best)) best = c;
  }
  return best;
}

/**
 * The Buddhist year of a written year, or null when it cannot be a year.
 * Four digits: ≥ 2400 is BE, 1900–2200 is CE; an era prefix must agree.
 * Two digits: BE (2567 for ๖๗), or CE 20yy after ค.ศ.
 */
export function yearToBE(digits: string, era: string | undefined, pivot?: number): number | null {
  const n = Number(digits);
  if (digits.length === 2) {
    if (era === 'ค') return 2000 + n + 543;
    const be = twoDigitBE(n, pivot);
    // a two-digit year is written for a year near the document's; far from it, it is a misread number
    return pivot !== undefined && Math.abs(be - pivot) > TWO_DIGIT_REACH ? null : be;
  }
  if (n >= 2400 && era !== 'ค') return n;
  if (n >= 1900 && n <= 2200 && era !== 'พ') return n + 543;
  return null;
}

export function isLeapCE(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month; without a year February has 29 (decided once the year is known). */
export function daysInMonth(month: number, ce: number | null): number {
  if (month === 2) return ce === null || isLeapCE(ce) ? 29 : 28;
  return DAYS[month - 1] ?? 0;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' in CE from a BE year. */
export function isoOf(be: number, month?: number | null, day?: number | null): string {
  const y = pad(be - 543, 4);
  if (month == null) return y;
  if (day == null) return `${y}-${pad(month, 2)}`;
  return `${y}-${pad(month, 2)}-${pad(day, 2)}`;
}
