/**
 * The output contract (schemaVersion 1), as zod schemas. These are the only
 * source of the output types: everything else infers from them.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

export const FormatSchema = z.enum(['pdf', 'docx', 'html', 'markdown', 'text']);
export const ToolSchema = z.enum(['IIT', 'EIT', 'OIT']);
export const PrecisionSchema = z.enum(['day', 'month', 'year']);
export const OrganizationKindSchema = z.enum([
  'เทศบาลนคร',
  'เทศบาลเมือง',
  'เทศบาลตำบล',
  'องค์การบริหารส่วนตำบล',
  'องค์การบริหารส่วนจังหวัด',
  'other',
]);

/** Where something stands in the input: page (null without pages) and line (1-based). */
export const SourcePositionSchema = z.object({
  page: z.number().int().positive().nullable(),
  line: z.number().int().positive().nullable(),
  /** Text read by OCR: the recognition confidence of the block it came from, 0–1. Absent for text from a text layer or a text format. */
  ocrConfidence: z.number().min(0).max(1).optional(),
});

export const ErrorCodeSchema = z.enum([
  'EMPTY_INPUT',
  'UNSUPPORTED_FORMAT',
  'CORRUPT_FILE',
  'ENCRYPTED_PDF',
  'TOO_LARGE',
  'READ_FAILED',
  /** An archive entry whose name leaves its folder (zip-slip: "../", an absolute path) or that is a link: never read. */
  'UNSAFE_ARCHIVE_ENTRY',
  /** An archive entry that is encrypted (the zip's encryption flag): not read. */
  'ENCRYPTED_ENTRY',
  /** A symbolic link in a folder that leads out of it: not followed without --follow-symlinks. */
  'UNSAFE_LINK',
  'NOT_ITA_REPORT',
  'TIMEOUT',
  'INVALID_OUTPUT',
  'INTERNAL_ERROR',
  /** Database mode: every worker that started this document stopped without a result (killed, or a crash that took the process down), as often as the submission allowed. */
  'WORKER_CRASHED',
]);

export const DiagnosticCodeSchema = z.enum([
  'SECTION_TITLE_MISMATCH',
  'SECTION_HEADING_FUZZY',
  'SECTION_INFERRED',
  'SECTION_OUT_OF_ORDER',
  'ITEM_CODE_UNCERTAIN',
  'ITEM_CODE_FROM_CONTEXT',
  /** A code taken from the question the entry quotes (item catalogue), or a code that does not exist in the assessment year. */
  'ITEM_CODE_FROM_CATALOGUE',
  'ITEM_CODE_UNKNOWN',
  'PERIOD_REVERSED',
  'PERIOD_UNRESOLVED',
  'PERIOD_UNPARSED',
  /** OCR: a period's years were unreadable; its months were placed in the report's fiscal year. */
  'PERIOD_YEAR_FROM_CONTEXT',
  /** A period's year is far from the report's fiscal year (more than 5 years) or outside 2550–2580 BE: often OCR's misreading (๒๕๖๕ read as ๒๕๒๑). */
  'PERIOD_YEAR_IMPLAUSIBLE',
  'FISCAL_YEAR_MISSING',
  'FISCAL_YEAR_CONFLICT',
  'ORGANIZATION_MISSING',
  /** A phrase after จังหวัด / จ. (or อำเภอ / อ. / เขต) that names no real province (district of that province): the field is left null. */
  'PROVINCE_UNKNOWN',
  'DISTRICT_UNKNOWN',
  /** A province name read through one differing letter or mark (OCR): the real name is given. */
  'PLACE_NAME_FUZZY',
  /** A score outside 0–100, or an overall score outside the band of the level written with it (AA 95–100 … F below 50; ผ่าน 85 or more): a misread score or level. */
  'SCORE_OUT_OF_RANGE',
  'TABLE_ROW_CONTINUED',
  'TABLE_COLUMNS_UNKNOWN',
  /** DOCX: tables nested deeper than the reader follows; the deeper ones were read as paragraphs of the cell holding them. */
  'TABLE_NESTING_FLATTENED',
  'TEXT_LAYER_BROKEN',
  /** PDF: a page that draws more than the work budget allows, or whose image declares more pixels than the limit: not read, not OCRed. */
  'PAGE_TOO_LARGE',
  'NO_ENTRIES',
  /** OCR: a page read with low confidence, a number left as read because no reading was sure, a number re-read from its glyphs, a page OCR could not read, a page with no text. */
  'OCR_LOW_CONFIDENCE',
  'OCR_NUMBER_UNCERTAIN',
  'OCR_NUMBER_REPAIRED',
  'OCR_FAILED',
  'OCR_EMPTY_PAGE',
  /** OCR: the page was read turned (a scan lying on its side). */
  'OCR_PAGE_ROTATED',
  /** A recognised element that failed the output schema (a recogniser's slip): left out, the rest of the document kept. */
  'OUTPUT_FIELD_DROPPED',
]);

export const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: DiagnosticCodeSchema,
  message: z.string(),
  /** The recogniser that raised it (e.g. "ita/sections"). */
  origin: z.string().nullable(),
  source: SourcePositionSchema.nullable(),
  actual: z.string().nullable().optional(),
  expected: z.string().nullable().optional(),
});

export const ErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });

export const DocumentSourceSchema = z.object({
  /** As given; "!/" separates an archive from its entry. */
  path: z.string().nullable(),
  /** Of the input bytes; null when the file could not be read. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  format: FormatSchema.nullable(),
  pages: z.number().int().nonnegative().nullable(),
  ocr: z.boolean(),
});

export const OrganizationSchema = z.object({
  name: z.string(),
  kind: OrganizationKindSchema,
  district: z.string().nullable(),
  province: z.string().nullable(),
});

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const FiscalYearSchema = z.object({
  be: z.number().int(),
  ce: z.number().int(),
  start: isoDate,
  end: isoDate,
});

export const IndicatorScoreSchema = z.object({
  tool: ToolSchema.nullable(),
  indicator: z.number().int().positive(),
  name: z.string().nullable(),
  score: z.number().nullable(),
});

export const AssessmentSchema = z.object({
  year: z.number().int().nullable(),
  overallScore: z.number().nullable(),
  level: z.string().nullable(),
  indicatorScores: z.array(IndicatorScoreSchema),
});

export const SectionSchema = z.object({
  number: z.number().int().min(1).max(7),
  title: z.string(),
  heading: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  source: SourcePositionSchema.nullable(),
});

export const ItemCodeSchema = z.object({
  code: z.string().regex(/^[ieo]\d+$/),
  tool: ToolSchema,
  item: z.number().int().positive(),
  raw: z.string(),
  confidence: z.number().min(0).max(1),
  via: z.enum(['code', 'catalogue', 'context']),
  /** From the item catalogue of the report's assessment year: the question (or OIT item title) and its indicator; null when not catalogued. Always present in extract()'s output. */
  question: z.string().nullable().optional(),
  indicator: z.number().int().positive().nullable().optional(),
});

export const PeriodSchema = z.object({
  raw: z.string(),
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  precision: PrecisionSchema,
  reversed: z.boolean().optional(),
});

export const FieldRoleSchema = z.enum([
  'seq',
  'issue',
  'measure',
  'steps',
  'period',
  'responsible',
  'limitation',
  'action',
  'result',
  'outcome',
  'note',
  /** Columns beyond the contract's roles: the item code, the item's score, the cause, the start and end of the period, the budget, the indicator or tool the item belongs to. */
  'code',
  'score',
  'cause',
  'start',
  'end',
  'budget',
  'indicator',
]);

/** How far a measure has got, from a status column (words or marks) or the words of its result. */
export const EntryStatusSchema = z
  .enum(['done', 'in_progress', 'not_started'])
  .describe('done (ดำเนินการแล้ว, เสร็จสิ้น), in_progress (อยู่ระหว่างดำเนินการ), not_started (ยังไม่ได้ดำเนินการ)');

/** The money an entry states: a budget column's amount or a phrase ("งบประมาณ ๒๐,๐๐๐ บาท"); "ไม่ใช้งบประมาณ" is 0. */
export const BudgetSchema = z.object({
  baht: z.number().nonnegative().describe('the amount in baht'),
  raw: z.string().describe('the text it was read from, as written'),
});

export const EntrySchema = z.object({
  kind: z.enum(['row', 'paragraph']),
  text: z.string(),
  section: z.number().int().min(1).max(7).nullable(),
  /** The report part (๑ analysis, ๒ results, …) when a report has several; else 1. */
  part: z.number().int().positive(),
  seq: z.number().int().nonnegative().nullable(),
  itemCodes: z.array(ItemCodeSchema),
  score: z.number().nullable(),
  periods: z.array(PeriodSchema),
  responsible: z.array(z.string()),
  /** done | in_progress | not_started, or null when the entry states none. Always present in extract()'s output. */
  status: EntryStatusSchema.nullable().optional().describe('from status columns or status words; null when not stated'),
  /** The entry's budget, or null when it states none ("-" included). Always present in extract()'s output. */
  budget: BudgetSchema.nullable().optional().describe('{ baht, raw }; "ไม่ใช้งบประมาณ" is { baht: 0 }; null when not stated'),
  /** A sub-row's parent measure number ("๑.๒" under measure ๑ is 1), else null. Always present in extract()'s output. */
  parentSeq: z.number().int().nonnegative().nullable().optional().describe("a sub-row's parent measure number, else null"),
  fields: z.partialRecord(FieldRoleSchema, z.string()),
  source: SourcePositionSchema,
  /**
   * In a report holding the analysis and the results of the same rows: the
   * entry (index into `entries`, of an earlier part) this one reports on.
   * null when there is none; always present in extract()'s output.
   */
  linksTo: z
    .object({
      entry: z.number().int().nonnegative(),
      part: z.number().int().positive(),
      confidence: z.number().min(0).max(1),
    })
    .nullable()
    .optional(),
});

export const DatedMentionSchema = z.object({
  raw: z.string(),
  iso: isoDate,
  /** The last day when the mention is a range ("วันที่ 10 – 11 มกราคม 2566"). */
  end: isoDate.nullable().optional(),
  source: SourcePositionSchema.nullable().optional(),
});

export const ItaDocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  status: z.enum(['ok', 'error']),
  error: ErrorSchema.nullable(),
  source: DocumentSourceSchema,
  title: z.string().nullable(),
  organization: OrganizationSchema.nullable(),
  fiscalYear: FiscalYearSchema.nullable(),
  /** "รอบ ๖ เดือน (ตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)" and the like. */
  reportingPeriod: PeriodSchema.nullable(),
  assessment: AssessmentSchema,
  sections: z.array(SectionSchema),
  entries: z.array(EntrySchema),
  dates: z.array(DatedMentionSchema),
  diagnostics: z.array(DiagnosticSchema),
});

export type Format = z.infer<typeof FormatSchema>;
export type Tool = z.infer<typeof ToolSchema>;
export type SourcePosition = z.infer<typeof SourcePositionSchema>;
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export type DiagnosticCode = z.infer<typeof DiagnosticCodeSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type DocumentSource = z.infer<typeof DocumentSourceSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;
export type FiscalYear = z.infer<typeof FiscalYearSchema>;
export type IndicatorScore = z.infer<typeof IndicatorScoreSchema>;
export type Assessment = z.infer<typeof AssessmentSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type ItemCode = z.infer<typeof ItemCodeSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type FieldRole = z.infer<typeof FieldRoleSchema>;
export type Entry = z.infer<typeof EntrySchema>;
export type EntryStatus = z.infer<typeof EntryStatusSchema>;
export type Budget = z.infer<typeof BudgetSchema>;
export type DatedMention = z.infer<typeof DatedMentionSchema>;
export type ItaDocument = z.infer<typeof ItaDocumentSchema>;
