/**
 * A table's header rows in the body walk: whether a row is one, a second
 * header row under a spanning first, the two merged, and column roles with
 * the status and month mark columns left out.
 */
import type { FieldRole } from '../model/schema.js';
import { columnRoles, looksLikeData, looksLikeHeader } from './columns.js';
import { markColumns } from './mark-columns.js';
import { statusColumns } from './entry-status.js';
import type { State } from './_body-state.js';

/**
 * Column roles, the status mark columns left out: a column of ticks under
 * "ผลการดำเนินการ / ดำเนินการแล้ว" is no result column, and must not take
 * that role from the column that holds the results.
 */
export function rolesBesideStatus(headers: string[], statusCols: State['statusCols'], markCols: State['markCols'] = null): Array<FieldRole | null> {
  const marks = (i: number) => (statusCols?.[i] !== undefined && statusCols[i] !== null && statusCols[i] !== 'word' && statusCols[i] !== 'percent') || Boolean(markCols?.[i]);
  return columnRoles(headers.map((h, i) => (marks(i) ? '' : h)));
}

/**
 * A row the markup calls a header is one if it holds no data and names some
 * column (a role, month or quarter columns, status columns) with most of its
 * cells filled: the first row of a table continued on a new page may be
 * marked as a header and be the rest of a row cut by the page break.
 */
export function markedHeader(cells: string[]): boolean {
  if (looksLikeData(cells)) return false;
  if (looksLikeHeader(cells)) return true;
  // most cells filled (a cut row's rest fills a few), and some naming a column
  const filled = cells.filter((c) => c.trim() !== '').length;
  return filled * 2 >= cells.length && (columnRoles(cells).some((r) => r !== null) || markColumns(cells) !== null || statusColumns(cells) !== null);
}

/**
 * A table continued on a new page under only the top row of its two-row
 * header (BE years over the months): the month columns found before stay,
 * if the header is as wide and names nothing else over them.
 */
export function keepsMarks(headers: string[], marks: State['markCols']): boolean {
  if (!marks || marks.length !== headers.length) return false;
  const roles = columnRoles(headers);
  return marks.every((m, i) => m === null || roles[i] === null);
}

/**
 * A second header row under a header whose cells span (text has no spans,
 * so: a few short cells without digits under empty or spanning header cells),
 * e.g. "ระยะเวลา" over "เริ่ม | สิ้นสุด".
 */
export function isSubHeader(top: string[], all: string[]): boolean {
  // a cell merged down over both rows comes again under itself when the reader expands spans: it says nothing here
  const cells = all.map((c, i) => (c.trim() !== '' && c.trim() === (top[i] ?? '').trim() ? '' : c));
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.length === 0) return false;
  if (filled.length * 2 <= cells.length && filled.every((c) => c.length <= 20 && !/[0-9๐-๙]/.test(c))) return true;
  // sub-titles under group titles spanning them ("สถานะการดำเนินการ" over three statuses, "ห้วงเวลา" over
  // "เริ่ม | สิ้นสุด"): every filled cell a short name of two letters or more, under a blank top cell or under a
  // title followed by blanks (its span), so more than half the row may be filled
  const underGroup = (i: number) => (top[i] ?? '').trim() === '' || (top[i + 1] ?? 'x').trim() === '';
  if (
    filled.length >= 2 &&
    top.some((t) => t.trim() === '') &&
    filled.every((c) => c.length <= 25 && !/[0-9๐-๙]/.test(c) && (c.match(/[ก-ฮA-Za-z]/g) ?? []).length >= 2) &&
    cells.every((c, i) => c.trim() === '' || underGroup(i))
  )
    return true;
  // months or quarters under their group ("พ.ศ. ๒๕๖๗" over "ต.ค. พ.ย. …", "ไตรมาส" over "๑ ๒ ๓ ๔"): every filled
  // cell a mark column's name or a short name without digits
  const marks = markColumns(mergeHeaderRows(top, cells));
  return marks !== null && cells.every((c, i) => c.trim() === '' || marks[i] !== null || (c.length <= 25 && !/[0-9๐-๙]/.test(c)));
}


/**
 * The two header rows as one: each column's top (or the group title spanning
 * it from the left) with what is under it. A cell merged down over both rows
 * comes twice when the reader expands spans into the grid ("ที่" over "ที่"):
 * it is named once.
 */
export function mergeHeaderRows(top: string[], sub: string[]): string[] {
  let above = '';
  return top.map((t, i) => {
    if (t) above = t;
    const below = sub[i] ?? '';
    if (!below) return t;
    const head = t || above;
    return below.trim() === head.trim() ? head : `${head} ${below}`.trim();
  });
}
