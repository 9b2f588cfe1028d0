/**
 * PDF reader, tables across pages: a table at the top of a page that
 * continues the table ending the previous page is joined to it. The header
 * rows repeated on the new page (one row, or both rows of a two-row header)
 * are dropped, and a row the page break cut in two (word processors let a
 * row break across pages: its cells go on at the top of the next page) is
 * joined back into the row it continues.
 */
import levenshtein from 'fast-levenshtein';
import type { TableBlock, TableCell, TableRow } from '../model/blocks.js';
import { joinCellText } from './_pdf-paragraphs.js';
import { coveringCells, isCutRow, lastRows, placeCells, redrawn } from './_pdf-cut-rows.js';

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

function rowText(r: TableRow): string {
  return squash(r.cells.map((c) => c.paragraphs.join(' ')).join('|'));
}

/**
 * Rows with the same cells, give or take a typo ("ข้อเสนอแนะ" / "ขอเสนอแนะ" in a repeated header):
 * at most `tolerance` of the characters (at least 2) differ. The OCR path (ocr/continued.ts) allows
 * more for misreadings.
 */
export function sameRow(a: TableRow, b: TableRow, tolerance = 0.05): boolean {
  if (a.cells.length !== b.cells.length) return false;
  const x = rowText(a);
  const y = rowText(b);
  if (x === y) return true;
  const allowed = Math.max(2, Math.floor(Math.max(x.length, y.length) * tolerance));
  // header rows are short; long rows are data and only ever equal exactly
  if (Math.abs(x.length - y.length) > allowed || x.length > 400) return false;
  return levenshtein.get(x, y) <= allowed;
}

const numbers = (r: TableRow): string => (r.cells.map((c) => c.paragraphs.join(' ')).join(' ').match(/[0-9๐-๙]+/g) ?? []).join(' ');

/**
 * A row of a text layer printed again (a repeated header or caption): the
 * same row give or take a typo in its words, never in its numbers
 * ("ประเด็นที่ ๑" and "ประเด็นที่ ๓" over two issues' tables are two
 * captions, however alike).
 */
export function repeatsRow(a: TableRow, b: TableRow): boolean {
  return sameRow(a, b) && numbers(a) === numbers(b);
}

function compatibleColumns(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, k) => Math.abs(x - (b[k] ?? Infinity)) <= 8);
}

export function isEmpty(c: TableCell | undefined): boolean {
  return !c || c.paragraphs.every((p) => p.trim() === '');
}

/** How a table is drawn: its column boundaries, and whether with rules. */
export interface TableShape {
  xs: readonly number[];
  ruled: boolean;
}

/**
 * Does a table at the top of a page (`it`) continue `t`, the table that
 * ended the previous page (drawn as `shape`)? Yes when drawn the same way
 * with the same columns, or with the same number of columns under a repeat
 * of its header row.
 */
export function continues(t: TableBlock, shape: TableShape, it: TableShape & { rows: TableRow[] }): boolean {
  if (shape.ruled !== it.ruled) return false;
  if (ownCaption(t, it.rows)) return false;
  if (compatibleColumns(shape.xs, it.xs)) return true;
  const head = t.rows[0];
  const first = it.rows[0];
  if (!head || !first || shape.xs.length !== it.xs.length) return false;
  // one row alone at the page top, as many columns, that is the rest of the table's last row: the writer drew it
  // in widths of its own (Chromium: the cut row laid out again, its empty cells narrow)
  return repeatsRow(head, first) || (it.ruled && it.rows.length === 1 && isCutRow(t, first));
}

/**
 * A table with a caption of its own: the page starts with a caption row (one cell across the table) other
 * than the one the table ending the previous page opened with, and under it that table's header printed
 * again: the next issue's own table, captioned and headed like the one before (DOCX and HTML keep them
 * apart), not the rest of that one.
 */
function ownCaption(t: TableBlock, rows: readonly TableRow[]): boolean {
  const [caption, header] = rows;
  const [was, head] = t.rows;
  if (!caption || !header || !was || !head || caption.cells.length !== 1 || was.cells.length !== 1 || header.cells.length < 2) return false;
  return !repeatsRow(was, caption) && repeatsRow(head, header);
}

/** A row number, an amount or an index code opening the text: "ข้อ๒", "(๓)", "๕๐,๐๐๐", "O๑๕". */
const NUMBER_NEXT = /^(?:ข้อ)?[([]?[0-9๐-๙A-Za-z]/;
/**
 * A row number written whole ("ข้อ๓", "(๓"), or bare digits that are the whole cell's first line ("บ" + "๙"
 * under "ลำดั" clipped from "ลำดับที่"): what may follow a single lost letter ("ด" + "ข้อ๓"). Not bare digits
 * going on ("บ" + "๒ …").
 */
const DIGITS_NEXT = /^(?:ข้อ|[([])\s*[0-9๐-๙]|^[0-9๐-๙]{1,3}[.)]?$/;
const THAI_LETTER = /^[\u0e01-\u0e2e\u0e40-\u0e44]$/;
/** Thai vowel and tone marks written above or below a letter, and nothing else. */
const ORPHAN_MARKS = /^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+$/;
/** Marks a status or month column's cells hold. */
const MARKS = /[✓✔✗✘×/]/gu;

/** A cell saying only that the row goes on from the page before: "(ต่อ)", "ต่อ". */
const CONTINUED = /^\s*[(\[]?\s*ต่อ\s*[)\]]?\s*$/;

/** Appends a continuation cell's text to the cell it continues (the text was cut by a page break). */
function joinCell(target: TableCell, c: TableCell): void {
  // "(ต่อ)" marks the continuation: nothing to add once joined; nor does the cell's text written again
  // (a section title repeated on the continuation, the cell above merged over its rows)
  if (isEmpty(c) || CONTINUED.test(c.paragraphs.join(' '))) return;
  if (squash(c.paragraphs.join('')) === squash(target.paragraphs.join(''))) return;
  if (isEmpty(target)) {
    target.paragraphs = [...c.paragraphs];
    target.bold = c.bold;
    return;
  }
  const head = c.paragraphs[0] ?? '';
  const lastIdx = target.paragraphs.length - 1;
  target.paragraphs[lastIdx] = joinCellText(target.paragraphs[lastIdx] ?? '', head);
  target.paragraphs.push(...c.paragraphs.slice(1));
  target.bold &&= c.bold;
}

/**
 * The cell of the table's last row (or merged down into it) under which
 * each cell of `first` stands, by grid column; null when some cell of
 * `first` has none (the columns do not line up).
 */
function targets(t: TableBlock, first: TableRow): TableCell[] | null {
  const rows = lastRows(t);
  const cover = coveringCells(placeCells(rows), rows.length - 1);
  const out: TableCell[] = [];
  for (const { col } of placeCells([first])[0]!) {
    const c = cover.get(col);
    if (!c) return null;
    out.push(c);
  }
  return out;
}

/**
 * Rows of a table continued on a new page, added to the table they
 * continue: the table's first rows repeated at the top of the page (its
 * header, one row or more) and any later repeat of its first row are
 * dropped; a first row that is the rest of the table's last row is joined
 * to it, cell by grid column, and a cell merged down over rows on the new
 * page (drawn again there) makes the cell it continues reach as far down.
 */
export function appendContinuation(t: TableBlock, rows: readonly TableRow[]): void {
  let repeated = 0;
  const overflow = new Map<number, string>();
  // the header is under the table's caption rows (one cell across: an issue's title above its own table)
  let top = 0;
  while (top < t.rows.length - 2 && t.rows[top]!.cells.length === 1 && rows[0] && rows[0].cells.length > 1) top++;
  // the first row given a typo's leeway, the rows under it (a header's second row) only when equal; any of them clipped
  // (clipped first: a wide header clipped by a few letters also passes for a repeat with a typo, and its lost text must still go)
  const repeats = (k: number): boolean => {
    const was = t.rows[top + k]!;
    const cut = clippedRepeat(was, rows[k]!);
    cut?.forEach((v, x) => overflow.set(x, v));
    if (cut !== null) return true;
    return k === 0 ? repeatsRow(was, rows[0]!) : was.cells.length === rows[k]!.cells.length && rowText(was) === rowText(rows[k]!);
  };
  // the table's last row is never taken for a header printed again, unless it was marked as one (a table that is only
  // its two-row header at the foot of a page, printed again whole over its rows on the next)
  const mayRepeat = (k: number): boolean => top + k < t.rows.length - 1 || (top + k < t.rows.length && t.rows[top + k]!.header);
  while (repeated < rows.length && mayRepeat(repeated) && repeats(repeated)) repeated++;
  const head = t.rows[top];
  const kept = rows.slice(repeated).filter((r) => !head || !repeatsRow(head, r));
  if (overflow.size > 0 && kept[0]) dropOverflow(kept[0], overflow);
  const first = kept[0];
  // under a header printed again whole on the new page (nothing but the header ended the page before) no row was
  // cut; a header not printed again may have been ("เม.ย" / "." in a month column)
  const underHeader = repeated > 0 && t.rows[t.rows.length - 1]!.header;
  const into = first && t.rows.length > 0 && !underHeader ? targets(t, first) : null;
  if (first && into) {
    if (first.cells.every((c) => isEmpty(c)) || isCutRow(t, first, kept.slice(1))) {
      // the rest of the cut row: every cell into the one it continues, merged cells reaching on down
      first.cells.forEach((c, k) => {
        joinCell(into[k]!, c);
        into[k]!.rowspan += Math.max(1, c.rowspan) - 1;
      });
      kept.shift();
    } else {
      // a row of its own under a merged cell drawn again, empty: the merged cell goes on over it
      const again = first.cells.map((c, k) => redrawn(c) && !isEmpty(into[k]));
      first.cells.forEach((c, k) => {
        if (again[k]) into[k]!.rowspan += c.rowspan;
      });
      first.cells = first.cells.filter((_, k) => !again[k]);
    }
  }
  t.rows.push(...kept.filter((r) => r.cells.some((c) => !isEmpty(c))));
}

/**
 * A header row repeated on a new page and clipped: LibreOffice draws a
 * repeated header no taller than it was first laid out, so the lines of a
 * cell that wrapped further ("ลำ" / "ดั" / "บ" in a narrow column) are
 * drawn below it, into the first row of the page, where the clip hides
 * them but the text layer keeps them. The row repeats `head` clipped when
 * each of its cells is the start of the header's cell and most of the
 * header's text is there. Returns what each cut cell lost, by the column
 * it starts at (colspans counted); null when the row is not such a repeat.
 */
function clippedRepeat(head: TableRow, r: TableRow): Map<number, string> | null {
  if (head.cells.length !== r.cells.length) return null;
  const lost = new Map<number, string>();
  let x = 0;
  let kept = 0;
  let total = 0;
  for (let k = 0; k < r.cells.length; k++) {
    const h = squash(head.cells[k]!.paragraphs.join(''));
    const c = squash(r.cells[k]!.paragraphs.join(''));
    if (!h.startsWith(c)) return null;
    if (c.length < h.length) lost.set(x, h.slice(c.length));
    kept += c.length;
    total += h.length;
    x += head.cells[k]!.colspan;
  }
  return lost.size > 0 && kept >= total * 0.6 ? lost : null;
}

/**
 * Removes the clipped header's lost text from the start of the cells of
 * the first row under it (by column): a cell's text is dropped up to
 * where it stops following what its column's header cell lost, when it
 * holds all of that, is nothing but (a part of) it, or goes on from a
 * part of it with a number or a code.
 */
function dropOverflow(r: TableRow, lost: ReadonlyMap<number, string>): void {
  let x = 0;
  for (const c of r.cells) {
    const rest = lost.get(x);
    x += c.colspan;
    const first = c.paragraphs[0];
    if (!rest || first === undefined) continue;
    const text = squash(first);
    // a mark centred in the cell drawn on one line with the lost text, inside it ("ด✔ำเนิน"): the mark is the cell
    const bare = text.replace(MARKS, '');
    if (bare !== text && bare !== '' && rest.startsWith(bare) && c.paragraphs.length === 1) {
      c.paragraphs = [text.replace(/[^✓✔✗✘×/]/gu, '')];
      continue;
    }
    let n = 0;
    while (n < text.length && n < rest.length && text[n] === rest[n]) n++;
    // a part of it running straight into the cell's own text, drawn on one line, is dropped too when it
    // is two characters or more and a number or a code follows ("ดั" + "ข้อ๒", "าณ" + "๕๐,๐๐๐"), or one Thai
    // letter and a row number ("ด" + "ข้อ๓": a column a letter wide): narrow number and amount columns are where
    // header titles wrap and get clipped
    // a vowel or tone mark alone ("ั" of a clipped "ดั", its line told apart from its letter's) opens no text:
    // it goes whatever follows ("ั" + "๑", the rest of a row number "๗." cut by the page)
    const follows =
      ORPHAN_MARKS.test(text.slice(0, n)) || (n >= 2 ? NUMBER_NEXT.test(text.slice(n)) : THAI_LETTER.test(text.slice(0, n)) && DIGITS_NEXT.test(text.slice(n)));
    if (n === 0 || (n < rest.length && n < text.length && !follows)) continue;
    // n characters (spaces not counted) off the start of the paragraph
    let i = 0;
    for (let seen = 0; i < first.length && seen < n; i++) if (!/\s/.test(first[i]!)) seen++;
    const left = first.slice(i).trim();
    c.paragraphs = left === '' ? c.paragraphs.slice(1) : [left, ...c.paragraphs.slice(1)];
  }
}
