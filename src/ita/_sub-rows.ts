/**
 * Sub-rows: under a numbered measure, rows that number themselves as its
 * parts ("๑.๑", "๑.๒" in the number column; or an empty number column and a
 * measure cell starting "๑.๒", "(๑)", "๑)", "-", "•" with a period of its own).
 * Each is an entry of its own with the measure's number as `parentSeq`.
 * A row that only carries on the row above (no number of its own, or no
 * period of its own) is a continuation, not a sub-row; when unsure, none.
 */
import { cellText, type TableRow } from '../model/blocks.js';
import type { Entry, FieldRole } from '../model/schema.js';
import { toArabicDigits } from '../thai/digits.js';
import { type MarkColumn, isMark, markTexts } from './mark-columns.js';

export interface SubRow {
  parentSeq: number;
  /** The sub-row's own number ("๑.๒" → 2, "(๓)" → 3, "-" → null). */
  seq: number | null;
}

const DOTTED = /^\s*(\d{1,3})\s*\.\s*(\d{1,3})(?![\d,]|\.\d)/;
const PAREN = /^\s*(?:\(\s*(\d{1,2})\s*\)|(\d{1,2})\s*\))/;
const BULLET = /^\s*[-–•*●▪◦]\s*\S/;
/** A number cell holding just the number: "๑", "1.", "(๑)", "ข้อ ๑". */
const PLAIN = /^\s*(?:ข้อ\s*)?\(?\s*\d{1,3}\s*[.)]?\s*$/;
/** A measure cell starting with its own plain number: "๑. ให้ความรู้…", "1 ให้…" (not "1.1"). */
const PLAIN_START = /^\s*\d{1,3}\s*(?:[.)](?!\s*\d)|\s)/;

function textAt(r: TableRow, i: number): string {
  const c = i >= 0 ? r.cells[i] : undefined;
  return c ? toArabicDigits(cellText(c)) : '';
}

/** Where the row's own text starts: the first filled cell after the number column that holds a measure, step, issue or action. */
function leadCell(r: TableRow, roles: ReadonlyArray<FieldRole | null>, skip: number | null): number {
  // the measure cell is where a sub-row numbers itself; an issue column before it holds the item's text
  const m = roles.indexOf('measure');
  if (m >= 0 && m !== skip && textAt(r, m).trim() !== '') return m;
  const content = new Set<FieldRole>(['measure', 'steps', 'issue', 'action']);
  return roles.findIndex((role, i) => i !== skip && role !== null && content.has(role) && textAt(r, i).trim() !== '');
}

/** A row giving a period of its own: a filled period, start or end cell, or a mark under a month or quarter column. */
export function hasOwnPeriod(
  cells: readonly string[],
  roles: ReadonlyArray<FieldRole | null> | null,
  marks: ReadonlyArray<MarkColumn | null> | null,
): boolean {
  return cells.some((c, i) => {
    const role = roles?.[i];
    return ((role === 'period' || role === 'start' || role === 'end') && c.trim() !== '') || (marks?.[i] != null && isMark(c));
  });
}

/** How the parent wrote its number: a plain number in its number column or at the start of its measure. */
function parentIsPlain(parent: Entry): boolean {
  const own = toArabicDigits(parent.fields.seq ?? '');
  if (own) return PLAIN.test(own);
  return PLAIN_START.test(toArabicDigits(parent.fields.measure ?? parent.fields.issue ?? ''));
}

/**
 * The row as a sub-row of `parent` (the last numbered top-level row of the
 * table), or null. "๒.๙" under a section 2 whose rows are all numbered "๒.x"
 * is item 9 of the section, not a sub-row: the parent must have written a
 * plain number.
 */
export function subRowOf(
  r: TableRow,
  roles: ReadonlyArray<FieldRole | null>,
  parent: Entry | null,
  marks: ReadonlyArray<MarkColumn | null> | null = null,
  /** A section column: its text is the section's, not the row's. */
  sectionCol: number | null = null,
): SubRow | null {
  if (!parent || parent.seq === null || !parentIsPlain(parent)) return null;
  const all = r.cells.map(cellText).join(' ');
  if (/\(\s*ต่อ\s*\)/.test(all)) return null; // a marked continuation
  const si = roles.indexOf('seq');
  const numberCell = si >= 0 ? textAt(r, si) : '';
  const lead = leadCell(r, roles, sectionCol);
  if (lead < 0) return null;
  const leadText = textAt(r, lead);
  // "๑.๒" in the number column, or at the start of the measure when there is no number column
  const dotted = DOTTED.exec(si >= 0 ? numberCell : leadText);
  if (dotted && Number(dotted[1]) === parent.seq) return { parentSeq: parent.seq, seq: Number(dotted[2]) };
  // a number of its own in the number column makes a row of its own; so does a row without a period of its own
  if (numberCell.trim() !== '' || !hasOwnPeriod(markTexts(r, marks), roles, marks)) return null;
  // an empty number column (or none, the parent numbering its measure "๑. …"): the measure cell numbers itself
  const inner = DOTTED.exec(leadText);
  if (inner) return Number(inner[1]) === parent.seq ? { parentSeq: parent.seq, seq: Number(inner[2]) } : null;
  const paren = PAREN.exec(leadText);
  if (paren) return { parentSeq: parent.seq, seq: Number(paren[1] ?? paren[2]) };
  if (BULLET.test(leadText)) return { parentSeq: parent.seq, seq: null };
  return null;
}
