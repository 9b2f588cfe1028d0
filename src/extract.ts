/**
 * The public pipeline: bytes → read → normalise → recognise → validated
 * model. Every input yields exactly one document; unusable input yields one
 * with status "error" and a coded error, never an exception.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { recognise } from './ita/recognise.js';
import { ItaDocumentSchema, SCHEMA_VERSION, type ErrorCode, type Format, type ItaDocument } from './model/schema.js';
import type { ReadDocument } from './model/blocks.js';
import { repairToSchema } from './model/repair.js';
import type { Diagnostic } from './model/schema.js';
import type { OcrEngine } from './ocr/engine.js';
import { chooseOcrEngine } from './ocr/choose.js';
import { mergeOcr } from './ocr/merge.js';
import { ocrPdf } from './ocr/pdf.js';
import type { ReadOptions } from './ocr/numbers.js';
import { ReadError, pagesNeedingOcr, readDocument, sniffFormat } from './readers/index.js';
import { noTextError, unreadPagesHint } from './readers/_pdf-empty.js';

export interface ExtractOptions {
  /** Used to pick the format and reported as source.path. */
  fileName?: string;
  /** Skip sniffing. */
  format?: Format;
  /** Inputs larger than this are refused with TOO_LARGE (default 256 MiB). */
  maxBytes?: number;
  /**
   * OCR of PDF pages: "auto" (default) reads the pages without a usable text
   * layer from their image, "always" every page, "never" none.
   */
  ocr?: OcrMode;
  /**
   * The OCR engine to use (or a function giving it, called only when a page
   * needs OCR); it is not terminated. Without one, extract makes its own for
   * the call and terminates it. Reuse one across files: starting the
   * Tesseract workers takes seconds.
   */
  ocrEngine?: OcrEngine | (() => OcrEngine | Promise<OcrEngine>);
  /** Rendering resolution for OCR (default 150 dpi). */
  ocrDpi?: number;
  /** For measurements: today's page reading before the speed work (ocrPdf's legacyPageReading). */
  ocrLegacyPageReading?: boolean;
  /** Read scanned pages in Thai first, Latin-looking places again in English (ocrPdf's thaiFirst; default true). */
  ocrThaiFirst?: boolean;
  /** How ruled tables in scanned pages are read (ocrPdf's tableReading): 'page' (default) or 'columns'. */
  ocrTableReading?: 'page' | 'columns';
  /** Pages whose OCR confidence is below this (0–100) get OCR_LOW_CONFIDENCE (default 70). */
  ocrLowConfidence?: number;
  /** @internal OCR number repair options (benchmarks compare the digit recognisers with it). */
  ocrNumberOptions?: ReadOptions;
}

export type OcrMode = 'auto' | 'always' | 'never';

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function emptyDocument(source: ItaDocument['source']): ItaDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    status: 'ok',
    error: null,
    source,
    title: null,
    organization: null,
    fiscalYear: null,
    reportingPeriod: null,
    assessment: { year: null, overallScore: null, level: null, indicatorScores: [] },
    sections: [],
    entries: [],
    dates: [],
    diagnostics: [],
  };
}

/** Longest error message kept; a reader's message can quote input. */
const MAX_MESSAGE = 500;

/**
 * One line of text: runs of whitespace and control characters (tabs, newlines,
 * a library's multi-line message, escape codes quoted from the input) become
 * one space; an overlong message is cut with an ellipsis.
 */
export function oneLine(message: string): string {
  const flat = message.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : flat;
}

/** The record of an unusable input; its message is always one line (whatever a reader or library said). */
export function errorDocument(source: ItaDocument['source'], code: ErrorCode, message: string): ItaDocument {
  return { ...emptyDocument(source), status: 'error', error: { code, message: oneLine(message) || code } };
}

/** Words any ITA report uses; a document with none of them and nothing recognised is not one. */
const ITA_WORDS = /คุณธรรมและความโปร่งใส|\bITA\b|Integrity and Transparency|การประเมินคุณธรรม/;

export async function extract(input: Uint8Array | string, options: ExtractOptions = {}): Promise<ItaDocument> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const source: ItaDocument['source'] = {
    path: options.fileName ?? null,
    sha256: sha256(bytes),
    format: options.format ?? (typeof input === 'string' ? sniffFormat(bytes, options.fileName) ?? 'text' : sniffFormat(bytes, options.fileName)),
    pages: null,
    ocr: false,
  };
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > max) return errorDocument(source, 'TOO_LARGE', `input is ${bytes.byteLength} bytes; the limit is ${max}`);
  if (bytes.byteLength === 0 || (source.format !== 'pdf' && source.format !== 'docx' && new TextDecoder().decode(bytes.subarray(0, 4096)).trim() === '' && bytes.byteLength <= 4096)) {
    return errorDocument(source, 'EMPTY_INPUT', 'the input is empty');
  }
  if (!source.format) return errorDocument(source, 'UNSUPPORTED_FORMAT', 'not a PDF, DOCX, HTML, Markdown or text file');
  try {
    const read = await withOcr(await readDocument(bytes, source.format, { maxBytes: max }), bytes, options);
    source.pages = read.pages;
    source.ocr = read.ocr;
    const text = read.blocks.map((b) => (b.type === 'table' ? '' : b.text)).join(' ');
    const recognised = recognise(read.blocks);
    const doc: ItaDocument = { ...emptyDocument(source), ...recognised, diagnostics: [...read.diagnostics, ...recognised.diagnostics] };
    const ocrOff = (options.ocr ?? 'auto') === 'never';
    if (read.blocks.length === 0) {
      if (read.format !== 'pdf') return errorDocument(source, 'EMPTY_INPUT', 'the document has no text');
      const why = noTextError(read, ocrOff);
      return errorDocument(source, why.code, why.message);
    }
    // item codes count as evidence only when introduced as items ("ข้อ E๙"), on two entries at least:
    // "E9" or "i๔" turn up in any long noise
    const anchored = doc.entries.filter((e) => e.itemCodes.some((c) => /^(ข้อ|ตัวชี้วัด)/.test(c.raw))).length;
    if (anchored < 2 && doc.sections.length === 0 && !ITA_WORDS.test(text + recognised.title)) {
      return errorDocument(source, 'NOT_ITA_REPORT', `no ITA vocabulary, sections or entries: this does not look like an ITA report${unreadPagesHint(read, ocrOff)}`);
    }
    return validated(doc);
  } catch (e) {
    if (e instanceof ReadError) return errorDocument(source, e.code, e.message);
    return errorDocument(source, 'INTERNAL_ERROR', `${(e as Error)?.message ?? String(e)}`);
  }
}

/** Pages (1-based) OCR reads in this mode: PDFs only; "auto" takes the pages the reader found no usable text on. */
export function pagesToOcr(read: ReadDocument, mode: OcrMode): number[] {
  if (read.format !== 'pdf' || mode === 'never' || !read.pages) return [];
  return mode === 'always' ? Array.from({ length: read.pages }, (_, i) => i + 1) : pagesNeedingOcr(read);
}

/**
 * The pages of a PDF that OCR should read (per options.ocr), recognised and
 * put in place of their text layer. Each OCR'd block's source carries its
 * recognition confidence (0–1), which entries built from it keep.
 */
async function withOcr(read: ReadDocument, bytes: Uint8Array, options: ExtractOptions): Promise<ReadDocument> {
  const pages = pagesToOcr(read, options.ocr ?? 'auto');
  if (pages.length === 0) return read;
  const given = options.ocrEngine;
  const engine = given ? await (typeof given === 'function' ? given() : given) : await chooseOcrEngine({ kind: 'js' });
  try {
    const result = await ocrPdf(bytes, pages, engine, {
      dpi: options.ocrDpi,
      lowConfidence: options.ocrLowConfidence,
      numberOptions: options.ocrNumberOptions,
      legacyPageReading: options.ocrLegacyPageReading,
      tableReading: options.ocrTableReading,
      thaiFirst: options.ocrThaiFirst,
    });
    const merged = mergeOcr(read, pages, result);
    const blocks = merged.doc.blocks.map((b, i) => withConfidence(b, merged.confidence[i] ?? null));
    const diagnostics: Diagnostic[] = [...merged.doc.diagnostics, ...merged.diagnostics];
    return { ...merged.doc, ocr: true, blocks, diagnostics };
  } finally {
    if (!given) await engine.terminate();
  }
}

function withConfidence<B extends ReadDocument['blocks'][number]>(b: B, confidence: number | null): B {
  if (confidence === null) return b;
  const ocrConfidence = Math.round(Math.max(0, Math.min(100, confidence))) / 100;
  const source = { ...b.source, ocrConfidence };
  if (b.type === 'table') return { ...b, source, rows: b.rows.map((r) => ({ ...r, source: { ...r.source, ocrConfidence } })) };
  return { ...b, source };
}

/** Output passes the schema once, here: what fails it is dropped with a diagnostic (model/repair.ts), or, when that cannot make it valid, the document becomes an error record. */
function validated(doc: ItaDocument): ItaDocument {
  const result = ItaDocumentSchema.safeParse(doc);
  if (result.success) return result.data;
  const repaired = repairToSchema(doc);
  if (repaired) return repaired;
  const first = result.error.issues[0];
  return errorDocument(doc.source, 'INVALID_OUTPUT', `output failed its schema at ${first?.path.join('.') ?? '?'}: ${first?.message ?? ''}`);
}

export async function extractFile(path: string, options: Omit<ExtractOptions, 'fileName'> = {}): Promise<ItaDocument> {
  const placeholder = { path, sha256: null, format: sniffFormat(new Uint8Array(), path), pages: null, ocr: false };
  try {
    const info = await stat(path);
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (info.size > max) return errorDocument(placeholder, 'TOO_LARGE', `file is ${info.size} bytes; the limit is ${max}`);
    const bytes = await readFile(path);
    return await extract(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...options, fileName: path });
  } catch (e) {
    return errorDocument(placeholder, 'READ_FAILED', `cannot read ${path}: ${(e as Error).message}`);
  }
}
