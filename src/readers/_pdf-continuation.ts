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
  if (compatibleColumns(shape.xs, it.xs)) return true;
  const head = t.rows[0];
  const first = it.rows[0];
  return !!head && !!first && shape.xs.length === it.xs.length && sameRow(head, first);
}

/** A cell saying only that the row goes on from the page before: "(ต่อ)", "ต่อ". */
const CONTINUED = /^\s*[(\[]?\s*ต่อ\s*[)\]]?\s*$/;

/** Appends a continuation row's cells to the row it continues (the text was cut by a page break). */
function joinRows(into: TableRow, cont: TableRow): void {
  cont.cells.forEach((c, k) => {
    const target = into.cells[k];
    // "(ต่อ)" marks the continuation: nothing to add once joined
    if (!target || isEmpty(c) || CONTINUED.test(c.paragraphs.join(' '))) return;
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
  });
}

/**
 * Rows of a table continued on a new page, added to the table they
 * continue: the table's first rows repeated at the top of the page (its
 * header, one row or more) and any later repeat of its first row are
 * dropped; a first row that is the rest of the table's last row is joined
 * to it.
 */
export function appendContinuation(t: TableBlock, rows: readonly TableRow[]): void {
  let repeated = 0;
  const overflow = new Map<number, string>();
  // the first row given a typo's leeway, the rows under it (a header's second row) only when equal; any of them clipped
  const repeats = (k: number): boolean => {
    if (k === 0 ? sameRow(t.rows[0]!, rows[0]!) : t.rows[k]!.cells.length === rows[k]!.cells.length && rowText(t.rows[k]!) === rowText(rows[k]!)) return true;
    const cut = clippedRepeat(t.rows[k]!, rows[k]!);
    cut?.forEach((v, x) => overflow.set(x, v));
    return cut !== null;
  };
  while (repeated < rows.length && repeated < t.rows.length - 1 && repeats(repeated)) repeated++;
  const head = t.rows[0];
  const kept = rows.slice(repeated);
  if (overflow.size > 0 && kept[0]) dropOverflow(kept[0], overflow);
  const rest = kept.filter((r) => (!head || !sameRow(head, r)) && r.cells.some((c) => !isEmpty(c)));
  const first = rest[0];
  const last = t.rows[t.rows.length - 1];
  if (first && last && first.cells.length === last.cells.length && first.cells.some((c) => !isEmpty(c)) && splitRow(t, first)) {
    joinRows(last, first);
    rest.shift();
  }
  t.rows.push(...rest);
}

/** A row number alone or opening a cell: "๑", "2.", "(๓)". */
const ROW_NUMBER = /^\(?([0-9๐-๙]{1,3})[.)]?(?:\s|$)/;

const firstText = (c: TableCell | undefined): string => c?.paragraphs[0] ?? '';

function rowNumber(c: TableCell | undefined): number | null {
  const m = ROW_NUMBER.exec(firstText(c));
  return m ? Number(m[1]!.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))) : null;
}

/**
 * The column numbering the table's rows (shaped like `like`): numbers in
 * at least a third of them (sub-rows have none), counting up by one or
 * starting again at one (a day of the month opening a period cell does
 * not); -1 when no column does.
 */
function numberColumn(t: TableBlock, like: TableRow): number {
  const rows = t.rows.filter((r) => r.cells.length === like.cells.length);
  for (let c = 0; c < like.cells.length; c++) {
    const ns = rows.map((r) => rowNumber(r.cells[c])).filter((n): n is number => n !== null);
    if (ns.length === 0 || ns.length < rows.length / 3) continue;
    const counting = ns.filter((n, k) => n === 1 || (k > 0 && n === ns[k - 1]! + 1)).length;
    if (counting >= ns.length * 0.75) return c;
  }
  return -1;
}

/**
 * Is the first row on a new page the rest of the table's last row, cut by
 * the page break? When the table numbers its rows in a column: yes when
 * this row has no number there. Otherwise: yes when its first cell is
 * empty.
 */
export function splitRow(t: TableBlock, first: TableRow): boolean {
  const col = numberColumn(t, first);
  if (col >= 0) return rowNumber(first.cells[col]) === null;
  return isEmpty(first.cells[0]);
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
 * holds all of that or is nothing but (a part of) it.
 */
function dropOverflow(r: TableRow, lost: ReadonlyMap<number, string>): void {
  let x = 0;
  for (const c of r.cells) {
    const rest = lost.get(x);
    x += c.colspan;
    const first = c.paragraphs[0];
    if (!rest || first === undefined) continue;
    const text = squash(first);
    let n = 0;
    while (n < text.length && n < rest.length && text[n] === rest[n]) n++;
    if (n === 0 || (n < rest.length && n < text.length)) continue;
    // n characters (spaces not counted) off the start of the paragraph
    let i = 0;
    for (let seen = 0; i < first.length && seen < n; i++) if (!/\s/.test(first[i]!)) seen++;
    const left = first.slice(i).trim();
    c.paragraphs = left === '' ? c.paragraphs.slice(1) : [left, ...c.paragraphs.slice(1)];
  }
}
