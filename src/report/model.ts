/**
 * The report model's shapes: what aggregate() returns and the HTML report
 * shows (definitions in aggregate.ts).
 */
export type RowStatus = 'ok' | 'error' | 'mixed';

/** What a report says of its organisation and assessment: one record's, or a row's (its records'). */
export interface OrgFacts {
  name: string | null;
  kind: string | null;
  province: string | null;
  district: string | null;
  /** Fiscal year, BE. */
  fiscalYear: number | null;
  /** The ITA assessment year the report refers to, BE. */
  assessmentYear: number | null;
  score: number | null;
  level: string | null;
}

export interface OrgYearRow extends OrgFacts {
  /** Stable id of the row within the report. */
  key: string;
  entries: number;
  documents: number;
  status: RowStatus;
  /** Error codes of the row's error records. */
  errorCodes: string[];
  /** source.path of each of the row's records (null where the record has none). */
  sources: Array<string | null>;
}

export interface ItemStat {
  /** `${code}@${assessmentYear ?? 'unknown'}` */
  key: string;
  code: string;
  tool: 'IIT' | 'EIT' | 'OIT';
  item: number;
  assessmentYear: number | null;
  /** What the charts and tables call it: "i13 (ITA 2567)". */
  label: string;
  /** The item's question, when a record gives it (first one seen). */
  question: string | null;
  /** The indicator the item belongs to, when a record gives it (first one seen). */
  indicator: string | null;
  documents: number;
  organisations: number;
  entries: number;
}

export interface SectionStat {
  number: number;
  title: string;
  /** "ประเด็นที่ 1 กระบวนการ…" */
  label: string;
  documents: number;
  entries: number;
}

export interface ScoreBin {
  /** Inclusive. */
  from: number;
  /** Exclusive, except a last bin ending at 100, which includes 100. */
  to: number;
  label: string;
  count: number;
}

export interface LevelCount {
  /** null: no level stated. */
  level: string | null;
  label: string;
  count: number;
}

export interface ErrorStat {
  code: string;
  count: number;
  records: Array<{ path: string | null; message: string | null }>;
}

export interface ReportModel {
  totals: {
    /** Distinct records (after duplicates are left out). */
    records: number;
    ok: number;
    error: number;
    duplicates: number;
    /** Values that were not JSON objects. */
    ignored: number;
    /** Distinct organisation names among ok records. */
    organisations: number;
    /** Table rows. */
    rows: number;
    /** Entries of all ok records. */
    entries: number;
    /** Entries of part 1 with at least one item code. */
    weaknessEntries: number;
    /** Organisation-years with a score. */
    scored: number;
    meanScore: number | null;
  };
  rows: OrgYearRow[];
  items: ItemStat[];
  sections: SectionStat[];
  scoreBins: ScoreBin[];
  levels: LevelCount[];
  errors: ErrorStat[];
  /** Distinct values for the table's filters, sorted; null = not stated. */
  provinces: Array<string | null>;
  kinds: Array<string | null>;
}
