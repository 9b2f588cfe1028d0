/**
 * PDF reader, text side, last stage: the lines of one text area (a table
 * cell, a run of page lines) → paragraphs, and how two pieces of a cell's
 * text cut by a line or a page break are joined.
 */
import { H, ERA_SRC, MONTH_SRC } from '../thai/_months.js';
import { toArabicDigits } from '../thai/digits.js';
import { joinWrappedLines } from '../thai/wrap.js';
import type { Line } from './_pdf-text.js';
import { NUMBERED_START, brokenAcross, wrapped } from './_pdf-wrap.js';

/**
 * Lines of one text area (a table cell, a paragraph) → paragraphs: lines
 * joined with a space, a new paragraph where the gap between baselines is
 * clearly larger than the normal line pitch. With `right`, the area's inner
 * right edge (a ruled cell's), also where a line was ended on purpose (see
 * _pdf-wrap.ts) or the next opens a numbered item; and a line that is one
 * piece filling the width (a word wider than the cell, broken anywhere:
 * "ต" / "." / "ค" / ".") joins the next without a space.
 */
export function linesToParagraphs(lines: readonly Line[], pitch: number, right?: number): string[] {
  const out: string[] = [];
  let cur = '';
  const ls = lines.filter((l) => l.text !== '');
  ls.forEach((l, k) => {
    const prev = ls[k - 1];
    // (a whole year after its month filling the line ends that date: "๑ มี.ค." / "๒๕๖๖" / "๓๑" / "พฤษภาคม")
    const piece = right !== undefined && prev !== undefined && brokenAcross(prev, l, right) && !(DIGITS_MEET(prev.text, l.text) && !yearGoesOn(cur, l.text));
    if (
      prev &&
      !piece &&
      (prev.y - l.y > paragraphBreak(pitch, Math.max(prev.size, l.size)) ||
        (right !== undefined && (NUMBERED_START.test(l.text) || (!openBracket(cur) && !yearOfMonth(prev.text, l.text) && !numberOfKho(prev.text, l.text) && !wrapped(prev, l, right, ls[k + 1])))))
    ) {
      out.push(cur);
      cur = '';
    }
    cur = piece ? cur + l.text : joinCellText(cur, l.text);
  });
  if (cur !== "") out.push(cur);
  return out;
}

/** No space before these (a line may start with one when a word processor broke "ต.ค." after "ต"). */
const TIGHT_JOIN = /^[.,;:!?)\]]/;
/** A following vowel or a mark opening a piece goes on with the Thai letter before it: the break cut a cluster ("ข" / "้อ๒"). */
const THAI_LETTER_END = /[\u0e01-\u0e2e\u0e30-\u0e3a\u0e47-\u0e4e]$/;
const CLUSTER_TAIL = /^[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]/;
/** Nor after these: an opening bracket, a Thai leading vowel (เ แ โ ใ ไ never end a word). */
const TIGHT_END = /[(\[\u0e40-\u0e44]$/;

/**
 * A number broken over two lines: the piece before ends with a digit (or a
 * digit and its thousands comma or decimal point), or is a lone Latin
 * letter (an index code's letter, "O" / "๑๕"), and the piece after starts
 * with a digit. A narrow cell breaks "๒๕๐,๐๐๐" and "๒๕๖๖" between digits
 * and "O๑๕" between its scripts, where the text has no space; two numbers
 * a writer spaced apart would have broken at the space, wherever it fell.
 */
const NUMBER_HEAD = /(?:[0-9\u0e50-\u0e59][,.]?|(?:^|[^A-Za-z])[A-Za-z])$/;
const NUMBER_TAIL = /^[0-9\u0e50-\u0e59]/;

/** A line ending with a digit and the next opening with one. */
const DIGITS_MEET = (a: string, b: string): boolean => /[0-9\u0e50-\u0e59]$/.test(a) && /^[0-9\u0e50-\u0e59]/.test(b);

/** Digits after a month (and an era): a year being written ("ก.ย.๒๕", "ต.ค. ๖๗"). */
const YEAR_AFTER_MONTH = new RegExp(`(?:${MONTH_SRC})${H}*(?:${ERA_SRC}${H}*)?(?<year>\\d{1,4})$`);

/**
 * A year broken between its digits goes on into the next piece ("ก.ย.๒๕" /
 * "๖๖", "ต.ค.6" / "6"); a whole year, or digits that would not make one, end a date, and
 * the next piece's number opens another ("๑ ก.ค. ๖๘" / "๓๑ ส.ค. ๖๘": a
 * period's start and end on two lines).
 */
function yearGoesOn(a: string, b: string): boolean {
  const year = YEAR_AFTER_MONTH.exec(toArabicDigits(a))?.groups?.year;
  if (year === undefined) return true;
  const joined = year + (/^\d+/.exec(toArabicDigits(b))?.[0] ?? '');
  // a short year's first digit alone goes on too ("ต.ค. 6" / "6": no year is one digit)
  return year.length < 4 && joined.length <= 4 && (/^(?:25|20)/.test(joined) || (year.length === 1 && joined.length === 2));
}

/** Two pieces of a cell's text joined where a line (or a page) broke it: joinWrappedLines, without a space where typography has none. */
export function joinCellText(a: string, b: string): string {
  return a !== '' && (TIGHT_JOIN.test(b) || (THAI_LETTER_END.test(a) && CLUSTER_TAIL.test(b)) || TIGHT_END.test(a) || (NUMBER_HEAD.test(a) && NUMBER_TAIL.test(b) && yearGoesOn(a, b)))
    ? a + b
    : joinWrappedLines(a, b);
}

/** A line ending with a month and the next line a year alone ("ต.ค." / "๖๖"): one date, however much room was left. */
const MONTH_END = new RegExp(`(?:${MONTH_SRC})${H}*$`);
const YEAR_ALONE = /^(?:[0-9]{2}|[0-9]{4})$/;
function yearOfMonth(a: string, b: string): boolean {
  return MONTH_END.test(a.trim()) && YEAR_ALONE.test(toArabicDigits(b.trim()));
}

/** "ข้อ" ending a line and a number or code opening the next ("ข้อ" / "๑๐", "ข้อ" / "O๑๕"): one item number, wrapped. */
const KHO_END = /(?:^|\s)ข้อ$/;
const NUMBER_OR_CODE = /^[A-Za-z]?[0-9๐-๙]/;
function numberOfKho(a: string, b: string): boolean {
  return KHO_END.test(a.trim()) && NUMBER_OR_CODE.test(b.trim());
}

/** A bracket opened and not closed: "(ข้อ" / "o๑๒)" is one item, whatever the room left. */
function openBracket(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/** Baseline distance above which two lines belong to different paragraphs. */
export function paragraphBreak(pitch: number, size: number): number {
  return pitch * size * 1.3;
}

/** Median of baseline pitch / font size over consecutive lines (1.2 when unknown). */
export function typicalPitch(groups: ReadonlyArray<readonly Line[]>): number {
  const ratios: number[] = [];
  for (const lines of groups) {
    for (let k = 1; k < lines.length; k++) {
      const a = lines[k - 1];
      const b = lines[k];
      if (!a || !b) continue;
      const r = (a.y - b.y) / Math.max(a.size, b.size);
      if (r > 0.8 && r < 4) ratios.push(r);
    }
  }
  if (ratios.length === 0) return 1.2;
  ratios.sort((p, q) => p - q);
  return ratios[Math.floor(ratios.length / 2)] ?? 1.2;
}
