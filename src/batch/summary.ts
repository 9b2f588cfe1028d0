/**
 * `--summary FILE.csv`: one line per document, for a first look in a
 * spreadsheet (UTF-8 with BOM, like the entry CSV, formulas neutralised as there). The batch also reads its
 * progress and log lines from these rows.
 */
import { stringify } from 'csv-stringify/sync';
import type { ItaDocument } from '../model/schema.js';
import { csvCast, type CsvOptions } from './csv.js';

export const SUMMARY_COLUMNS = [
  'path', 'status', 'error_code', 'error_message',
  'organization', 'province', 'fiscal_year', 'assessment_year', 'overall_score', 'level',
  'sections', 'section_numbers', 'item_codes', 'distinct_codes', 'entries', 'diagnostics', 'warnings',
  'format', 'pages', 'ocr', 'sha256', 'seconds',
] as const;

export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];
export type SummaryRow = Record<SummaryColumn, string | number | boolean | null>;

export function summaryRow(d: ItaDocument, seconds: number): SummaryRow {
  const codes = d.entries.flatMap((e) => e.itemCodes.map((c) => c.code));
  return {
    path: d.source.path,
    status: d.status,
    error_code: d.error?.code ?? null,
    error_message: d.error?.message ?? null,
    organization: d.organization?.name ?? null,
    province: d.organization?.province ?? null,
    fiscal_year: d.fiscalYear?.be ?? null,
    assessment_year: d.assessment.year,
    overall_score: d.assessment.overallScore,
    level: d.assessment.level,
    sections: d.sections.length,
    section_numbers: d.sections.map((s) => s.number).join(' '),
    item_codes: codes.length,
    distinct_codes: new Set(codes).size,
    entries: d.entries.length,
    diagnostics: d.diagnostics.length,
    warnings: d.diagnostics.filter((x) => x.severity !== 'info').length,
    format: d.source.format,
    pages: d.source.pages,
    ocr: d.source.ocr,
    sha256: d.source.sha256,
    seconds: Math.round(seconds * 1000) / 1000,
  };
}

export function summaryHeader(): string {
  return stringify([[...SUMMARY_COLUMNS]]);
}

/** One row, formulas neutralised as in the entry CSV (see csv.ts) unless `formulas`. */
export function summaryLine(row: SummaryRow, o: CsvOptions = {}): string {
  return stringify([row], { columns: [...SUMMARY_COLUMNS], cast: csvCast(o) });
}
