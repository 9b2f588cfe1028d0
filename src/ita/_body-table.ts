/**
 * Tables in the body walk: header rows and column roles (refined by what the
 * columns hold), headers repeated on new pages, section headings inside
 * tables, rows continued across a page, one entry per data row, and
 * indicator score tables.
 */
import { twoLinePeriod } from './period-cell.js';
import { cellText, type TableBlock, type TableCell, type TableRow } from '../model/blocks.js';
import type { Entry, FieldRole } from '../model/schema.js';
import { toolFromText } from './codes.js';
import { looksLikeHeader } from './columns.js';
import { diagnostic } from './_diagnostics.js';
import { parseThaiNumber } from '../thai/number.js';
import { fieldsOf, rowText, scoreOf, seqOf, seqOfNumberCell } from './entry-fields.js';
import { isCaptionRow, toGrid } from './grid.js';
import { markColumns, markPeriods, markTexts } from './mark-columns.js';
import { indicatorRow, isIndicatorHeader, looksLikeIndicatorRows } from './indicators.js';
import { walkCarriedIndicatorRows, walkIndicatorTable } from './_body-indicators.js';
import { refineRoles } from './_column-refine.js';
import { splitResponsible } from './responsible.js';
import { budgetFromCell, budgetFromText, statusColumns, statusColumnsByContent, statusFromColumns, statusFromWords } from './entry-status.js';
import { recogniseSectionHeading } from './sections.js';
import { classifyRow, headerKey, seqCellOf } from './rows.js';
import { isSubHeader, keepsMarks, markedHeader, mergeHeaderRows, rolesBesideStatus } from './_table-header.js';
import { toArabicDigits } from '../thai/digits.js';
import { ORIGIN, addEntry, openSection, periodsOf, reportUncertain, scanCodes, type State } from './_body-state.js';

function texts(r: TableRow): string[] {
  return r.cells.map(cellText);
}

/** The row's filled cells' texts as one cell spanning the row. */
function asOneCell(r: TableRow): TableRow {
  const text = texts(r).filter((c) => c.trim() !== '').join(' ');
  return { ...r, cells: [{ paragraphs: [text], bold: r.cells.every((c) => c.bold || cellText(c) === ''), colspan: r.cells.length, rowspan: 1 }] };
}

/** A row of a few words: at most two cells filled, none with more than 80 characters. */
function stub(r: TableRow): boolean {
  const filled = texts(r).filter((c) => c.trim() !== '');
  return filled.length <= 2 && filled.every((c) => c.length <= 80);
}

export function walkTable(table: TableBlock, st: State): void {
  st.lastParagraphEntry = false;
  let t = toGrid(table);
  // right after an indicator score table, its rows the reader set apart (its header printed as a table of its own,
  // its last rows carried over a page break onto the top of the next table) are read as its rows
  if (st.indicatorWidth !== null) {
    const rest = walkCarriedIndicatorRows(t, st);
    if (!rest) return;
    t = rest;
  }
  // rows that are one cell spanning the table, before the grid pads them
  const fullWidth = new Set(table.rows.filter(isCaptionRow).map((r) => r.source));
  // caption rows above the header (an issue's heading over a table of its own) are read as rows, then the header
  let lead = 0;
  const caption = (r: TableRow) => fullWidth.has(r.source) || (cellText(r.cells[0]!) !== '' && texts(r).filter(Boolean).length === 1);
  while (lead < Math.min(3, t.rows.length - 1) && caption(t.rows[lead]!)) lead++;
  const isHeader = (r: TableRow | undefined) => !!r && ((r.header && markedHeader(texts(r))) || looksLikeHeader(texts(r)));
  // on a scan, the rest of a row the page break cut (a few words in one column) and a heading read into the
  // table may stand above the header: when the header follows within three rows, they are read as the rows
  // of the table before it (or as captions), and the header below them sets the columns
  const scanned = t.source.ocrConfidence !== undefined;
  let before = lead;
  if (scanned && !isHeader(t.rows[0]) && !isHeader(t.rows[lead])) {
    for (let k = 1; k <= Math.min(3, t.rows.length - 1); k++) if (isHeader(t.rows[k]) && t.rows.slice(0, k).every(stub)) { before = k; break; }
  }
  if (before > lead) {
    // each as one line across the table (a heading cut into two cells by the grid is read whole)
    for (const r of t.rows.slice(0, before)) walkRow(asOneCell(r), st, true);
    t = { ...t, rows: t.rows.slice(before) };
  } else if (lead > 0 && isHeader(t.rows[lead])) {
    for (const r of t.rows.slice(0, lead)) walkRow(r, st, true);
    t = { ...t, rows: t.rows.slice(lead) };
  }
  const first = t.rows[0];
  if (!first) return;
  if (isIndicatorHeader(texts(first))) return walkIndicatorTable(t, st);
  // an indicator score table whose header OCR garbled (or that has none): its rows say what it is
  if (!looksLikeHeader(texts(first)) && looksLikeIndicatorRows(t.rows.map(texts))) {
    return walkIndicatorTable(indicatorRow(texts(first), null) ? { ...t, rows: [first, ...t.rows] } : t, st);
  }
  st.indicatorWidth = null;
  let rows = t.rows;
  if ((first.header && markedHeader(texts(first))) || looksLikeHeader(texts(first))) {
    const sub = t.rows[1] && isSubHeader(texts(first), texts(t.rows[1])) ? texts(t.rows[1]) : null;
    const headers = sub ? mergeHeaderRows(texts(first), sub) : texts(first);
    if (sub) rows = t.rows.slice(1); // the sub-header row is dropped with the header below
    st.subHeader = sub ? headerKey(sub) : null;
    const sectionCol = st.sectionCol;
    st.sectionCol = null;
    st.headerTexts = headers;
    // month or quarter columns; a table continued with only the top row of its header keeps those found under it
    st.markCols = markColumns(headers) ?? (keepsMarks(headers, st.markCols) ? st.markCols : null);
    // a table continued on a new page repeats only the top row of a two-row header: the status columns found under it stay
    const own = statusColumns(headers);
    const same = !own && st.statusCols?.length === headers.length && rolesBesideStatus(headers, st.statusCols, st.markCols).join() === st.headerRoles?.join();
    st.statusCols = own ?? (same ? st.statusCols : null);
    const roles = rolesBesideStatus(headers, st.statusCols, st.markCols);
    // the same header on a new page continues the table: sub-rows may go on under the last numbered row
    if (roles.join() !== st.headerRoles?.join()) st.parentRow = null;
    // and its section column stays one (a row cut by the break shows its section again beside its rest)
    else st.sectionCol = sectionCol;
    st.headerRoles = roles;
    // a header none of whose columns we know (another language, another kind of table) says nothing
    st.roles = st.headerRoles.some((r) => r !== null) ? st.headerRoles : null;
    rows = rows.slice(1);
    st.afterHeader = true;
    if (!st.roles) st.out.diagnostics.push(diagnostic('info', 'TABLE_COLUMNS_UNKNOWN', 'no known column in the header row: only rows citing item codes become entries', t.source, ORIGIN));
  } else if (!st.roles || st.roles.length !== first.cells.length) {
    st.roles = null;
    st.statusCols = null;
    st.markCols = null;
    st.out.diagnostics.push(
      diagnostic('info', 'TABLE_COLUMNS_UNKNOWN', 'table without a recognisable header row: only rows citing item codes become entries', t.source, ORIGIN),
    );
  }
  if (st.roles) st.roles = refineRoles(st.roles, rows);
  if (st.roles) st.statusCols = statusColumnsByContent(rows.map(texts), st.statusCols);
  rows.forEach((r, i) => {
    // the header printed again above this row and dropped by the reader
    if (r.resumed) st.afterHeader = true;
    const top = texts(r);
    // the second row of a two-row header repeated on a new page names only some columns: it changes none
    if (st.subHeader !== null && headerKey(top) === st.subHeader) return;
    if (st.roles && top.length === st.roles.length && looksLikeHeader(top)) {
      // a two-row header repeated in full: read with its second row, as at the table's top
      st.afterHeader = true;
      const next = rows[i + 1];
      const cells = next && isSubHeader(top, texts(next)) ? mergeHeaderRows(top, texts(next)) : top;
      // a header repeated (perhaps re-wrapped) on a new page: keep the roles unless it names other columns
      // (a repeated two-row header shows only its top row here: the status columns found under it stay)
      const statusCols = statusColumns(cells) ?? st.statusCols;
      const markCols = markColumns(cells) ?? (keepsMarks(cells, st.markCols) ? st.markCols : null);
      const again = rolesBesideStatus(cells, statusCols, markCols);
      if (again.join() !== st.headerRoles?.join()) {
        st.headerRoles = again;
        st.roles = refineRoles(again, rows.slice(i + 1));
        st.statusCols = statusCols;
        st.markCols = markCols;
      }
      return;
    }
    walkRow(r, st, fullWidth.has(r.source));
  });
}

function walkRow(r: TableRow, st: State, fullWidth: boolean): void {
  const c = classifyRow(r, {
    roles: st.roles,
    marks: st.markCols,
    subHeader: st.subHeader,
    sectionCol: st.sectionCol,
    parent: st.parentRow,
    last: st.lastEntry?.kind === 'row' ? st.lastEntry : null,
    fullWidth,
  });
  switch (c.kind) {
    case 'empty':
    case 'template':
    case 'note':
    case 'header':
      return;
    case 'section': {
      const h = c.heading!;
      openSection(h.stated, h.match?.number ?? null, h.match?.confidence ?? 0, h.heading, r.source, st);
      return;
    }
    case 'group': {
      // a group names the tool of the rows below it
      const tool = toolFromText(r.cells.map(cellText).find(Boolean) ?? '');
      if (tool) st.headingTool = tool;
      return;
    }
    case 'continuation':
      mergeRow(st.lastEntry!, r, st);
      st.out.diagnostics.push(diagnostic('info', 'TABLE_ROW_CONTINUED', 'row continues the previous row (page break)', r.source, ORIGIN));
      return;
    case 'sub':
    case 'data': {
      const entry = rowEntry(r, st);
      if (!st.roles && entry.itemCodes.length === 0) return;
      if (c.sub) {
        entry.seq = c.sub.seq;
        entry.parentSeq = c.sub.parentSeq;
      } else st.parentRow = entry.seq !== null ? entry : null;
      addEntry(entry, st.slot, st);
    }
  }
}

/**
 * Where a row's item codes are: its issue cell (or, without one, its measure
 * and สาเหตุ cells) and any cell whose column has no role (a bare "ข้อ"
 * column); without those, its first cell. Measures and
 * steps only cross-reference items ("ตามข้อ ๔๒"), so they are not read.
 */
function codeCellOf(cells: TableCell[], allRoles: Array<FieldRole | null> | null, marks: State['markCols'], sectionCol: number | null = null): { text: string; codeCells: number[] } {
  if (!allRoles) return { text: cells.map(cellText).find(Boolean) ?? '', codeCells: [] };
  // a section column is no issue column: it names the section, not the item
  const roles = allRoles.map((r, k) => (k === sectionCol ? 'section-column' : r));
  // without an issue column, the measure (or the first cell) says which item it answers, and a สาเหตุ column
  // describing the weakness quotes its item as an issue column would ("… (ข้อ I๑)")
  const main = roles.includes('issue') ? 'issue' : roles.includes('measure') ? 'measure' : null;
  const weakness = !roles.includes('issue') && roles.includes('cause') ? 'cause' : null;
  const firstContent = roles.findIndex((r) => r !== 'seq');
  const picked = cells
    // an issue cell opening with a code reads it as a code column's would ("๐๕-๐๙": a scan's O๕-O๙ without its ข้อ)
    .map((c, k) => ({ text: cellText(c), code: roles[k] === 'code' || roles[k] === 'issue' }))
    .filter(
      ({ text }, k) =>
        text !== '' &&
        !marks?.[k] &&
        (roles[k] === main || roles[k] === weakness || roles[k] === 'code' || roles[k] === null || roles[k] === undefined || (main === null && k === firstContent)),
    );
  // where the cells of the code column (and the issue column) begin: read as after ข้อ (OCR's "๐๒๓" for O๒๓
  // has no ข้อ to anchor it)
  const codeCells: number[] = [];
  let at = 0;
  for (const p of picked) {
    if (p.code) codeCells.push(at);
    at += p.text.length + 1;
  }
  return { text: picked.map((p) => p.text).join('\t'), codeCells };
}

/** The score a row cites: in a score column, in its issue text, or in brackets when the issue column's header says (คะแนน). */
function rowScore(r: TableRow, roles: Array<FieldRole | null>, codeText: string, st: State): number | null {
  const si = roles.indexOf('score');
  const scoreText = si >= 0 && r.cells[si] ? cellText(r.cells[si]) : '';
  // "๘๓.๖๕ / ๘๖.๑๐" for two items: the first
  const fromColumn = scoreText ? parseThaiNumber(/[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2})?/.exec(scoreText)?.[0] ?? '') : null;
  if (fromColumn !== null && fromColumn >= 0 && fromColumn <= 100) return fromColumn;
  const named = scoreOf(codeText);
  if (named !== null) return named;
  const ii = roles.indexOf('issue');
  if (ii >= 0 && /คะแนน/.test(st.headerTexts?.[ii] ?? '')) {
    const m = /\(\s*([0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2})?)\s*\)/.exec(cellText(r.cells[ii]!));
    const n = m ? parseThaiNumber(m[1] ?? '') : null;
    if (n !== null && n <= 100) return n;
  }
  return null;
}

/** Periods from a period column, or from separate start and end columns. */
function rowPeriods(fields: Entry['fields'], r: TableRow, st: State): Entry['periods'] {
  if (fields.period) {
    // a start and an end on two lines of the cell: one range, its raw text the cell's lines
    const joined = twoLinePeriod(fields.period, st.fiscalYear);
    if (!joined) return periodsOf(fields.period, r.source, st);
    return periodsOf(joined, r.source, st).map((p) => ({ ...p, raw: fields.period!.replace(/\n/g, ' ') }));
  }
  if (st.markCols && !fields.start && !fields.end) return markPeriods(markTexts(r, st.markCols), st.markCols, st.fiscalYear);
  if (!fields.start && !fields.end) return [];
  const start = fields.start ? periodsOf(fields.start, r.source, st)[0] : undefined;
  const end = fields.end ? periodsOf(fields.end, r.source, st)[0] : undefined;
  const raw = [fields.start, fields.end].filter(Boolean).join(' – ');
  const one = start ?? end;
  if (!one) return [];
  const precision = start && end && (start.precision === 'month' || end.precision === 'month') ? 'month' : one.precision;
  return [{ raw, start: start?.start ?? end?.start ?? null, end: end?.end ?? start?.end ?? null, precision }];
}

/** A cell of a ประเด็น column that names the section ("1. กระบวนการปฏิบัติงาน…" on a group's first row). */
function sectionCell(r: TableRow, roles: Array<FieldRole | null>, st: State): boolean {
  for (let i = 0; i < r.cells.length; i++) {
    if (roles[i] !== null && roles[i] !== 'issue') continue;
    const text = cellText(r.cells[i]!);
    // a "ประเด็นที่" column beside a number column, holding the number alone on its group's first row
    const bare = /^\s*([1-7๑-๗])\s*[.)]?\s*$/.exec(text);
    if (bare && roles.includes('seq') && /ประเด็น/.test(st.headerTexts?.[i] ?? '')) {
      const n = Number(toArabicDigits(bare[1]!));
      openSection(n, null, 0, text.trim(), r.source, st, true);
      st.sectionCol = i;
      return true;
    }
    const heading = recogniseSectionHeading(text);
    // a numbered heading, or a cell that is an issue's title and nothing else (a section column of titles)
    if (heading && (heading.stated !== null || heading.match !== null)) {
      openSection(heading.stated, heading.match?.number ?? null, heading.match?.confidence ?? 0, heading.heading, r.source, st, true);
      st.sectionCol = i;
      return true;
    }
  }
  return false;
}

function rowEntry(r: TableRow, st: State): Entry {
  const roles = st.roles ?? r.cells.map(() => null);
  if (st.roles) sectionCell(r, roles, st);
  const { text: codeText, codeCells } = codeCellOf(r.cells, st.roles, st.markCols, st.sectionCol);
  const scan = scanCodes(codeText, st, codeCells);
  reportUncertain(scan, r.source, st);
  const ri = roles.indexOf('responsible');
  const units = ri >= 0 && r.cells[ri] ? splitResponsible(r.cells[ri].paragraphs) : [];
  // unit names are closed up unit by unit, not by the generic wrap repair
  const fields = fieldsOf(r.cells, roles, units.length > 0 ? 'responsible' : undefined);
  if (units.length > 0) fields.responsible = units.join(' ');
  const seqText = seqCellOf(r, roles, st.sectionCol);
  return {
    kind: 'row',
    text: rowText(r.cells),
    section: null,
    part: st.part,
    seq: seqText === null ? null : (roles.includes('seq') ? seqOfNumberCell : seqOf)(seqText, st.slot?.stated ?? st.slot?.matched ?? null),
    itemCodes: scan.codes.map(({ index: _i, ...c }) => c),
    score: rowScore(r, roles, codeText, st),
    periods: rowPeriods(fields, r, st),
    responsible: units,
    ...statusAndBudget(r, fields, st),
    parentSeq: null,
    fields,
    source: r.source,
  };
}

/**
 * Fields whose words may state a row's status: its result and note (a สถานะ
 * column is a note), not the steps or actions of a plan ("ดำเนินการแล้ว
 * รายงานผู้บริหาร" is a step: do it, then report).
 */
const STATUS_FIELDS: readonly FieldRole[] = ['result', 'note'];
/** Fields whose words may state a row's budget (not its issue or its problems). */
const BUDGET_FIELDS: readonly FieldRole[] = ['measure', 'steps', 'action', 'result', 'note'];

/** A row's status (status columns, else the words of its result) and budget (budget column, else a phrase). */
function statusAndBudget(r: TableRow, fields: Entry['fields'], st: State): Pick<Entry, 'status' | 'budget'> {
  const fromColumns = st.statusCols ? statusFromColumns(texts(r), st.statusCols) : null;
  const words = STATUS_FIELDS.map((f) => fields[f] ?? '').filter(Boolean).join('\n');
  const status = fromColumns ?? (st.roles ? statusFromWords(words) : null);
  const hasBudgetColumn = st.roles?.includes('budget') ?? false;
  const budget = hasBudgetColumn
    ? budgetFromCell(fields.budget ?? '')
    : st.roles
      ? budgetFromText(BUDGET_FIELDS.map((f) => fields[f] ?? '').filter(Boolean).join('\n'))
      : null;
  return { status, budget };
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
  // a status mark or an amount may stand on the continued part
  const more2 = statusAndBudget(r, e.fields, st);
  e.status ??= more2.status;
  e.budget ??= more2.budget;
  const code = codeCellOf(r.cells, st.roles, st.markCols, st.sectionCol);
  const scan = scanCodes(code.text, st, code.codeCells);
  for (const { index: _i, ...c } of scan.codes) if (!e.itemCodes.some((x) => x.code === c.code)) e.itemCodes.push(c);
  const ri = roles.indexOf('responsible');
  if (ri >= 0 && r.cells[ri]) for (const u of splitResponsible(r.cells[ri].paragraphs)) if (!e.responsible.includes(u)) e.responsible.push(u);
}
