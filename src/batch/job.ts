/**
 * One document's work, the same in a worker thread and in-process: bytes →
 * extract → the formatted record and its summary row. Formatting happens
 * here so that workers, not the main thread, pay for JSON and CSV.
 */
import { errorDocument, extract, type OcrMode } from '../extract.js';
import type { OcrEngine } from '../ocr/engine.js';
import { type OcrEngineKind, chooseOcrEngine } from '../ocr/choose.js';
import type { DocumentSource, ErrorCode, Format, ItaDocument } from '../model/schema.js';
import { csvRows } from './csv.js';
import { type SummaryRow, summaryRow } from './summary.js';

export type OutFormat = 'jsonl' | 'json' | 'csv';
export type { OcrEngineKind };

export interface JobSettings {
  format: OutFormat;
  /** Pretty-print JSON (a terminal). */
  pretty: boolean;
  maxBytes: number;
  /** OCR of PDF pages without a usable text layer (default auto). */
  ocr?: OcrMode;
  /** Tesseract workers of this thread's OCR engine (default 1). */
  ocrWorkers?: number;
  /** OCR rendering resolution (default: extract's). */
  ocrDpi?: number | null;
  /** js: the bundled tesseract.js; native: the tesseract command; auto: native when installed, else js (default js). */
  ocrEngine?: OcrEngineKind;
  /** CSV: write cells that start like a formula unchanged (--csv-formulas; default: neutralised). */
  csvFormulas?: boolean;
  /** One recognition may take this long (the batch's --timeout, so a native process does not outlive its job). */
  ocrJobTimeoutMs?: number | null;
}

/**
 * This thread's OCR engine: made when a first page needs OCR, then reused by
 * every later document (starting Tesseract takes seconds). A worker thread's
 * engine ends with the thread; in-process, closeJobs() ends it.
 */
let engine: Promise<OcrEngine> | null = null;

function ocrEngine(s: JobSettings): Promise<OcrEngine> {
  engine ??= makeEngine(s);
  return engine;
}

async function makeEngine(s: JobSettings): Promise<OcrEngine> {
  const workers = Math.max(1, s.ocrWorkers ?? 1);
  const kind = s.ocrEngine ?? 'js';
  // (tesseract.js keeps its own per-job limit: a stuck worker is replaced)
  return chooseOcrEngine({ kind, workers, jobTimeoutMs: kind === 'js' ? undefined : (s.ocrJobTimeoutMs ?? undefined) });
}

/** Stops this thread's OCR engine, if one was started. */
export async function closeJobs(): Promise<void> {
  const e = engine;
  engine = null;
  if (e) await (await e).terminate();
}

export interface Task {
  index: number;
  path: string;
  bytes: Uint8Array;
  sha256: string;
  format: Format | null;
}

export interface Outcome {
  index: number;
  /** The record as it goes into the output: a JSONL line, a JSON array element (no separator) or CSV rows. */
  record: string;
  row: SummaryRow;
}

export function formatRecord(doc: ItaDocument, s: JobSettings): string {
  switch (s.format) {
    case 'json':
      return JSON.stringify(doc, null, s.pretty ? 2 : undefined);
    case 'csv':
      return csvRows(doc, { formulas: s.csvFormulas === true });
    default:
      return `${JSON.stringify(doc)}\n`;
  }
}

export function outcomeOf(index: number, doc: ItaDocument, seconds: number, s: JobSettings): Outcome {
  return { index, record: formatRecord(doc, s), row: summaryRow(doc, seconds) };
}

/** An input that never reached (or never came back from) the reader. */
export function failedOutcome(index: number, source: DocumentSource, code: ErrorCode, message: string, s: JobSettings, seconds = 0): Outcome {
  return outcomeOf(index, errorDocument(source, code, message), seconds, s);
}

export function sourceOf(task: Pick<Task, 'path' | 'sha256' | 'format'>): DocumentSource {
  return { path: task.path, sha256: task.sha256, format: task.format, pages: null, ocr: false };
}

export async function runJob(task: Task, s: JobSettings): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const doc = await extract(task.bytes, {
      fileName: task.path,
      maxBytes: s.maxBytes,
      ocr: s.ocr ?? 'auto',
      ocrEngine: () => ocrEngine(s),
      ocrDpi: s.ocrDpi ?? undefined,
    });
    return outcomeOf(task.index, doc, (performance.now() - t0) / 1000, s);
  } catch (e) {
    // extract never throws for bad input; this is a bug, still one record
    return failedOutcome(task.index, sourceOf(task), 'INTERNAL_ERROR', String((e as Error)?.message ?? e), s, (performance.now() - t0) / 1000);
  }
}
