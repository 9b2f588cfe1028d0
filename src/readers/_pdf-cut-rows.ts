/**
 * PDF reader, tables across pages, the row the page break cut: where each
 * cell stands in the table's grid (rowspans counted), which cell of the
 * table's last row covers each grid column, and whether the first row on
 * the new page is the rest of that row or a row of its own.
 *
 * Word processors let a row break across pages, and a cell merged down
 * over several rows (a section column's title written once for its rows)
 * is drawn again at the top of the new page, empty or with the rest of its
 * text: the row there has a cell more than the row it continues, and the
 * rows under it are covered by that cell. Joining cell by column keeps the
 * rows under it in their columns.
 */
import { type TableBlock, type TableCell, type TableRow, cell } from '../model/blocks.js';
import { joinCellText } from './_pdf-paragraphs.js';

export interface Placed {
  cell: TableCell;
  /** Grid column the cell starts at. */
  col: number;
}

/** Each row's cells with the grid column each starts at: rowspans from the rows above push cells right, as a grid does. */
export function placeCells(rows: readonly TableRow[]): Placed[][] {
  // grid column → rows still covered by a cell from above
  const below: number[] = [];
  return rows.map((r) => {
    const out: Placed[] = [];
    let col = 0;
    const skip = (): void => {
      while ((below[col] ?? 0) > 0) col++;
    };
    for (const c of r.cells) {
      skip();
      out.push({ cell: c, col });
      const span = Math.max(1, c.colspan);
      for (let k = 0; k < span; k++) below[col + k] = Math.max(1, c.rowspan);
      col += span;
    }
    for (let k = 0; k < below.length; k++) if ((below[k] ?? 0) > 0) below[k]!--;
    return out;
  });
}

/** The cell covering each grid column of row `at` (a cell of that row, or one merged down from above), by column. */
export function coveringCells(placed: readonly Placed[][], at: number): Map<number, TableCell> {
  const out = new Map<number, TableCell>();
  placed.forEach((cells, i) => {
    if (i > at) return;
    for (const { cell, col } of cells) {
      if (i + Math.max(1, cell.rowspan) - 1 < at) continue;
      for (let k = 0; k < Math.max(1, cell.colspan); k++) out.set(col + k, cell);
    }
  });
  return out;
}

/**
 * The rows looked at for the cut row: the table's last few hundred (a
 * table continued over many pages is not walked again from its start on
 * every page; no merged cell reaches down that far).
 */
export function lastRows(t: TableBlock): readonly TableRow[] {
  return t.rows.length > WINDOW ? t.rows.slice(-WINDOW) : t.rows;
}
const WINDOW = 300;

/** A row number alone or opening a cell: "๑", "2.", "(๓)", "ข้อ ๔". */
const ROW_NUMBER = /^(?:ข้อ\s*)?\(?([0-9๐-๙]{1,3})[.)]?(?:\s|$)/;
/** A cell holding a row number and nothing else: "๓", "(๓)", "3.", "ข้อ ๓". */
const NUMBER_ALONE = /^(?:ข้อ\s*)?\(?[0-9๐-๙]{1,3}[.)]?$/;
/** A sub-row's own number: "๑.๒", "2.1)". */
const SUB_NUMBER = /^\(?[0-9๐-๙]{1,3}\.[0-9๐-๙]{1,2}(?![0-9๐-๙,])/;
/** A sub-row's number or bullet opening a cell: "๑.๒ …", "- …", "• …" (not a range's end cut off: "– ๓๑ มี.ค.", "– O19"). */
const BULLET = /^[-–•●○▪]\s+(?![0-9๐-๙]|[IiEeOo]\s?[0-9๐-๙])/;
const SUB_ITEM = new RegExp(`${SUB_NUMBER.source}|${BULLET.source}`);

/** A cell holding a dash or nothing: what an empty template row's cells hold. */
const PLACEHOLDER = /^[-–—]?$/;

/** A number and its dot, nothing after: "๑.", "(2.". */
const CUT_AT_DOT = /^\(?[0-9๐-๙]{1,3}\.$/;
/** Digits alone: "๒", "2)". */
const DIGITS_ALONE = /^[0-9๐-๙]{1,2}\)?$/;

/** An empty cell merged down over rows: on a new page, a merged cell from the page before drawn again. */
export function redrawn(c: TableCell): boolean {
  return c.rowspan > 1 && c.paragraphs.every((p) => p.trim() === '');
}

const firstText = (c: TableCell | undefined): string => (c?.paragraphs[0] ?? '').trim();

/** The row number opening a cell; null for none, and for 0 (no row is numbered 0: "๐." is the rest of a "๑๐." the page cut). */
export function rowNumber(c: TableCell | undefined): number | null {
  const m = ROW_NUMBER.exec(firstText(c));
  const n = m ? Number(m[1]!.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))) : 0;
  return n > 0 ? n : null;
}

/**
 * The grid column numbering the table's rows: numbers in at least a third
 * of the cells starting there (sub-rows have none), counting up (by one,
 * or a few where a number is cut or missing) or starting again at one (a day of the month opening a period cell does
 * not); of several such columns the one with the most numbers (a section
 * column written once over its rows counts its titles' numbers where a
 * page shows one row of a section); -1 when no column does.
 */
export function numberColumn(placed: readonly Placed[][]): number {
  const byCol = new Map<number, Array<{ n: number | null; sub: boolean; alone: boolean }>>();
  for (const cells of placed) {
    for (const { cell, col } of cells) {
      // a cell across columns (a section row, a note) numbers no row
      if (cell.colspan > 1) continue;
      // a title merged down over rows ("๑. กระบวนการ …" written once for its section, or drawn again
      // empty on a new page) numbers a group of rows, not a row; a number alone merged over its sub-rows does
      if (cell.rowspan > 1 && !NUMBER_ALONE.test(cell.paragraphs.join(' ').trim())) continue;
      const ns = byCol.get(col) ?? [];
      ns.push({ n: rowNumber(cell), sub: SUB_NUMBER.test(firstText(cell)), alone: NUMBER_ALONE.test(cell.paragraphs.join(' ').trim()) });
      byCol.set(col, ns);
    }
  }
  let best = -1;
  let most = 0;
  let mostAlone = 0;
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const all = byCol.get(col)!;
    const numbered = all.filter((x) => x.n !== null);
    const ns = numbered.map((x) => x.n!);
    // sub-rows numbered "๑.๒" under their row count as numbered, not as counting
    if (ns.length === 0 || ns.length + all.filter((x) => x.sub).length < all.length / 3) continue;
    // numbered steps ("๑. …" opening every cell) start at one and never go on
    // (numbers alone all one are rows numbered afresh per section, a page showing one row of each)
    if (ns.length >= 3 && ns.every((n) => n === 1) && !numbered.every((x) => x.alone)) continue;
    // a number the page cut ("ข" / "้อ๓") or a row on a later page missing: up by a few at most
    // numbering starting again at one (per section) is a number alone; a section column repeating its
    // title's number on each row ("๑. กระบวนการ …", "๑. กระบวนการ …", "๒. …") does not count
    // (the first may be any number: a table of its own per section numbers on from the one before)
    const counting = ns.filter((n, k) => k === 0 || (n === 1 && (numbered[k]!.alone || ns[k - 1] !== 1)) || (n > ns[k - 1]! && n <= ns[k - 1]! + 3)).length;
    // of the columns that count, the one numbering the most rows (a section title's number, "๒. การให้บริการ"
    // on the one row of its section a page shows, counts too, once)
    // as many numbers in two columns (a page showing one row per section: titles "๑. …", "๓. …" and row
    // numbers "ข้อ ๑", "ข้อ ๑"): the one whose numbers stand alone numbers the rows
    const alone = numbered.filter((x) => x.alone).length;
    if (counting >= ns.length * 0.75 && (ns.length > most || (ns.length === most && alone > mostAlone))) {
      best = col;
      most = ns.length;
      mostAlone = alone;
    }
  }
  return best;
}

/**
 * Is `first`, the first row on a new page, the rest of the table's last
 * row cut by the page break? When the table numbers its rows in a column:
 * yes when this row has nothing there that numbers a row or a sub-row, and
 * no cell opening as a sub-row does ("๑.๒ …", "- …"). Otherwise: yes when
 * its first cell is empty (a merged cell drawn again, empty, not counted).
 */
export function isCutRow(t: TableBlock, first: TableRow, after: readonly TableRow[] = []): boolean {
  const placed = placeCells(lastRows(t));
  const col = numberColumn(placed);
  const own = placeCells([first])[0]!;
  // a row of dashes (an empty template row, "-" in every cell) is a row of its own
  if (own.length > 1 && own.every((p) => PLACEHOLDER.test(cellText(p.cell).trim()))) return false;
  if (closesBracket(placed, own) || completesRepeat(placed, own) || codeAfterKho(placed, own) || numberInTwo(placed, own)) return true;
  if (col >= 0) {
    const at = own.find((p) => p.col === col);
    // no cell of its own there, or one across columns (a section row, a caption, a note): a row of its own
    if (!at || at.cell.colspan > 1) return false;
    // the number itself cut ("ข้อ" / "๔", "(" / "๓)"): the row above has the start of one and no number
    const above = coveringCells(placed, placed.length - 1).get(col);
    const start = firstText(above);
    if (start !== '' && rowNumber(above) === null && !SUB_ITEM.test(start) && rowNumber(cell([joinCellText(start, firstText(at.cell))])) !== null) return true;
    // a sub-row's number cut after its dot ("๑." / "๒" for ๑.๒) in a column numbering sub-rows so, above or (the
    // first sub-row cut: "๑." / "๑") in the rows the new page goes on with, or right under the row of its number ("๑"
    // over "๑." is no second row ๑)
    const subNumbered = (rows: ReturnType<typeof placeCells>): boolean => rows.some((cells) => cells.some((p) => p.col === col && SUB_NUMBER.test(firstText(p.cell))));
    const prev = placed.length >= 2 ? coveringCells(placed, placed.length - 2).get(col) : undefined;
    const underItsNumber = prev !== undefined && prev !== above && cellText(prev).trim().replace(/[.)]$/, '') === cellText(above).trim().replace(/^\(|\.$/g, '');
    if (CUT_AT_DOT.test(cellText(above).trim()) && DIGITS_ALONE.test(cellText(at.cell).trim()) && (underItsNumber || subNumbered(placed) || subNumbered(placeCells([first, ...after]).slice(1)))) return true;
    if (digitsCut(placed, col, above, at.cell)) return true;
    if (rowNumber(at.cell) !== null || SUB_ITEM.test(firstText(at.cell))) return false;
    // a bullet under a numbered row's cell opening with one too is that cell's list going on (units one a
    // line, "- สำนักปลัด" / "- นิติกร"), not a sub-row's mark
    const last = coveringCells(placed, placed.length - 1);
    const listGoesOn = (p: Placed): boolean => rowNumber(last.get(col)) !== null && BULLET.test(firstText(p.cell)) && BULLET.test(firstText(last.get(p.col)));
    return !own.some((p) => SUB_ITEM.test(firstText(p.cell)) && !listGoesOn(p) && !decimalCut(last.get(p.col), p.cell));
  }
  const last = coveringCells(placed, placed.length - 1);
  // a numbered sub-row ("๓.๒ …") opening a cell is a row of its own, its first cell empty or not
  if (own.some((p) => SUB_NUMBER.test(firstText(p.cell)) && !decimalCut(last.get(p.col), p.cell))) return false;
  // so is a row opening a list in a column whose cell above has none, or a list of another bullet ("➢ กองช่าง"
  // above, "• กองช่าง"): the rest of a cut cell goes on with its own list
  if (own.some((p) => BULLET.test(firstText(p.cell)) && firstText(p.cell)[0] !== firstText(last.get(p.col))[0])) return false;
  const lead = own.find((p) => !redrawn(p.cell));
  return (lead !== undefined && firstText(lead.cell) === '') || leavesFilledEmpty(placed, lastRows(t), own);
}

const cellText = (c: TableCell | undefined): string => (c?.paragraphs ?? []).join(' ');

/**
 * A decimal number the page cut between its digits ("๘" / "๒.๒๑" for a score of ๘๒.๒๑): the cell above
 * holds digits alone, the cell below digits, a point and digits alone. Not a sub-row's number ("๒.๑"
 * opens a sub-row's text, or stands in the numbering column, which is looked at on its own).
 */
function decimalCut(above: TableCell | undefined, below: TableCell): boolean {
  return /^[0-9๐-๙]{1,3}$/.test(cellText(above).trim()) && /^[0-9๐-๙]{1,3}\.[0-9๐-๙]{1,2}$/.test(cellText(below).trim());
}

const arabicValue = (digits: string): number => Number(digits.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)));

/**
 * A row number the page cut between its digits ("1" / "1" for 11, "ข้อ ๑" / "๒" for ข้อ ๑๒): in the number
 * column, the last row's number does not follow the row before it, its digits and the digits opening the
 * new page's cell do.
 */
function digitsCut(placed: readonly Placed[][], col: number, above: TableCell | undefined, below: TableCell): boolean {
  const head = /^(?:ข้อ\s*)?\(?([0-9๐-๙]{1,2})$/.exec(firstText(above));
  const tail = /^([0-9๐-๙]{1,2})[.)]?$/.exec(cellText(below).trim());
  if (!head || !tail) return false;
  let before: number | null = null;
  let section = false;
  for (let i = placed.length - 2; i >= 0 && before === null; i--) {
    if (placed[i]!.some((x) => x.cell.colspan > 1)) section = true;
    const p = placed[i]!.find((x) => x.col === col && x.cell !== above && x.cell.colspan === 1);
    if (p) before = rowNumber(p.cell);
  }
  if (before === null || arabicValue(head[1]!) === before + 1 || arabicValue(head[1]! + tail[1]!) !== before + 1) return false;
  // a "1" under a section row may be numbering starting again: only where the table has numbered on across one
  return !section || arabicValue(head[1]!) !== 1 || numbersOnAcrossSections(placed.slice(0, -1), col);
}

/** The column's numbers go on across a section row (one cell across columns) somewhere, and never start again at one there. */
function numbersOnAcrossSections(placed: readonly Placed[][], col: number): boolean {
  let last: number | null = null;
  let crossed = false;
  let on = false;
  for (const cells of placed) {
    if (cells.some((p) => p.cell.colspan > 1)) {
      crossed = last !== null;
      continue;
    }
    const p = cells.find((x) => x.col === col);
    const n = p ? rowNumber(p.cell) : null;
    if (n === null) continue;
    if (crossed && last !== null) {
      if (n === 1 && last > 1) return false;
      if (n === last + 1) on = true;
    }
    crossed = false;
    last = n;
  }
  return on;
}

/**
 * A row number cut inside its cluster, neither piece a number ("ข" / "้อ๒"), or a sub-row's number cut
 * before its dot ("๕" / ".๓"): the column's cell in the
 * table's last row and the first row's cell under it make one only when joined (any column: a table
 * with a row or two on the page shows no numbering column yet).
 */
function numberInTwo(placed: readonly Placed[][], own: readonly Placed[]): boolean {
  if (placed.length === 0) return false;
  const above = coveringCells(placed, placed.length - 1);
  return own.some((p) => {
    const a = firstText(above.get(p.col));
    const b = firstText(p.cell);
    if (a === '' || b === '' || rowNumber(p.cell) !== null) return false;
    // a sub-row's number cut before its dot ("๕" / ".๓" for ๕.๓)
    if (/^\(?[0-9๐-๙]{1,3}$/.test(a) && /^\.[0-9๐-๙]{1,2}(?:\s|$)/.test(b)) return true;
    return rowNumber(above.get(p.col)) === null && NUMBER_ALONE.test(joinCellText(a, b));
  });
}

/** Brackets left open at the end of `s` (> 0), and whether a ")" closes one opened before `s`. */
function brackets(s: string): { open: number; closesEarlier: boolean } {
  let depth = 0;
  let closesEarlier = false;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) closesEarlier = true;
      else depth--;
    }
  }
  return { open: depth, closesEarlier };
}

/**
 * A bracket the table's last row left open ("(๑", "(ข้อ O๑๑ ถึง") closed
 * in the same column by the first row on the new page (")", "O๑๓)"): the
 * page cut the row inside it.
 */
function closesBracket(placed: readonly Placed[][], own: readonly Placed[]): boolean {
  if (placed.length === 0) return false;
  const above = coveringCells(placed, placed.length - 1);
  return own.some((p) => brackets(cellText(p.cell)).closesEarlier && brackets(cellText(above.get(p.col))).open > 0);
}

/** "ข้อ" ending a cell, waiting for its code or number. */
const KHO_END = /(?:^|\s)ข้อ$/;
/** A code or a number opening a cell: "E๙", "O๑๑", "๔". */
const CODE_START = /^[A-Za-z]{1,2}\s?[0-9๐-๙]|^[0-9๐-๙]/;

/** The table's last row ends a cell with "ข้อ" and the first row on the new page opens the same column with its code. */
function codeAfterKho(placed: readonly Placed[][], own: readonly Placed[]): boolean {
  if (placed.length === 0) return false;
  const above = coveringCells(placed, placed.length - 1);
  return own.some((p) => KHO_END.test(cellText(above.get(p.col)).trim()) && CODE_START.test(firstText(p.cell)));
}

const squashed = (c: TableCell | undefined): string => cellText(c).replace(/\s+/g, '');

/**
 * A column repeating the same text on every row (a section's title) whose
 * last row holds only its start ("ประเด็นที่ ๒ การให้") and the first row
 * on the new page the rest ("บริการ"): the page cut that row.
 */
function completesRepeat(placed: readonly Placed[][], own: readonly Placed[]): boolean {
  if (placed.length < 2) return false;
  const last = coveringCells(placed, placed.length - 1);
  const before = coveringCells(placed, placed.length - 2);
  return own.some((p) => {
    const start = squashed(last.get(p.col));
    const rest = squashed(p.cell);
    const whole = squashed(before.get(p.col));
    return start !== '' && rest !== '' && last.get(p.col) !== before.get(p.col) && whole === start + rest;
  });
}

/**
 * Without a number column, a cut row shows by what it leaves out: its short
 * cells (who is responsible, the code) fitted on the page before, so
 * on the new page it has nothing in two or more columns that every data row
 * of the table (two at least) fills, while its long cells go on.
 */
function leavesFilledEmpty(placed: readonly Placed[][], rows: readonly TableRow[], own: readonly Placed[]): boolean {
  const data = rows.flatMap((r, i) => (r.header ? [] : [i]));
  if (data.length < 2) return false;
  // per row, the grid columns a cell with text covers (its own or one merged down from above)
  const filled = rows.map(() => new Set<number>());
  placed.forEach((cells, i) => {
    for (const { cell, col } of cells) {
      if (cellText(cell).trim() === '') continue;
      for (let r = i; r < Math.min(rows.length, i + Math.max(1, cell.rowspan)); r++) for (let k = 0; k < Math.max(1, cell.colspan); k++) filled[r]!.add(col + k);
    }
  });
  const gaps = own.filter((p) => p.cell.colspan === 1 && cellText(p.cell).trim() === '' && data.every((i) => filled[i]!.has(p.col)));
  return gaps.length >= 2;
}
