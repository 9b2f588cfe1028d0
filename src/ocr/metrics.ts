/**
 * Measures for OCR output against a known text: character error rate and
 * the years and periods found. Used by the OCR tests and bench/ocr.ts.
 */
import levenshtein from 'fast-levenshtein';
import { type Block, cellText } from '../model/blocks.js';
import { normalizeThai } from '../thai/normalize.js';

/** Text for comparison: normalised Thai, ำ composed, Arabic digits as Thai, no whitespace. */
export function comparable(s: string): string {
  return normalizeThai(s.normalize('NFC'))
    .replace(/\u0e4d\u0e32/g, '\u0e33')
    .replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)))
    .replace(/\s+/g, '');
}

/** Character error rate: edit distance / length of the truth, on {@link comparable} text. */
export function cer(ocr: string, truth: string): number {
  const a = comparable(ocr);
  const b = comparable(truth);
  if (b.length === 0) return a.length === 0 ? 0 : 1;
  return levenshtein.get(a, b) / b.length;
}

/** All text of blocks in reading order (table cells row by row). */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.type === 'table' ? b.rows.map((r) => r.cells.map(cellText).join(' ')).join('\n') : b.text))
    .join('\n');
}

/** BE years written ๒๕xx / 25xx (as numbers). */
export function yearsIn(s: string): number[] {
  // word by word: a year at the end of a line is still one when the next line starts with a digit ("๒๕๖๘\n๖. …")
  const t = s.split(/\s+/).map(comparable).join(' ');
  const out: number[] = [];
  for (const m of t.matchAll(/(?<![๐-๙])๒๕[๐-๙]{2}(?![๐-๙])/g)) {
    out.push(Number(m[0].replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))));
  }
  return out;
}

/** Periods: "ไตรมาสที่ ๑ - ๒", "ไตรมาส ๓", as normalised strings ("ไตรมาสที่๑-๒"). */
export function periodsIn(s: string): string[] {
  const t = comparable(s).replace(/ไตรมาส(?!ที่)/g, 'ไตรมาสที่');
  return [...t.matchAll(/ไตรมาสที่[๐-๙](?:(?:[-–,]|และ|ถึง)[๐-๙])*/g)].map((m) => m[0].replace(/–/g, '-'));
}

/** How many of `truth` are found in `got` (multiset intersection size). */
export function matched<T>(got: readonly T[], truth: readonly T[]): number {
  const pool = new Map<T, number>();
  for (const g of got) pool.set(g, (pool.get(g) ?? 0) + 1);
  let n = 0;
  for (const t of truth) {
    const c = pool.get(t) ?? 0;
    if (c > 0) {
      n++;
      pool.set(t, c - 1);
    }
  }
  return n;
}
