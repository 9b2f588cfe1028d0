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

/**
 * The text of each page's blocks ({@link blocksText}), by page number. A
 * table's rows count on their own pages: a table continued over several
 * pages and joined (ocrPdf's joinContinuedTables) is one block of its first
 * page, its rows keep the pages they were read on.
 */
export function pageTexts(blocks: readonly Block[]): Map<number, string> {
  const parts = new Map<number, string[]>();
  const put = (page: number | null, text: string): void => {
    if (page === null) return;
    const list = parts.get(page) ?? [];
    list.push(text);
    parts.set(page, list);
  };
  for (const b of blocks) {
    if (b.type !== 'table') {
      put(b.source.page, b.text);
      continue;
    }
    // runs of rows of one page, each as blocksText writes a table
    let page: number | null = null;
    let run: string[] = [];
    for (const r of b.rows) {
      const p = r.source.page ?? b.source.page;
      if (p !== page && run.length > 0) {
        put(page, run.join('\n'));
        run = [];
      }
      page = p;
      run.push(r.cells.map(cellText).join(' '));
    }
    if (run.length > 0) put(page, run.join('\n'));
  }
  return new Map([...parts].map(([p, texts]) => [p, texts.join('\n')]));
}

export interface PageErrors {
  /** Edit distance summed over the pages ({@link cer} × the truth's length; an empty truth: every character read). */
  errors: number;
  /** Characters of the truth texts ({@link comparable}). */
  chars: number;
}

/**
 * Character errors of OCR'd blocks against the truth text of each page
 * (`truth`: page number → text), page by page; a page read with nothing
 * counts all of its truth. Tables joined across pages are taken apart by
 * their rows' pages ({@link pageTexts}): taken by the block's page, the
 * first page held every row (well over 100 %) and the others none (100 %).
 * A row cut by a page break and joined stays on the page before, and a
 * header printed again is dropped, so read the pages with ocrPdf's
 * `joinContinuedTables: false` for the page's own text.
 */
export function pageErrors(blocks: readonly Block[], truth: ReadonlyMap<number, string>): PageErrors {
  const got = pageTexts(blocks);
  let errors = 0;
  let chars = 0;
  for (const [p, want] of truth) {
    const b = comparable(want);
    const a = got.get(p) ?? '';
    errors += b.length === 0 ? comparable(a).length : cer(a, want) * b.length;
    chars += b.length;
  }
  return { errors, chars };
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
