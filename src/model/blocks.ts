/**
 * The document representation between readers and recognition: an ordered
 * list of blocks, each remembering where it came from. Readers only produce
 * blocks; recognisers only consume them. Plain tagged objects: every optional
 * property is present, as null or false.
 */
import type { Diagnostic, Format, SourcePosition } from './schema.js';

export type Position = SourcePosition;

export interface HeadingBlock {
  type: 'heading';
  /** 1–6 when the markup says so (#, <h2>, a Word heading style); null for a bold line. */
  level: number | null;
  text: string;
  source: Position;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  /** The whole paragraph is bold (a likely heading the markup did not mark). */
  bold: boolean;
  source: Position;
}

export interface TableCell {
  /** The cell's paragraphs, in order (a cell holding <p>…</p><p>…</p> has two). */
  paragraphs: string[];
  /** Every paragraph of the cell is bold. */
  bold: boolean;
  colspan: number;
  rowspan: number;
  /** Filled with a colour other than white (Word's cell shading, a web page's cell background): under month columns, a mark. */
  shaded?: boolean;
}

export interface TableRow {
  cells: TableCell[];
  /** Marked as a header by the markup (<th>, a Markdown separator line); recognisers may decide more. */
  header: boolean;
  /** The first row after the table's header was printed again and dropped (a table resumed on a new page, or a new table under the same header). */
  resumed?: boolean;
  source: Position;
}

export interface TableBlock {
  type: 'table';
  rows: TableRow[];
  source: Position;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

/** What a reader returns. */
export interface ReadDocument {
  format: Format;
  blocks: Block[];
  /** Page count, null for formats without pages. */
  pages: number | null;
  /** True when any text came from OCR. */
  ocr: boolean;
  diagnostics: Diagnostic[];
}

export function position(page: number | null, line: number | null): Position {
  return { page, line };
}

export function heading(text: string, level: number | null, source: Position): HeadingBlock {
  return { type: 'heading', level, text, source };
}

export function paragraph(text: string, source: Position, bold = false): ParagraphBlock {
  return { type: 'paragraph', text, bold, source };
}

export function cell(paragraphs: string[], opts: Partial<Omit<TableCell, 'paragraphs'>> = {}): TableCell {
  return { paragraphs, bold: opts.bold ?? false, colspan: opts.colspan ?? 1, rowspan: opts.rowspan ?? 1, ...(opts.shaded ? { shaded: true } : {}) };
}

export function row(cells: TableCell[], source: Position, header = false): TableRow {
  return { cells, header, source };
}

export function table(rows: TableRow[], source: Position): TableBlock {
  return { type: 'table', rows, source };
}

/** A cell's text: its paragraphs joined by a space. */
export function cellText(c: TableCell): string {
  return c.paragraphs.join(' ');
}
