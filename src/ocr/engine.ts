/**
 * The OCR engine: a pool of tesseract.js workers, created once and reused
 * across pages and files.
 *
 * Fully offline: the language data comes from the @tesseract.js-data/*
 * packages on disk (gzip), nothing is fetched and nothing is cached
 * (cacheMethod 'none'; tesseract.js would otherwise write the models into
 * the current directory). The LSTM engine only (the shipped models have no
 * legacy engine).
 *
 * Several languages ("tha+eng") need one langPath holding both files; the
 * data packages keep each file in its own folder and tesseract.js 7.0.0's
 * in-memory alternative (`{ code, data }` language objects) is broken
 * (initialize() joins `l.data` instead of `l.code`; naptha/tesseract.js
 * PR #1052), so the engine makes a temporary folder with links to the
 * packages' files, removed when the process exits (in a batch's worker
 * thread: inside the run's temporary folder, removed by the main thread).
 *
 * Workers are started lazily, up to `workers` (default: one per core). A
 * job that outlives `jobTimeoutMs` has its worker terminated and replaced,
 * so one pathological image cannot stall a batch. Every worker has an
 * error handler: tesseract.js otherwise throws failures from an event
 * listener, which would crash the process.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { BBox, GreyImage, OcrResult, OcrWord } from './types.js';
import { PARAGRAPH_TEXT_BASED, type WordRow, parseTesseractTsv, wordsFromRows } from './tsv.js';
import { WORDS_OUTPUT, wordRows, wordsWorker } from './tjs-words.js';
import { toPgm } from './render.js';
import { OcrError } from './errors.js';
import { takeLanguageDir } from './langdata.js';

export { OcrError } from './errors.js';
export { languageFile } from './langdata.js';

type Tesseract = typeof import('tesseract.js');
type TWorker = Awaited<ReturnType<Tesseract['createWorker']>>;
type TPage = Awaited<ReturnType<TWorker['recognize']>>['data'];

export interface OcrEngineOptions {
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Tesseract languages, "+"-joined, each from a @tesseract.js-data package (default "tha+eng"). */
  languages?: string;
  /** Default page segmentation mode (default 4: a single column of text of variable sizes). */
  psm?: number;
  /** A recognition running longer is abandoned and its worker replaced (default 180 s). */
  jobTimeoutMs?: number;
  /** For measurements: take tesseract.js's blocks tree, as before the speed work, instead of its TSV (same words). */
  blocksOutput?: boolean;
  /** For measurements and tests: Tesseract's TSV output, as before tjs-words.ts (the same words, at more CPU). */
  tsvOutput?: boolean;
}

export interface RecogniseOptions {
  /** Page segmentation mode for this image (default: the engine's). */
  psm?: number;
  /** Only these characters may be recognised. */
  whitelist?: string;
  /** Resolution of the image, for Tesseract's size heuristics (default 150). */
  dpi?: number;
  /**
   * Read with only these of the engine's languages ("+"-joined, e.g. "tha" of "tha+eng"; default:
   * all of them). Engines that cannot say so ({@link OcrEngine.languagesPerImage}) ignore it.
   */
  languages?: string;
}

export interface OcrEngine {
  /** Recognises an image: a PNG/JPEG/PGM file in a Buffer, or grey pixels. */
  recognise(image: Buffer | Uint8Array | GreyImage, options?: RecogniseOptions): Promise<OcrResult>;
  /** Stops every worker; pending jobs are rejected. The engine cannot be used afterwards. */
  terminate(): Promise<void>;
  /** Languages and worker count. */
  readonly languages: string;
  readonly workers: number;
  /** Which engine this is: "tesseract.js" or "tesseract (native)" (optional for engines made elsewhere). */
  readonly name?: string;
  /** Whether recognise() honours options.languages (both engines here do; optional for engines made elsewhere). */
  readonly languagesPerImage?: boolean;
}

/**
 * The languages an image is read with: `asked` when it is a non-empty subset of the engine's
 * `languages` (in the engine's order), else all of them.
 */
export function imageLanguages(languages: string, asked: string | undefined): string {
  if (!asked) return languages;
  const all = languages.split('+');
  const want = new Set(asked.split('+'));
  const picked = all.filter((l) => want.has(l));
  return picked.length > 0 && picked.length === want.size ? picked.join('+') : languages;
}

const require = createRequire(import.meta.url);

interface Slot {
  worker: TWorker;
  busy: boolean;
}

interface Job {
  image: Buffer;
  size: { width: number; height: number } | null;
  options: RecogniseOptions;
  resolve(r: OcrResult): void;
  reject(e: unknown): void;
}

let tesseractModule: Tesseract | null = null;
function tesseract(): Tesseract {
  tesseractModule ??= require('tesseract.js') as Tesseract;
  return tesseractModule;
}

/**
 * Creates an engine; workers start on first use. Images read with a subset of
 * the languages (options.languages) go to workers of their own, started when
 * first needed (a tesseract.js worker loads its languages once).
 */
export function createOcrEngine(options: OcrEngineOptions = {}): OcrEngine {
  const languages = options.languages ?? 'tha+eng';
  const pools = new Map<string, OcrEngine>([[languages, createPool({ ...options, languages })]]);
  const main = pools.get(languages) as OcrEngine;
  let terminated = false;
  return {
    languages,
    workers: main.workers,
    name: main.name,
    languagesPerImage: true,
    recognise(image, opts = {}) {
      if (terminated) return Promise.reject(new OcrError('the OCR engine was terminated'));
      const langs = imageLanguages(languages, opts.languages);
      let pool = pools.get(langs);
      if (!pool) {
        pool = createPool({ ...options, languages: langs });
        pools.set(langs, pool);
      }
      return pool.recognise(image, opts);
    },
    async terminate() {
      terminated = true;
      await Promise.allSettled([...pools.values()].map((p) => p.terminate()));
    },
  };
}

/** Workers of one language list. */
function createPool(options: OcrEngineOptions & { languages: string }): OcrEngine {
  const languages = options.languages;
  const max = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const psm = options.psm ?? 4;
  const timeout = options.jobTimeoutMs ?? 180_000;
  const langDir = takeLanguageDir(languages); // fails fast when data is missing
  const langPath = langDir.dir;
  const slots: Slot[] = [];
  const starting = new Set<Promise<void>>();
  const queue: Job[] = [];
  let terminated = false;
  let lastWorkerError: string | null = null;
  const words = options.blocksOutput || options.tsvOutput ? null : wordsWorker();
  // set when the worker did not answer with word rows (a tesseract.js other than the one tjs-words.ts knows): TSV from then on
  let rowsBroken = false;

  async function startWorker(): Promise<void> {
    const T = tesseract();
    const worker = await T.createWorker(languages, T.OEM.LSTM_ONLY, {
      // the words read off the result iterator in the worker, not its TSV (tjs-words.ts)
      ...(words ? { workerPath: words as unknown as string } : {}),
      langPath,
      gzip: true,
      cacheMethod: 'none',
      errorHandler: (e: unknown) => {
        lastWorkerError = String(e);
      },
    });
    // Tesseract's own notes ("Detected 108 diacritics") would reach the process's stderr
    // through the wasm module's console; they go to the module's /dev/null instead
    await worker.setParameters({ debug_file: '/dev/null' } as never).catch(() => undefined);
    if (terminated) {
      await worker.terminate().catch(() => undefined);
      return;
    }
    slots.push({ worker, busy: false });
  }

  function pump(): void {
    if (terminated) return;
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.busy) continue;
      const job = queue.shift() as Job;
      void run(slot, job);
    }
    // all busy (or none yet) and work waiting: start another worker
    if (queue.length > starting.size && slots.length + starting.size < max) {
      const p = startWorker()
        .catch((e: unknown) => {
          const err = new OcrError(`could not start an OCR worker: ${String(e ?? lastWorkerError)}`);
          // nothing will ever run the queue when no worker can start
          if (slots.length === 0 && starting.size <= 1) for (const j of queue.splice(0)) j.reject(err);
        })
        .finally(() => {
          starting.delete(p);
          pump();
        });
      starting.add(p);
    }
  }

  async function run(slot: Slot, job: Job): Promise<void> {
    slot.busy = true;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    try {
      const params: Record<string, string> = {
        tessedit_pageseg_mode: String(job.options.psm ?? psm),
        user_defined_dpi: String(Math.round(job.options.dpi ?? 150)),
        preserve_interword_spaces: '1',
      };
      // paragraphs from the rows' geometry (tsv.ts); the blocks tree (today's path, for measurements) as before
      if (!options.blocksOutput) params.paragraph_text_based = PARAGRAPH_TEXT_BASED;
      if (job.options.whitelist) params.tessedit_char_whitelist = job.options.whitelist;
      // the words off the result iterator (tjs-words.ts) when the image's size is known, else TSV; and the
      // text (tsv.ts: the blocks tree costs a third more CPU per page)
      const byRows = words !== null && !rowsBroken && job.size !== null;
      const tsvOutput = { blocks: false, text: true, tsv: true };
      const output = options.blocksOutput ? { blocks: true, text: false } : byRows ? { blocks: false, text: true, tsv: false, [WORDS_OUTPUT]: true } : tsvOutput;
      const recognition = slot.worker.recognize(job.image, params as never, output as never);
      const expiry = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(new OcrError(`OCR took longer than ${timeout} ms`));
        }, timeout);
      });
      let r = await Promise.race([recognition, expiry]);
      let rows = byRows ? wordRows((r.data as unknown as Record<string, unknown>)[WORDS_OUTPUT]) : null;
      if (byRows && !rows) {
        rowsBroken = true;
        r = await Promise.race([slot.worker.recognize(job.image, params as never, tsvOutput as never), expiry]);
        rows = null;
      }
      const res = options.blocksOutput ? fromBlocks(r.data) : rows ? fromRows(rows, r.data.text ?? null) : fromTsv(r.data);
      if (job.size) {
        res.width = job.size.width;
        res.height = job.size.height;
      }
      job.resolve(res);
    } catch (e) {
      job.reject(e instanceof Error ? e : new OcrError(`OCR failed: ${String(e)}`));
    } finally {
      if (timer) clearTimeout(timer);
      if (timedOut) {
        slots.splice(slots.indexOf(slot), 1);
        void slot.worker.terminate().catch(() => undefined);
      } else {
        slot.busy = false;
      }
      pump();
    }
  }

  return {
    languages,
    workers: max,
    name: 'tesseract.js',
    recognise(image, opts = {}) {
      if (terminated) return Promise.reject(new OcrError('the OCR engine was terminated'));
      const { bytes: buf, grey } = imageBytes(image);
      const size = grey ? { width: grey.width, height: grey.height } : imageSize(buf);
      return new Promise<OcrResult>((resolve, reject) => {
        queue.push({ image: buf, size, options: opts, resolve, reject });
        pump();
      });
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      const err = new OcrError('the OCR engine was terminated');
      for (const j of queue.splice(0)) j.reject(err);
      await Promise.allSettled([...starting]);
      await Promise.allSettled(slots.splice(0).map((s) => s.worker.terminate()));
      langDir.release();
    },
  };
}

/** Width and height from a PNG or PGM/PPM header, or null. */
function imageSize(b: Buffer): { width: number; height: number } | null {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  const m = /^P[56]\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)/.exec(b.subarray(0, 64).toString('latin1'));
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

function isGrey(x: unknown): x is GreyImage {
  return typeof x === 'object' && x !== null && !Buffer.isBuffer(x) && !(x instanceof Uint8Array) && 'data' in x && 'width' in x;
}

/** An engine's input as encoded image bytes: a grey image as PGM, encoded bytes as they are. Shared by both engines. */
export function imageBytes(image: GreyImage | Uint8Array): { bytes: Buffer; grey: GreyImage | null } {
  if (isGrey(image)) return { bytes: toPgm(image), grey: image };
  return { bytes: Buffer.isBuffer(image) ? image : Buffer.from(image.buffer, image.byteOffset, image.byteLength), grey: null };
}

/**
 * tesseract.js's TSV and text → words (tsv.ts), confidences truncated to
 * whole numbers as tesseract.js reports them in its blocks tree.
 */
function fromTsv(page: TPage): OcrResult {
  const r = parseTesseractTsv(page.tsv ?? '', page.text ?? null);
  return { ...r, words: r.words.map((w) => ({ ...w, confidence: Math.trunc(w.confidence) })) };
}

/** The worker's word rows and text (tjs-words.ts) → words, as {@link fromTsv} (the size is set by the caller). */
function fromRows(rows: WordRow[], text: string | null): OcrResult {
  const r = wordsFromRows(rows, text);
  return { ...r, words: r.words.map((w) => ({ ...w, confidence: Math.trunc(w.confidence) })), width: 0, height: 0 };
}

/** tesseract.js's blocks tree → words (with their line and whether a space precedes them); see blocksOutput. */
function fromBlocks(page: TPage): OcrResult {
  const words: OcrWord[] = [];
  let lineNo = 0;
  let width = 0;
  let height = 0;
  for (const block of page.blocks ?? []) {
    width = Math.max(width, block.bbox.x1);
    height = Math.max(height, block.bbox.y1);
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        let at = 0;
        const text = line.text;
        for (const w of line.words) {
          let space = false;
          let k = at;
          while (k < text.length && /\s/.test(text[k] as string)) k++;
          if (w.text !== '' && text.startsWith(w.text, k)) {
            space = k > at;
            at = k + w.text.length;
          }
          if (w.text.trim() === '') continue;
          words.push({ text: w.text, bbox: box(w.bbox), confidence: w.confidence, line: lineNo, spaceBefore: space });
        }
        lineNo++;
      }
    }
  }
  return { words, confidence: page.confidence, width, height };
}

function box(b: BBox): BBox {
  return { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 };
}
