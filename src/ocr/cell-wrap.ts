/**
 * Lines of a scanned table cell that are one word broken for want of room:
 * a column narrower than its word wraps it anywhere ("E1" / "3" for E13,
 * "EI" / "T" for EIT, "7" / "4." / "6" / "5" for 74.65 in a score column a
 * digit wide, "(" / "3" / ")" for a row number). The text-PDF reader joins
 * such pieces without a space (readers/_pdf-wrap.ts brokenAcross); on a
 * scan the same is told from the image: the line is one word reaching the
 * cell's right edge (the text's own left padding taken as the right one),
 * (no room left for the next line's first word), and either it is a character or three (a stop at the join) in a cell a
 * few characters wide (not a Thai letter: month headers stacked a letter a line are read letter by letter), or digits and Latin letters meet across the join. A
 * number ending a line and a letter opening the next are two words ("E4" /
 * "E7" in a list of codes, one a line), never one broken.
 */
import type { LayoutLine } from './lines.js';
import type { BBox } from './types.js';

/** Digits, Latin letters and the punctuation inside numbers and codes. */
const LATIN_END = /[0-9๐-๙A-Za-z.,\-/]$/;
const LATIN_HEAD = /^[0-9๐-๙A-Za-z.,\-/)]/;
const DIGIT_END = /[0-9๐-๙]$/;
const THAI_LETTER = /[\u0e01-\u0e4e]/;
const LETTER_HEAD = /^[A-Za-z]/;

/** The right edge text reaches in the cell `rect`: its right rule less the padding its lines keep from the left one. */
export function cellTextRight(lines: readonly LayoutLine[], rect: BBox, H: number): number {
  if (lines.length === 0) return rect.x1;
  const pad = Math.min(H, Math.max(0, Math.min(...lines.map((l) => l.x0)) - rect.x0));
  return rect.x1 - pad;
}

/** Whether the cell line `a` and the next one `b` are one word broken at the cell's edge `right` (see the module comment). */
export function brokenInCell(a: LayoutLine, b: LayoutLine, right: number, H: number): boolean {
  const text = a.text.trim();
  const next = b.text.trim();
  if (text === '' || next === '' || /\s/.test(text)) return false;
  // the line reaches the edge: what is left of the line is no room for the next line's first word
  const room = right - a.x1;
  const first = b.words[0];
  const word = first ? first.x1 - first.x0 : 0;
  if (room > 0.75 * H && room > word * 1.25 + 0.3 * H) return false;
  const chars = [...text].length;
  const narrow = (chars === 1 || (chars <= 3 && (/[.,/-]$/.test(text) || /^[.,/-]/.test(next)))) && right - a.x0 < 2.5 * H;
  // Thai letters stacked a line each stay apart (month headers: mark-columns.ts reads them letter by letter)
  if (narrow && !THAI_LETTER.test(text) && !THAI_LETTER.test(next.charAt(0))) return true;
  return LATIN_END.test(text) && LATIN_HEAD.test(next) && !(DIGIT_END.test(text) && LETTER_HEAD.test(next));
}
