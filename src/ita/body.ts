/**
 * The body walk: blocks in document order → entries, section slots,
 * indicator scores, standalone dates and diagnostics. Tables give one entry
 * per data row; paragraphs that discuss an item give one entry each.
 * Section numbers are resolved afterwards (see sections-resolve.ts), when the
 * content under each heading is known.
 */
import { cellText, type Block, type TableBlock, type TableCell, type TableRow } from '../model/blocks.js';
import type { Diagnostic, Entry, FieldRole, IndicatorScore, Period, SourcePosition, Tool, DatedMention } from '../model/schema.js';
import { parseThaiPeriod, type ThaiPeriod } from '../thai/date.js';
import { toArabicDigits } from '../thai/digits.js';
import { findItemCodes, toolFromText, type CodeScan } from './codes.js';
import { columnRoles, looksLikeHeader } from './columns.js';
import { diagnostic } from './_diagnostics.js';
import { fieldsOf, rowText, scoreOf, seqOf } from './entry-fields.js';
import { indicatorRow, isIndicatorHeader } from './indicators.js';
import { splitResponsible } from './responsible.js';
import { recogniseSectionHeading } from './sections.js';
import { toGrid } from './grid.js';

/** A section heading as found, before its number is resolved. */
export interface SectionSlot {
  stated: number | null;
  matched: number | null;
  confidence: number;
  heading: string;
  source: SourcePosition;
  part: number;
}

export interface BodyResult {
  entries: Entry[];
  /** For each entry, the slot it sits under (null before any heading). */
  entrySlots: Array<SectionSlot | null>;
  slots: SectionSlot[];
  indicatorScores: IndicatorScore[];
  dates: DatedMention[];
  diagnostics: Diagnostic[];
}

interface State {
  fiscalYear: number | null;
  part: number;
  partHasEntries: boolean;
  slot: SectionSlot | null;
  headingTool: Tool | null;
  codeTool: Tool | null;
  /** Roles as the header names them, and as refined by the column contents. */
  headerRoles: Array<FieldRole | null> | null;
  roles: Array<FieldRole | null> | null;
  lastEntry: Entry | null;
  lastParagraphEntry: boolean;
  out: BodyResult;
}

const ORIGIN = 'ita/body';

export function walkBody(blocks: Block[], fiscalYear: number | null, bodyStart = 0): BodyResult {
  const out: BodyResult = { entries: [], entrySlots: [], slots: [], indicatorScores: [], dates: [], diagnostics: [] };
  const st: State = {
    fiscalYear,
    part: 1,
    partHasEntries: false,
    slot: null,
    headingTool: null,
    codeTool: null,
    headerRoles: null,
    roles: null,
    lastEntry: null,
    lastParagraphEntry: false,
    out,
  };
  blocks.forEach((b, i) => {
    if (b.type === 'table') walkTable(b, st);
    else walkText(b.text, b.source, b.type === 'heading' || b.bold, st, i >= bodyStart);
  });
  return out;
}

// ------------------------------------------------------------- text blocks

const PART_NUMBERED = /^([0-9๐-๙])\s*[.)]\s*(.*)$/;
const PART_WORDS = /วิเคราะห์ผลการประเมิน|ผลการดำเนินการ|ผลการดำเนินงาน|มาตรการส่งเสริม|ข้อเสนอแนะ/;
const RESULTS_HEADING = /^(ผลการดำเนินการ|ผลการดำเนินงาน|รายงานผลการดำเนิน)/;

function walkText(text: string, source: SourcePosition, emphasised: boolean, st: State, inBody: boolean): void {
  if (!text) return;
  const heading = recogniseSectionHeading(text);
  if (heading) {
    openSection(heading.stated, heading.match?.number ?? null, heading.match?.confidence ?? 0, heading.heading, source, st);
    return;
  }
  if (partHeading(text, st)) return;
  // a heading about one tool ("ข้อเสนอแนะสำหรับ…ภายใน (IIT)") sets the context; an item's own text mentioning
  // "ผู้มีส่วนได้ส่วนเสียภายนอก" in passing does not
  const tool = STARTS_WITH_CODE.test(text) ? null : toolFromText(text);
  if (tool) st.headingTool = tool;
  const scan = scanCodes(text, st);
  if (isParagraphEntry(text, scan)) {
    addEntry(paragraphEntry(text, scan, source, st), st.slot, st);
    st.lastParagraphEntry = true;
    return;
  }
  if (st.lastParagraphEntry && st.lastEntry && continuesParagraph(text, scan, emphasised)) {
    st.lastEntry.text += ` ${text}`;
    st.lastEntry.responsible = assignedUnits(st.lastEntry.text);
    return;
  }
  st.lastParagraphEntry = false;
  if (inBody) collectDates(text, source, st);
}

function openSection(stated: number | null, matched: number | null, confidence: number, heading: string, source: SourcePosition, st: State): void {
  st.lastParagraphEntry = false;
  const cur = st.slot;
  // the same heading repeated on a new page continues the section
  if (cur && cur.stated === stated && cur.matched === matched && cur.part === st.part) return;
  st.slot = { stated, matched, confidence, heading, source, part: st.part };
  st.out.slots.push(st.slot);
}

function partHeading(text: string, st: State): boolean {
  const t = text.replace(/\*\*/g, '').trim();
  const numbered = PART_NUMBERED.exec(t);
  if (numbered && PART_WORDS.test(numbered[2] ?? '') && t.length < 250) {
    const n = Number(toArabicDigits(numbered[1] ?? ''));
    if (n === st.part + 1 || (n === 1 && !st.partHasEntries)) {
      newPart(n, st);
      return true;
    }
  }
  if (RESULTS_HEADING.test(t) && t.length < 150 && st.partHasEntries && !/ข้อ\s/.test(t)) {
    newPart(st.part + 1, st);
    return true;
  }
  return false;
}

function newPart(n: number, st: State): void {
  st.part = n;
  st.partHasEntries = false;
  st.slot = null;
  st.roles = null;
  st.lastParagraphEntry = false;
}

/** Lead-in clauses after an item's discussion ("ทั้งนี้ ควรพัฒนา … ข้อ E๑๑ E๑๒ …") name items they do not discuss. */
const LEAD_IN = /ทั้งนี้/;

/** "…ได้แก่ ข้อ I๑๖, I๑๗ และ I๒๖ โดยมีรายละเอียดดังนี้": a list of the items discussed below. */
function isLeadIn(text: string, scan: CodeScan): boolean {
  if (/(?:ได้คะแนน|ค่าคะแนน)\s*[0-9๐-๙]/.test(text)) return false;
  return (scan.codes.length >= 2 && /ได้แก่|ดังนี้|ดังต่อไปนี้|คือ/.test(text)) || /(?:ดังนี้|ดังต่อไปนี้)\s*[:：]?\s*$/.test(text);
}

function isParagraphEntry(text: string, scan: CodeScan): boolean {
  if (scan.codes.length === 0 || isLeadIn(text, scan)) return false;
  const first = scan.codes[0]!;
  const startsWithCode = first.index <= 12 && /^[\s\-–•*]*(ข้อ|[IiEeOo๐1]|[0-9๐-๙])/.test(text);
  const discusses = /ได้คะแนน|ค่าคะแนน|ไม่ได้คะแนน/.test(text) || /ประเด็น/.test(text);
  return startsWithCode ? discusses || text.length > 60 : discusses && scan.codes.some((c) => c.index < leadInAt(text));
}

function leadInAt(text: string): number {
  const m = LEAD_IN.exec(text);
  return m ? m.index : Infinity;
}

function continuesParagraph(text: string, scan: CodeScan, emphasised: boolean): boolean {
  if (emphasised || scan.codes.length > 0 || scan.uncertain.length > 0) return false;
  return /^[\u0e01-\u0e2e\u0e40-\u0e44]/.test(text) && !RESULTS_HEADING.test(text) && !/^ข้อเสนอแนะ/.test(text) && text.length > 40;
}

function paragraphEntry(text: string, scan: CodeScan, source: SourcePosition, st: State): Entry {
  const cut = leadInAt(text);
  const codes = scan.codes.filter((c, k) => k === 0 || c.index < cut);
  reportUncertain(scan, source, st);
  return {
    kind: 'paragraph',
    text,
    section: null,
    part: st.part,
    seq: null,
    itemCodes: codes.map(({ index: _i, ...c }) => c),
    score: scoreOf(text),
    periods: [],
    responsible: assignedUnits(text),
    fields: {},
    source,
  };
}

/** "โดยมอบหมายให้ งานประชาสัมพันธ์ สำนักปลัด ดำเนินการ" → the units named. */
function assignedUnits(text: string): string[] {
  const m = /มอบหมาย(?:ให้)?\**\s*([^]*?)\s*(?:เป็นผู้)?ดำเนินการ/.exec(text);
  return m ? splitResponsible((m[1] ?? '').replace(/\*\*/g, '')) : [];
}

function collectDates(text: string, source: SourcePosition, st: State): void {
  for (const p of parseThaiPeriod(text, st.fiscalYear ? { fiscalYear: st.fiscalYear } : {})) {
    if (p.precision !== 'day' || !p.start) continue;
    st.out.dates.push({ raw: p.raw, iso: p.start, end: p.end !== p.start ? p.end : null, source });
  }
}

// ------------------------------------------------------------------ tables

function texts(r: TableRow): string[] {
  return r.cells.map(cellText);
}

function walkTable(table: TableBlock, st: State): void {
  st.lastParagraphEntry = false;
  const t = toGrid(table);
  const first = t.rows[0];
  if (!first) return;
  if (isIndicatorHeader(texts(first))) return walkIndicatorTable(t, st);
  let rows = t.rows;
  if (first.header || looksLikeHeader(texts(first))) {
    st.headerRoles = columnRoles(texts(first));
    // a header none of whose columns we know (another language, another kind of table) says nothing
    st.roles = st.headerRoles.some((r) => r !== null) ? st.headerRoles : null;
    rows = t.rows.slice(1);
    if (!st.roles) st.out.diagnostics.push(diagnostic('info', 'TABLE_COLUMNS_UNKNOWN', 'no known column in the header row: only rows citing item codes become entries', t.source, ORIGIN));
  } else if (!st.roles || st.roles.length !== first.cells.length) {
    st.roles = null;
    st.out.diagnostics.push(
      diagnostic('info', 'TABLE_COLUMNS_UNKNOWN', 'table without a recognisable header row: only rows citing item codes become entries', t.source, ORIGIN),
    );
  }
  if (st.roles) st.roles = refineRoles(st.roles, rows);
  rows.forEach((r, i) => {
    const cells = texts(r);
    if (st.roles && cells.length === st.roles.length && looksLikeHeader(cells)) {
      // a header repeated (perhaps re-wrapped) on a new page: keep the roles unless it names other columns
      const again = columnRoles(cells);
      if (again.join() !== st.headerRoles?.join()) {
        st.headerRoles = again;
        st.roles = refineRoles(again, rows.slice(i + 1));
      }
      return;
    }
    walkRow(r, st);
  });
}

function walkIndicatorTable(t: TableBlock, st: State): void {
  let tool: Tool | null = null;
  for (const r of t.rows.slice(1)) {
    const score = indicatorRow(texts(r), tool);
    if (score) {
      tool = score.tool;
      st.out.indicatorScores.push(score);
    }
  }
}

/** Share of a column's non-empty cells that are essentially a period. */
function periodShare(rows: TableRow[], col: number): number {
  let n = 0;
  let hits = 0;
  for (const r of rows) {
    const c = r.cells[col];
    const text = c ? cellText(c) : '';
    if (!text) continue;
    n++;
    const covered = parseThaiPeriod(text, { fiscalYear: 2560 }).reduce((k, p) => k + p.raw.length, 0);
    if (covered >= text.length * 0.5) hits++;
  }
  return n === 0 ? 0 : hits / n;
}

/**
 * Headers can name the wrong column (corpus 001 labels its dates
 * "การดำเนินการ"): when the period column holds no periods and another
 * column holds little else, the two swap roles.
 */
function refineRoles(roles: Array<FieldRole | null>, rows: TableRow[]): Array<FieldRole | null> {
  const p = roles.indexOf('period');
  const shares = roles.map((_, col) => periodShare(rows, col));
  const best = shares.reduce((b, s, col) => (s > (shares[b] ?? 0) ? col : b), 0);
  if ((p < 0 || (shares[p] ?? 0) < 0.3) && (shares[best] ?? 0) >= 0.6 && best !== p) {
    const next = [...roles];
    next[best] = 'period';
    if (p >= 0) next[p] = roles[best] ?? 'action';
    return next;
  }
  return roles;
}

function walkRow(r: TableRow, st: State): void {
  const cells = texts(r);
  const filled = cells.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
  if (filled.length === 0) return;
  if (filled.length === 1 || (r.cells.length === 1 && (r.cells[0]?.colspan ?? 1) > 1)) {
    const only = cells[filled[0]!] ?? '';
    const heading = recogniseSectionHeading(only);
    if (heading) {
      openSection(heading.stated, heading.match?.number ?? null, heading.match?.confidence ?? 0, heading.heading, r.source, st);
      return;
    }
    if (r.cells[filled[0]!]?.bold && filled[0] === 0) return; // a group heading row
  }
  if (st.lastEntry?.kind === 'row' && continuesRow(r, cells, st)) {
    mergeRow(st.lastEntry, r, st);
    st.out.diagnostics.push(diagnostic('info', 'TABLE_ROW_CONTINUED', 'row continues the previous row (page break)', r.source, ORIGIN));
    return;
  }
  const entry = rowEntry(r, st);
  if (!st.roles && entry.itemCodes.length === 0) return;
  addEntry(entry, st.slot, st);
}

function continuesRow(r: TableRow, cells: string[], st: State): boolean {
  const last = st.lastEntry!;
  if (/\(\s*ต่อ\s*\)/.test(cells.join(' '))) return true;
  // a row whose leading cells are empty carries on the row above
  const firstFilled = cells.findIndex((c) => c !== '');
  if (firstFilled > 0 && st.roles && st.roles[0] !== null && !cells[0]) return true;
  const seq = st.roles ? seqCellOf(r, st.roles) : null;
  return seq !== null && last.seq !== null && seqOf(seq, null) === last.seq && sameStart(cells, last, st);
}

function sameStart(cells: string[], last: Entry, st: State): boolean {
  const m = st.roles?.indexOf('measure') ?? -1;
  const mine = m >= 0 ? (cells[m] ?? '') : '';
  return mine.length > 10 && (last.fields.measure ?? '').replace(/\s/g, '').startsWith(mine.replace(/\s/g, '').slice(0, 15));
}

/** Where an entry writes its number: the ลำดับ column, else the start of its issue or measure cell. */
function seqCellOf(r: TableRow, roles: Array<FieldRole | null>): string | null {
  const at = (['seq', 'issue', 'measure'] as const).map((role) => roles.indexOf(role)).find((i) => i >= 0);
  const c = at === undefined ? undefined : r.cells[at];
  return c ? cellText(c) : null;
}

/**
 * Where a row's item codes are: its issue cell and any cell whose column has
 * no role (a bare "ข้อ" column); without those, its first cell. Measures and
 * steps only cross-reference items ("ตามข้อ ๔๒"), so they are not read.
 */
function codeCellOf(cells: TableCell[], roles: Array<FieldRole | null> | null): string {
  if (!roles) return cells.map(cellText).find(Boolean) ?? '';
  // without an issue column, the measure (or the first cell) says which item it answers
  const main = roles.includes('issue') ? 'issue' : roles.includes('measure') ? 'measure' : null;
  const firstContent = roles.findIndex((r) => r !== 'seq');
  const picked = cells
    .filter((_, k) => roles[k] === main || roles[k] === null || roles[k] === undefined || (main === null && k === firstContent))
    .map(cellText)
    .filter(Boolean);
  return picked.join('\t');
}

function rowEntry(r: TableRow, st: State): Entry {
  const roles = st.roles ?? r.cells.map(() => null);
  const codeText = codeCellOf(r.cells, st.roles);
  const scan = scanCodes(codeText, st);
  reportUncertain(scan, r.source, st);
  const fields = fieldsOf(r.cells, roles);
  const seqText = seqCellOf(r, roles);
  const ri = roles.indexOf('responsible');
  const units = ri >= 0 && r.cells[ri] ? splitResponsible(r.cells[ri].paragraphs) : [];
  // unit names are closed up unit by unit, not by the generic wrap repair
  if (units.length > 0) fields.responsible = units.join(' ');
  return {
    kind: 'row',
    text: rowText(r.cells),
    section: null,
    part: st.part,
    seq: seqText === null ? null : seqOf(seqText, st.slot?.stated ?? st.slot?.matched ?? null),
    itemCodes: scan.codes.map(({ index: _i, ...c }) => c),
    score: scoreOf(codeText),
    periods: fields.period ? periodsOf(fields.period, r.source, st) : [],
    responsible: units,
    fields,
    source: r.source,
  };
}

function mergeRow(e: Entry, r: TableRow, st: State): void {
  const roles = st.roles ?? [];
  const more = fieldsOf(r.cells, roles);
  for (const [role, text] of Object.entries(more) as Array<[FieldRole, string]>) {
    const have = e.fields[role];
    const cleaned = text.replace(/\s*\(\s*ต่อ\s*\)\s*/, '').trim();
    if (!have) e.fields[role] = cleaned;
    else if (have.replace(/\s/g, '') !== cleaned.replace(/\s/g, '') && cleaned) e.fields[role] = `${have}\n${cleaned}`;
  }
  e.text += `\n${rowText(r.cells)}`;
  const scan = scanCodes(codeCellOf(r.cells, st.roles), st);
  for (const { index: _i, ...c } of scan.codes) if (!e.itemCodes.some((x) => x.code === c.code)) e.itemCodes.push(c);
  const ri = roles.indexOf('responsible');
  if (ri >= 0 && r.cells[ri]) for (const u of splitResponsible(r.cells[ri].paragraphs)) if (!e.responsible.includes(u)) e.responsible.push(u);
}

function periodsOf(text: string, source: SourcePosition, st: State): Period[] {
  const found: ThaiPeriod[] = parseThaiPeriod(text, st.fiscalYear ? { fiscalYear: st.fiscalYear } : {});
  if (found.length === 0 && /[0-9๐-๙]|ตลอด|ไตรมาส/.test(text)) {
    st.out.diagnostics.push(diagnostic('info', 'PERIOD_UNPARSED', `no period read from "${text.slice(0, 80)}"`, source, ORIGIN));
  }
  return found.map((p) => {
    if (p.reversed) st.out.diagnostics.push(diagnostic('warning', 'PERIOD_REVERSED', `period "${p.raw}" ends before it starts`, source, ORIGIN, { actual: p.raw }));
    if (p.start === null && p.end === null) {
      st.out.diagnostics.push(diagnostic('warning', 'PERIOD_UNRESOLVED', `"${p.raw}" needs the report's fiscal year, which was not found`, source, ORIGIN));
    }
    const period: Period = { raw: p.raw, start: p.start, end: p.end, precision: p.precision };
    if (p.reversed) period.reversed = true;
    return period;
  });
}

const STARTS_WITH_CODE = /^[\s\-–•*]*(?:ข้อ\s*[A-Za-z]?\s?[0-9๐-๙]|[IiEeOo]\s?[0-9๐-๙])/;
const INLINE_TOOL = /\b(IIT|EIT|OIT)\b\s*\)?\s*(?:ข้อ|[IiEeOo]\s?[0-9๐-๙])/;

function inlineTool(text: string): Tool | null {
  return (INLINE_TOOL.exec(text)?.[1] as Tool | undefined) ?? null;
}

/**
 * Item codes of a text. The tool named by the heading above is firm context;
 * the tool of the previous rows' codes only settles bare numbers ("ข้อ ๑๒")
 * that the firm context left open, and never overrides a code's own form.
 */
function scanCodes(text: string, st: State): CodeScan {
  // a tool named right before a code ("EIT ข้อ ๑") is the firmest context
  const firmTool = inlineTool(text) ?? st.headingTool;
  const firm = findItemCodes(text, { tool: firmTool });
  if (firmTool || !st.codeTool || firm.uncertain.length === 0) return firm;
  const weak = findItemCodes(text, { tool: st.codeTool });
  const added = weak.codes.filter((c) => c.via === 'context' && !firm.codes.some((f) => f.code === c.code));
  const resolved = new Set(added.map((c) => c.index));
  return {
    codes: [...firm.codes, ...added].sort((a, b) => a.index - b.index),
    uncertain: firm.uncertain.filter((u) => !resolved.has(u.index)),
  };
}

function reportUncertain(scan: CodeScan, source: SourcePosition, st: State): void {
  for (const u of scan.uncertain) {
    st.out.diagnostics.push(
      diagnostic('warning', 'ITEM_CODE_UNCERTAIN', `"${u.raw}" may be an item code${u.guess ? ` (${u.guess}?)` : ''}: ${u.reason}`, source, 'ita/codes', {
        actual: u.raw,
        ...(u.guess ? { expected: u.guess } : {}),
      }),
    );
  }
}

function addEntry(e: Entry, slot: SectionSlot | null, st: State): void {
  st.out.entries.push(e);
  st.out.entrySlots.push(slot);
  st.lastEntry = e;
  st.partHasEntries = true;
  const explicit = e.itemCodes.find((c) => c.via === 'code');
  if (explicit) st.codeTool = explicit.tool;
  if (e.kind === 'row') st.lastParagraphEntry = false;
}
