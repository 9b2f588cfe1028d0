/**
 * What a table row is, from which cells are filled, how their text starts
 * and what the columns mean: a data row, a sub-row of the numbered row above
 * (an entry of its own), a continuation of the row above across a page
 * break (merged into it), a section heading row, a repeated header, an
 * empty template row ("-", "…", blank), a note ("หมายเหตุ …"), or a group
 * heading over its rows ("แบบวัด…ภายใน (IIT)").
 */
import { cellText, type TableRow } from '../model/blocks.js';
import { toArabicDigits, toThaiDigits } from '../thai/digits.js';
import type { Entry, FieldRole } from '../model/schema.js';
import { looksLikeHeader } from './columns.js';
import { seqOf, seqOfNumberCell } from './entry-fields.js';
import { type MarkColumn, markTexts } from './mark-columns.js';
import { type SectionHeading, recogniseSectionHeading } from './sections.js';
import { type SubRow, hasOwnPeriod, subRowOf } from './_sub-rows.js';

export type RowKind = 'empty' | 'template' | 'header' | 'section' | 'note' | 'group' | 'continuation' | 'sub' | 'data';

export interface RowContext {
  /** Column roles in force (null: a table whose columns are not known). */
  roles: ReadonlyArray<FieldRole | null> | null;
  /** Month or quarter mark columns. */
  marks: ReadonlyArray<MarkColumn | null> | null;
  /** The second row of a two-row header, as headerKey() writes it, to know it again on a new page. */
  subHeader: string | null;
  /** A column holding the section of each row (rowspan or repeated), whose emptiness says nothing. */
  sectionCol: number | null;
  /** The last numbered top-level row: the parent of sub-rows. */
  parent: Entry | null;
  /** The last entry, when it came from a table row: what a continuation continues. */
  last: Entry | null;
  /** The row was one cell spanning the table before the grid padded it. */
  fullWidth: boolean;
}

export interface RowClass {
  kind: RowKind;
  /** For a section row. */
  heading?: SectionHeading;
  /** For a sub-row. */
  sub?: SubRow;
}

/** A header row's text for recognising it again: its cells, spaces left out. */
export function headerKey(cells: readonly string[]): string {
  return cells.map((c) => c.replace(/\s+/g, '')).join('|');
}

/** A template's empty cell: dashes, dots, an ellipsis, underscores. */
const PLACEHOLDER = /^[\s\-–—.…_]*$/;
/** A note row: "หมายเหตุ …", "* …", "ข้อสังเกต …". */
const NOTE = /^\s*(?:\*+|หมายเหตุ|ข้อสังเกต)/;

export function classifyRow(r: TableRow, ctx: RowContext): RowClass {
  const cells = r.cells.map(cellText);
  const filled = cells.map((c, i) => (c.trim() ? i : -1)).filter((i) => i >= 0);
  if (filled.length === 0) return { kind: 'empty' };
  if (filled.every((i) => PLACEHOLDER.test(cells[i]!))) return { kind: 'template' };
  if (ctx.subHeader !== null && headerKey(cells) === ctx.subHeader) return { kind: 'header' };
  if (ctx.roles && cells.length === ctx.roles.length && looksLikeHeader(cells)) return { kind: 'header' };
  const first = filled[0]!;
  const only = cells[first]!;
  if (filled.length === 1 || (r.cells.length === 1 && (r.cells[0]?.colspan ?? 1) > 1)) {
    const heading = recogniseSectionHeading(only);
    if (heading) return { kind: 'section', heading };
    if (NOTE.test(only)) return { kind: 'note' };
    // a group heading row, or a note spanning the table ("- ไม่มีประเด็นที่ต้องพัฒนา -")
    const group = (r.cells[first]?.bold && first === 0) || ctx.fullWidth || (first === 0 && cells.length >= 3 && !/[0-9๐-๙]/.test(only));
    if (group) return { kind: 'group' };
  }
  // a note written in the first cells with the rest blank
  if (NOTE.test(only) && !/^\s*\*\*/.test(only) && filled.length <= 2 && !hasOwnPeriod(markTexts(r, ctx.marks), ctx.roles, ctx.marks)) return { kind: 'note' };
  const sub = ctx.roles ? subRowOf(r, ctx.roles, ctx.parent, ctx.marks, ctx.sectionCol) : null;
  if (sub) return { kind: 'sub', sub };
  if (ctx.last?.kind === 'row' && continues(r, cells, ctx)) return { kind: 'continuation' };
  return { kind: 'data' };
}

/**
 * Does the row carry on the row above? A "(ต่อ)" mark; leading cells empty
 * (the number cell left blank, a section column's blank under its rowspan
 * aside); or the same number as the row above with the same start.
 */
function continues(r: TableRow, cells: string[], ctx: RowContext): boolean {
  const last = ctx.last!;
  if (/\(\s*ต่อ\s*\)/.test(cells.join(' '))) return true;
  const roles = ctx.roles;
  // the first column with a role (a bare "ข้อ" code column before it has none) left blank
  const lead = roles ? cells.findIndex((_, i) => i !== ctx.sectionCol && roles[i] !== null) : -1;
  const firstFilled = cells.findIndex((c, i) => i !== ctx.sectionCol && c !== '');
  if (roles && lead >= 0 && firstFilled > lead && !cells[lead]) return true;
  if (restOfNumberedRow(r, cells, ctx)) return true;
  const seq = roles ? seqCellOf(r, roles) : null;
  return seq !== null && last.seq !== null && (roles?.includes('seq') ? seqOfNumberCell : seqOf)(seq, null) === last.seq && sameStart(cells, last, roles);
}

/** Text that opens a row of its own: a number ("๑.๑", "(๒)"), a bullet or a dash. */
const OWN_START = /^\s*(?:[0-9๐-๙]+\s*[.)]|\(\s*[0-9๐-๙]+\s*\)|[-•–●○▪➢*])/;

/**
 * The number cell left blank under a numbered row (wherever the number
 * column stands), no period of its own, no cell opening as a row of its own,
 * and only some of the columns the row above filled: the rest of that row
 * after a page break.
 */
function restOfNumberedRow(r: TableRow, cells: string[], ctx: RowContext): boolean {
  const roles = ctx.roles;
  const last = ctx.last!;
  if (!roles || last.seq === null) return false;
  const si = roles.indexOf('seq');
  if (si < 0 || cells[si] || hasOwnPeriod(markTexts(r, ctx.marks), roles, ctx.marks)) return false;
  const filled = cells.map((c, i) => ({ c, role: roles[i] })).filter(({ c }, i) => c !== '' && i !== ctx.sectionCol);
  if (filled.length === 0 || filled.some(({ c }) => OWN_START.test(c))) return false;
  const lastFilled = Object.values(last.fields).filter((v) => v && v.trim() !== '').length;
  return filled.length < lastFilled && filled.every(({ role }) => role !== null && role !== undefined && !!last.fields[role]);
}

function sameStart(cells: string[], last: Entry, roles: ReadonlyArray<FieldRole | null> | null): boolean {
  const m = roles?.indexOf('measure') ?? -1;
  const mine = m >= 0 ? (cells[m] ?? '') : '';
  // measures often open with the same words ("มีการประเมินความเสี่ยง…"): the start must be long to be the same measure
  return mine.length > 10 && (last.fields.measure ?? '').replace(/\s/g, '').startsWith(mine.replace(/\s/g, '').slice(0, 40));
}

/** Where an entry writes its number: the ลำดับ column, else the start of its issue or measure cell. */
export function seqCellOf(r: TableRow, roles: ReadonlyArray<FieldRole | null>, sectionCol: number | null = null): string | null {
  const text = (role: FieldRole) => {
    const c = roles.includes(role) ? r.cells[roles.indexOf(role)] : undefined;
    return c ? cellText(c) : null;
  };
  if (roles.includes('seq')) return text('seq');
  // no number column: the issue cell, unless it holds no number and the measure does ("๑. พัฒนา…" beside "ข้อ E๑๑ …");
  // an issue column that names the section ("๑. กระบวนการปฏิบัติงาน…", merged down its rows) numbers the section, not the row
  const issue = sectionCol !== null && roles.indexOf('issue') === sectionCol ? null : text('issue');
  const measure = text('measure');
  if (issue !== null && (measure === null || seqOf(issue, null) !== null || !numbersItself(measure))) return issue;
  return measure;
}

/** A cell starting with its own number ("๑. พัฒนา…"), not a list of steps ("๑. เผยแพร่… ๒. รายงาน…"). */
function numbersItself(text: string): boolean {
  const n = seqOf(text, null);
  if (n === null) return false;
  const next = toArabicDigits(String(n + 1));
  return !new RegExp(`(?:^|\\s)(?:${next}|${toThaiDigits(next)})\\s*[.)]\\s`).test(text.slice(2));
}
