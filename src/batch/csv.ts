/**
 * CSV output: one line per entry, the document's fields repeated on each;
 * a document without entries (or an error) still gets one line.
 *
 * Formulas are neutralised (the OWASP rule for CSV injection): a text cell
 * that starts with = + - @, a tab or a carriage return gets a leading ' so
 * that a spreadsheet shows it as text instead of running it. A cell that is
 * a plain number ("-5", "87.35") is left as it is: it cannot be a formula.
 * `formulas: true` (the CLI's --csv-formulas) writes every cell unchanged.
 */
import { stringify } from 'csv-stringify/sync';
import type { Entry, ItaDocument } from '../model/schema.js';

export const CSV_COLUMNS = [
  'path', 'sha256', 'format', 'status', 'error_code', 'error_message',
  'title', 'organization', 'organization_kind', 'district', 'province',
  'fiscal_year', 'assessment_year', 'overall_score', 'level',
  'entry_index', 'entry_kind', 'part', 'section', 'seq', 'item_codes', 'score',
  'period_start', 'period_end', 'period_raw', 'responsible', 'entry_status', 'budget_baht', 'parent_seq',
  'issue', 'measure', 'steps', 'action', 'result', 'outcome', 'limitation', 'note',
  'page', 'line', 'text',
] as const;

function entryCells(e: Entry | null, i: number | null): Record<string, unknown> {
  if (!e) return {};
  const p = e.periods;
  return {
    entry_index: i,
    entry_kind: e.kind,
    part: e.part,
    section: e.section,
    seq: e.seq,
    item_codes: e.itemCodes.map((c) => c.code).join(' '),
    score: e.score,
    period_start: p[0]?.start ?? null,
    period_end: p[p.length - 1]?.end ?? null,
    period_raw: p.map((x) => x.raw).join('; '),
    responsible: e.responsible.join('; '),
    entry_status: e.status ?? null,
    budget_baht: e.budget?.baht ?? null,
    parent_seq: e.parentSeq ?? null,
    issue: e.fields.issue,
    measure: e.fields.measure,
    steps: e.fields.steps,
    action: e.fields.action,
    result: e.fields.result,
    outcome: e.fields.outcome,
    limitation: e.fields.limitation,
    note: e.fields.note,
    page: e.source.page,
    line: e.source.line,
    text: e.text,
  };
}

export function documentRows(d: ItaDocument): Array<Record<string, unknown>> {
  const doc = {
    path: d.source.path,
    sha256: d.source.sha256,
    format: d.source.format,
    status: d.status,
    error_code: d.error?.code,
    error_message: d.error?.message,
    title: d.title,
    organization: d.organization?.name,
    organization_kind: d.organization?.kind,
    district: d.organization?.district,
    province: d.organization?.province,
    fiscal_year: d.fiscalYear?.be,
    assessment_year: d.assessment.year,
    overall_score: d.assessment.overallScore,
    level: d.assessment.level,
  };
  if (d.entries.length === 0) return [{ ...doc, ...entryCells(null, null) }];
  return d.entries.map((e, i) => ({ ...doc, ...entryCells(e, i) }));
}

export interface CsvOptions {
  /** Write cells that start like a formula unchanged (default false: prefixed with '). */
  formulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A text cell as a spreadsheet should show it: a leading ' before what would start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** csv-stringify's cast for text cells, per the options. */
export function csvCast(o: CsvOptions = {}) {
  return { boolean: (b: boolean) => String(b), ...(o.formulas ? {} : { string: neutraliseFormula }) };
}

export function csvHeader(): string {
  return stringify([[...CSV_COLUMNS]]);
}

export function csvRows(d: ItaDocument, o: CsvOptions = {}): string {
  return stringify(documentRows(d), { columns: [...CSV_COLUMNS], cast: csvCast(o) });
}
