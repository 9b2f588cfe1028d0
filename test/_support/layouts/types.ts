/**
 * Shapes shared by the layout generator, its writers and its scorer.
 * A generated document is a list of blocks (lines, tables, page breaks)
 * that every writer renders in its own format, plus the expected output
 * known by construction.
 */
import type { Digits, PeriodTextForm, Span } from './thai.js';

/** Period forms added by extra.ts. */
export type NewPeriodForm = 'month-range' | 'quarter-short' | 'every-quarter';

export type Status = 'done' | 'in_progress' | 'not_started';

export interface ExpectedEntry {
  kind: 'row' | 'paragraph';
  section: number | null;
  seq: number | null;
  parentSeq: number | null;
  itemCodes: string[];
  periods: Array<{ start: string; end: string }>;
  responsible: string[];
  status: Status | null;
  budget: { baht: number; raw: string } | null;
  /** The item's score as the row gives it (row-score.ts); absent where the layout writes none. */
  score?: number | null;
  /** The measure as written (without its number): what the scorer matches on. */
  measure: string;
  /** Phenomena of this entry alone (sub-row, continuation, code range, …). */
  phenomena: string[];
}

/** The assessment the report answers to: year (BE), overall score, level, indicator scores. */
export interface ExpectedAssessment {
  year: number;
  overallScore: number;
  level: string | null;
  indicators: Array<{ tool: 'IIT' | 'EIT' | 'OIT'; indicator: number; score: number }>;
}

export interface ExpectedDoc {
  organization: { name: string; kind: string; district: string; province: string };
  fiscalYear: number;
  /** Absent in hand-written expected files that do not score it. */
  assessment?: ExpectedAssessment;
  sections: number[];
  entries: ExpectedEntry[];
}

/** A cell: text lines (several lines = several paragraphs in the cell); spans. */
export interface GCell {
  lines: string[];
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  /** Filled with this colour ("A6A6A6") instead of holding a mark (month and quarter columns). */
  shaded?: string;
  /** forms.ts: the shading written as a class of a <style> block (HTML). */
  shadedByClass?: boolean;
}

/** A row: null marks a grid position covered by a span from the left or above. */
export interface GRow {
  cells: Array<GCell | null>;
  header?: boolean;
}

export type LineStyle = 'title' | 'heading' | 'plain' | 'center' | 'right';

export type GBlock =
  | { t: 'line'; text: string; style: LineStyle; bold?: boolean }
  /** borderless: borderless.ts, no ruling lines and cells aligned as it says. */
  | { t: 'table'; rows: GRow[]; borderless?: import('./borderless.js').BorderlessPlan }
  /** An ordered list: each item's lines (the first holds the measure); numbering starts at `start`. */
  | { t: 'list'; start: number; items: string[][] }
  | { t: 'page' };

export interface GenDoc {
  id: string;
  seed: number;
  /** Document-level phenomena (every entry of the document has them). */
  phenomena: string[];
  blocks: GBlock[];
  expected: ExpectedDoc;
}

/** One measure before layout: content and how its period is written. */
export interface Item {
  section: number | null;
  seq: number | null;
  parentSeq: number | null;
  measure: string;
  steps: string[];
  result: string;
  outcome: string;
  issue: string;
  /** Item codes (normalised) and how they are written. */
  codes: string[];
  codeText: string;
  span: Span;
  periodForm: PeriodTextForm | NewPeriodForm;
  units: string[];
  status: Status | null;
  budget: number | null;
  continued: boolean;
  phenomena: string[];
  /** row-score.ts: the item's score, its score cell, its indicator cell. */
  score?: number | null;
  scoreText?: string;
  indicatorText?: string;
  /** forms.ts: the item's score of the year before, in a column of its own. */
  prevScoreText?: string;
  /** Cells written by cells.ts (two-line period, bulleted units, dated status), in place of the plain ones. */
  cells?: { period?: string[]; responsible?: string[]; status?: string[] };
}

/** The random choices that make one layout. */
export interface Layout {
  digits: Digits;
  body: 'table' | 'paragraphs' | 'list';
  sections: 'none' | 'heading-lines' | 'section-rows' | 'column-rowspan' | 'column-repeated' | 'caption-rows';
  headingStyle: 'prasen' | 'paren' | 'dot' | 'close-paren' | 'number-only' | 'truncated' | 'title-only';
  seqStyle: 'plain' | 'dot' | 'paren' | 'kho';
  seqRestart: boolean;
  period: 'text' | 'start-end' | 'months' | 'quarters';
  monthMark: string;
  status: 'none' | 'word' | 'checks' | 'percent';
  budget: boolean;
  codes: 'none' | 'column' | 'in-issue';
  subRows: boolean;
  continuations: boolean;
  repeatedHeader: boolean;
  pageFurniture: boolean;
  templateRows: boolean;
  noteRow: boolean;
  cover: boolean;
  signatures: boolean;
  cellParagraphs: boolean;
  tablePerSection: boolean;
  // extra.ts
  codeFirst: boolean;
  spacer: boolean;
  subrowNumberCell: boolean;
  notesNumbered: boolean;
  // cells.ts
  periodLines: boolean;
  unitBullets: boolean;
  statusDated: boolean;
  /** Month or quarter columns shaded instead of marked (a Gantt chart); no plain-text form. */
  shadedMarks: string | false;
  /** assessment.ts: the level and the indicator scores, written beside the head's overall score. */
  assessment: import('./assessment.js').AssessmentPlan | false;
  /** row-score.ts: the item's score and indicator in the measure table. */
  rowScore: import('./row-score.js').RowScorePlan | false;
  /** forms.ts: tick-box status cells, section numbers, two years' scores, class shading. */
  forms: import('./forms.js').FormsPlan | false;
  /** borderless.ts: the measure table without ruling lines (PDF loses the grid). */
  borderless: import('./borderless.js').BorderlessPlan | false;
}
