/**
 * Ruled tables running on from one OCR'd page to the next, joined as the
 * text-PDF reader joins them (src/readers/_pdf-assemble.ts): a table that
 * opens a page (nothing before it on the page but a page number) continues
 * the table that closed the page before when both have the same columns
 * (the same number, at the same places within 2 % of the page width), or
 * the same number under a repeat of its header row. The repeated header is
 * dropped (both rows of a two-row header), at the top of the page and at
 * the foot of the page before (OCR reads it a little differently each
 * time: rows equal but for 15 % of their characters count as the same); a
 * first row whose first cell is empty, or
 * unnumbered in a table of numbered rows, or ending the row number the row
 * above began ("ข้อ" / "๕"), or closing a range of months the row above
 * left open ("ต.ค. ๖๗-" / "ก.ย.๖๘") or holding the item of a list bullet it
 * ended with ("- สำนักปลัดฯ -" / "กองคลัง"), or (rows not numbered) empty in
 * two columns every row fills, is the rest of the row the page break cut
 * and is joined to it.
 */
import { type Block, type TableBlock, type TableCell, type TableRow } from '../model/blocks.js';
import { joinWrappedLines } from '../thai/wrap.js';
import { sameRow as sameRowAs } from '../readers/_pdf-continuation.js';
import { DASH, H, MONTH_SRC } from '../thai/_months.js';
import type { RuledGrid } from './grid.js';

/** Column boundaries of each ruled table made by the layout, as shares of the page width. */
const columns = new WeakMap<TableBlock, number[]>();

/** Records the grid a table was read from (for joining it across pages). */
export function rememberGrid(t: TableBlock, g: RuledGrid, pageWidth: number): void {
  columns.set(
    t,
    g.xs.map((x) => x / Math.max(1, pageWidth)),
  );
}

/** `to`, a copy of the table `from`, remembered with from's grid. */
export function keepGrid(from: TableBlock, to: TableBlock): TableBlock {
  const xs = columns.get(from);
  if (xs) columns.set(to, xs);
  return to;
}

/** A page number or a speck read as a paragraph: no reason to end a table. */
const PAGE_NUMBER = /^(?:หน้า(?:ที่)?\s*)?[-–—(\[]?\s*[0-9๐-๙]{1,4}\s*[-–—)\]]?(?:\s*(?:\/|จาก)\s*[0-9๐-๙]{1,4})?$/;
function trivial(b: Block): boolean {
  if (b.type === 'table') return false;
  const t = b.text.replace(/\s+/g, '');
  return t.length <= 2 || PAGE_NUMBER.test(b.text.trim());
}

/** Rows with the same cells, give or take OCR's misreadings (15 % of the characters). */
const sameRow = (a: TableRow, b: TableRow): boolean => sameRowAs(a, b, 0.15);

function isEmpty(c: TableCell | undefined): boolean {
  return !c || c.paragraphs.every((p) => p.trim() === '');
}

function continues(open: TableBlock, next: TableBlock): boolean {
  const a = columns.get(open);
  const b = columns.get(next);
  if (!a || !b || a.length !== b.length) return false;
  if (a.every((x, k) => Math.abs(x - (b[k] ?? Infinity)) <= 0.02)) return true;
  const head = open.rows[0];
  const first = next.rows[0];
  return !!head && !!first && sameRow(head, first);
}

/** A row number opening a first cell: "๑", "2.", "(๓)". */
const ROW_NUMBER = /^\(?[0-9๐-๙]{1,3}[.)]?(?:\s|$)/;

/** A row number, "ข้อ" before it or not: "ข้อ ๕", "ข้อที่ ๓", "(๒)". */
const NUMBERED = /^(?:ข้อ\s*(?:ที่\s*)?)?[([]?[0-9๐-๙]{1,3}[.)\]]?(?:\s|$)/;

/** A cell ending with a month, its year and a range dash (a speck or a letter read after it): a range the page break cut. */
const RANGE_OPEN = new RegExp(`${MONTH_SRC}${H}*[0-9๐-๙]{2,4}${H}*${DASH}\\s*[^0-9๐-๙\\s]{0,2}\\s*$`);
/** A cell opening with a month, a day before it or not: the rest of such a range ("ก.ย.๖๘", "๓๐ กันยายน ๒๕๖๖"). */
const RANGE_REST = new RegExp(`^\\s*(?:[0-9๐-๙]{1,2}${H}*)?${MONTH_SRC}`);

const cellText = (c: TableCell | undefined): string => (c?.paragraphs ?? []).join(' ');

/** A list's bullet ending a cell with nothing after it ("- สำนักปลัดฯ -"): the next item went on past the page break. */
const DANGLING_BULLET = /\S\s+[-–•]$/;
/** A list's bullet opening a cell: the row's own list, not the rest of one. */
const BULLET_START = /^[-–•]/;

/**
 * Some column's cell in the table's last row opens a range of months that this row's cell under it closes,
 * or ends with a list bullet whose item this row's cell holds.
 */
function cutInsideCell(last: TableRow, first: TableRow): boolean {
  return first.cells.some((c, k) => {
    const below = cellText(c).trim();
    const above = cellText(last.cells[k]).trim();
    return (RANGE_REST.test(below) && RANGE_OPEN.test(above)) || (below !== '' && !BULLET_START.test(below) && DANGLING_BULLET.test(above));
  });
}

/** The noise after a cut range's dash dropped (the range's two ends are joined next). */
function closeRanges(last: TableRow, first: TableRow): void {
  first.cells.forEach((c, k) => {
    const above = last.cells[k];
    if (!above || !RANGE_REST.test(cellText(c)) || !RANGE_OPEN.test(cellText(above))) return;
    const ps = above.paragraphs;
    // the noise may be a line of its own
    while (ps.length > 1 && /^\s*[^0-9๐-๙\s]{0,2}\s*$/.test(ps[ps.length - 1] ?? '')) ps.pop();
    ps[ps.length - 1] = (ps[ps.length - 1] ?? '').replace(new RegExp(`(${DASH})\\s*[^0-9๐-๙\\s]{0,2}\\s*$`), '$1');
  });
}

function splitRow(t: TableBlock, first: TableRow, after: readonly TableRow[]): boolean {
  const c0 = first.cells[0];
  if (isEmpty(c0)) return true;
  const last = t.rows[t.rows.length - 1];
  if (last && cutInsideCell(last, first)) return true;
  // the row number itself cut by the page break ("ข้อ" / "๕"): the row above opens with no number,
  // and its start with this row's makes one
  const above = t.rows[t.rows.length - 1]?.cells[0]?.paragraphs[0]?.trim() ?? '';
  const own = c0?.paragraphs[0]?.trim() ?? '';
  if (above !== '' && !NUMBERED.test(above) && NUMBERED.test(joinWrappedLines(above, own))) return true;
  const numbered = t.rows.slice(1).filter((r) => ROW_NUMBER.test(r.cells[0]?.paragraphs[0] ?? '')).length;
  if (numbered >= 1 && numbered >= (t.rows.length - 1) / 2) return !ROW_NUMBER.test(c0?.paragraphs[0] ?? '');
  return leavesFilledColumnsEmpty(t, first, after);
}

/**
 * Without a number column, a cut row shows by what it leaves out: the short
 * cells (who is responsible, the period) fitted on the page before, so on
 * the new page the row has nothing in two or more columns that every row of
 * the table fills (its header counted, as the PDF reader counts a header it
 * cannot tell from data: a table of one row under its header, cut by the
 * page break, is the common case), while its long cells go on. With one data
 * row the table says less: the rows under the cut one on the new page must
 * fill those columns too (not cells merged down over them all).
 */
function leavesFilledColumnsEmpty(t: TableBlock, first: TableRow, after: readonly TableRow[]): boolean {
  const rows = t.rows.filter((r) => r.cells.length === first.cells.length);
  if (rows.length < 2) return false;
  const below = rows.length === 2 ? after.filter((r) => r.cells.length === first.cells.length) : [];
  let gaps = 0;
  first.cells.forEach((c, k) => {
    if (isEmpty(c) && rows.every((r) => !isEmpty(r.cells[k])) && below.every((r) => !isEmpty(r.cells[k]))) gaps++;
  });
  return gaps >= 2;
}

/**
 * How many of `rows` (its first row a repeat of t's first row) repeat t's
 * header: a header taller than one row has first-row cells merged down
 * over the rows under it (a group cell over its sub-headers, the other
 * titles over both rows); those rows repeat when they have as many cells
 * and agree give or take 30 % of their characters (sub-headers are short
 * words, and OCR misreads one letter in four of "เริ่ม | สิ้นสุด").
 */
function repeatedHeaderRows(t: TableBlock, rows: readonly TableRow[]): number {
  const depth = Math.max(1, ...(t.rows[0]?.cells.map((c) => c.rowspan) ?? [1]));
  let k = 1;
  while (k < depth && k < t.rows.length - 1 && rows[k] && sameRowAs(t.rows[k] as TableRow, rows[k] as TableRow, 0.3)) k++;
  return k;
}

function joinRows(into: TableRow, cont: TableRow): void {
  cont.cells.forEach((c, k) => {
    const target = into.cells[k];
    if (!target || isEmpty(c)) return;
    if (isEmpty(target)) {
      target.paragraphs = [...c.paragraphs];
      return;
    }
    const last = target.paragraphs.length - 1;
    target.paragraphs[last] = joinWrappedLines(target.paragraphs[last] ?? '', c.paragraphs[0] ?? '');
    target.paragraphs.push(...c.paragraphs.slice(1));
  });
}

function append(t: TableBlock, next: TableBlock): void {
  const head = t.rows[0];
  // the header repeated at the foot of the page before (a header row cut by the page break and drawn again)
  const foot = t.rows[t.rows.length - 1];
  if (head && foot && t.rows.length > 1 && sameRow(head, foot)) t.rows.pop();
  let rows = [...next.rows];
  // the header drawn again at the top of the page: its first row (or the second, under a stray line),
  // and with it the rows of a header taller than one row
  const at = head ? rows.slice(0, 2).findIndex((r) => sameRow(head, r)) : -1;
  if (at >= 0) rows.splice(at, repeatedHeaderRows(t, rows.slice(at)));
  if (head) rows = rows.filter((r, i) => i > 1 || !sameRow(head, r));
  const first = rows[0];
  const last = t.rows[t.rows.length - 1];
  if (first && last && first.cells.length === last.cells.length && first.cells.some((c) => !isEmpty(c)) && splitRow(t, first, rows.slice(1))) {
    closeRanges(last, first);
    joinRows(last, first);
    rows.shift();
  }
  t.rows.push(...rows);
}

/**
 * The blocks with each ruled table that continues one on the page before
 * joined to it (see the module comment). Blocks are in page order.
 */
export function joinContinuedTables(blocks: readonly Block[], confidence: readonly number[]): { blocks: Block[]; confidence: number[] } {
  const out: Block[] = [];
  const conf: number[] = [];
  // the last table of the previous page, when nothing but trivia followed it
  let open: TableBlock | null = null;
  let openPage = -1;
  let page = -1;
  let seenOnPage = false;
  for (const [i, b] of blocks.entries()) {
    const p = b.source.page ?? -1;
    if (p !== page) {
      // a new page: the table that ended the last one may run on
      page = p;
      seenOnPage = false;
    }
    if (trivial(b)) {
      out.push(b);
      conf.push(confidence[i] ?? 0);
      continue;
    }
    if (b.type === 'table' && !seenOnPage && open && openPage === p - 1 && continues(open, b)) {
      append(open, b);
      columns.set(open, columns.get(b) ?? []);
      openPage = p;
      seenOnPage = true;
      continue;
    }
    seenOnPage = true;
    out.push(b);
    conf.push(confidence[i] ?? 0);
    if (b.type === 'table' && columns.has(b)) {
      open = b;
      openPage = p;
    } else {
      open = null;
    }
  }
  return { blocks: out, confidence: conf };
}
