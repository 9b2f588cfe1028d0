/**
 * PDF → blocks, from the text layer (pdfjs-dist, legacy build, worker run in
 * this thread).
 *
 * Per page: text items with their positions (ActualText spans applied, see
 * _pdf-worker.ts), ruling lines from the painted paths (reported with the
 * text content by the patched worker, else from the operator list) → ruled
 * tables; the other lines → aligned-column tables,
 * paragraphs and headings. Running headers and footers are dropped, tables
 * continued on the next page are joined, and every line goes through
 * normalizeThai. Pages whose text layer is missing or unusable get a
 * TEXT_LAYER_BROKEN warning: {@link pagesNeedingOcr} lists them.
 */
import { createRequire } from 'node:module';
import type { ReadDocument } from '../model/blocks.js';
import type { Diagnostic } from '../model/schema.js';
import { assemble } from './_pdf-assemble.js';
import { type PageLayout, layoutPage } from './_pdf-layout.js';
import type { OpCodes, PageGraphics } from './_pdf-rules.js';
import { pageGraphics } from './_pdf-rules.js';
import { type Line, dominantQuarter, itemsToRuns, rotatePoint, runsToLines } from './_pdf-text.js';
import { pageQuality } from './_pdf-quality.js';
import { directWorker } from './_pdf-port.js';
import { PAGE_BUDGET, PAGE_BUDGET_MESSAGE, loadWorker } from './_pdf-worker.js';
import { ReadError } from './errors.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let loading: Promise<{ pdfjs: PdfJs; assets: Record<string, string> }> | null = null;
/** The worker loaded by loadPdfjs reports graphics and font names in the text content (_pdf-worker.ts). */
let graphicsInText = false;
/** The worker the reader opens documents with: messages handed over, not copied (_pdf-port.ts). */
let readerWorker: InstanceType<PdfJs['PDFWorker']> | null = null;
/** The worker OCR rendering opens documents with (same module, its own port). */
let renderWorker: InstanceType<PdfJs['PDFWorker']> | null = null;

/**
 * pdfjs, loaded once, with its worker (ActualText kept) registered to run in
 * this thread, and the getDocument options locating its standard fonts,
 * CMaps and wasm decoders. Shared with anything else that opens PDFs (OCR
 * rendering) so that there is one pdfjs instance.
 */
export function loadPdfjs(): Promise<{ pdfjs: PdfJs; assets: Record<string, string> }> {
  loading ??= (async () => {
    // The legacy build's core-js polyfills replace a few built-ins that Node 20
    // has natively (Array.prototype.push and JSON.parse/stringify, with
    // slower versions): put the native ones back once pdfjs is loaded.
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    let pdfjs: PdfJs;
    try {
      pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // Our own worker module, on our own ports: never the one another pdfjs in the process
      // registered (globalThis.pdfjsWorker, GlobalWorkerOptions), never registered for it.
      const worker = await loadWorker();
      readerWorker = directWorker<InstanceType<PdfJs['PDFWorker']>>(pdfjs.PDFWorker, worker.module);
      renderWorker = directWorker<InstanceType<PdfJs['PDFWorker']>>(pdfjs.PDFWorker, worker.module);
      if (!readerWorker || !renderWorker) throw new Error('this pdfjs-dist cannot run a worker on a given port');
      graphicsInText = worker.graphics;
    } finally {
      restore(Array.prototype, 'push', natives.push);
      restore(JSON, 'parse', natives.parse);
      restore(JSON, 'stringify', natives.stringify);
    }
    return { pdfjs, assets: assetUrls() };
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

function restore<T extends object>(target: T, key: keyof T & string, native: unknown): void {
  if ((target as Record<string, unknown>)[key] === native) return;
  const d = Object.getOwnPropertyDescriptor(target, key);
  if (!d || d.writable || d.configurable) {
    Object.defineProperty(target, key, { value: native, writable: true, configurable: true, enumerable: false });
  }
}

/** Standard fonts and CMaps shipped with pdfjs-dist (file paths with a trailing slash), when found. */
function assetUrls(): Record<string, string> {
  try {
    const require = createRequire(import.meta.url);
    const root = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
    return { standardFontDataUrl: `${root}standard_fonts/`, cMapUrl: `${root}cmaps/`, wasmUrl: `${root}wasm/` };
  } catch {
    return {};
  }
}

function opCodes(pdfjs: PdfJs): OpCodes {
  const O = pdfjs.OPS as unknown as Record<string, number>;
  const get = (k: string): number => O[k] ?? -1;
  return {
    save: get('save'),
    restore: get('restore'),
    transform: get('transform'),
    constructPath: get('constructPath'),
    setFillRGBColor: get('setFillRGBColor'),
    paintFormXObjectBegin: get('paintFormXObjectBegin'),
    paintFormXObjectEnd: get('paintFormXObjectEnd'),
    paintImageXObject: get('paintImageXObject'),
    paintInlineImageXObject: get('paintInlineImageXObject'),
    paintImageMaskXObject: get('paintImageMaskXObject'),
    paintImageXObjectRepeat: get('paintImageXObjectRepeat'),
    stroke: get('stroke'),
    closeStroke: get('closeStroke'),
    fill: get('fill'),
    eoFill: get('eoFill'),
    fillStroke: get('fillStroke'),
    eoFillStroke: get('eoFillStroke'),
    closeFillStroke: get('closeFillStroke'),
    closeEOFillStroke: get('closeEOFillStroke'),
  };
}

/**
 * Images declaring more pixels than this are not decoded (pdfjs's
 * maxImageSize: refused from the dictionary's /Width × /Height, before any
 * byte is inflated) and their page is not OCRed: a 400 KB file can declare
 * an image of gigabytes. 40 million pixels is an A4 page scanned at 600 dpi
 * with room to spare; decoded to RGBA it takes 160 MB.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

const BOLD_FONT = /bold|black|heavy|semibold|demibold|[-,]b(?:d|old)?$|w[6-9]$/i;

/**
 * getDocument's parameters for `bytes`, the same for reading and for
 * rendering (OCR), on the worker for rendering: ita-extract's own, whatever
 * the host process set for pdfjs (GlobalWorkerOptions, globalThis.pdfjsWorker).
 */
export function documentParams(bytes: Uint8Array, assets: Record<string, string>) {
  return {
    ...(renderWorker ? { worker: renderWorker } : {}),
    // pdfjs takes ownership of (and may detach) the buffer it is given
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
    stopAtErrors: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    ...assets,
  };
}

/** documentParams, with the reader's worker (text content handed over, not copied: _pdf-port.ts) when there is one. */
export function readerDocumentParams(bytes: Uint8Array, assets: Record<string, string>) {
  const params = documentParams(bytes, assets);
  return readerWorker ? { ...params, worker: readerWorker } : params;
}

/** What the reader asks getTextContent for: marked content (ActualText, and graphics from the patched worker), no normalisation (pdfjsNormalize). */
export const READER_TEXT_OPTIONS = { includeMarkedContent: true, disableNormalization: true } as const;

async function openDocument(pdfjs: PdfJs, assets: Record<string, string>, bytes: Uint8Array): Promise<PdfDocument> {
  const task = pdfjs.getDocument(readerDocumentParams(bytes, assets));
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const err = e as { name?: string; message?: string };
    if (err?.name === 'PasswordException') {
      throw new ReadError('ENCRYPTED_PDF', 'the PDF is encrypted with an open password');
    }
    throw new ReadError('CORRUPT_FILE', `not a readable PDF: ${err?.message ?? String(e)}`);
  }
}

/** Font id → bold, learnt from the fonts pdfjs hands over with operator lists (ids are per document). */
type FontStyles = Map<string, boolean>;

function learnFonts(page: PdfPage, ids: Iterable<string>, fonts: FontStyles): void {
  for (const id of ids) {
    if (fonts.has(id)) continue;
    try {
      if (page.commonObjs.has(id)) {
        const f = page.commonObjs.get(id) as { name?: unknown } | null;
        fonts.set(id, typeof f?.name === 'string' && BOLD_FONT.test(f.name.replace(/^[A-Z]{6}\+/, '')));
      }
    } catch {
      // not resolved
    }
    // a font pdfjs does not hand over (Type3, failed to load) counts as regular
    if (!fonts.has(id)) fonts.set(id, false);
  }
}

/** Font names from the text content's styles (a worker patched for graphics reports them). */
function learnFontsFromStyles(styles: Record<string, unknown>, ids: Iterable<string>, fonts: FontStyles): void {
  for (const id of ids) {
    if (fonts.has(id)) continue;
    const name = (styles[id] as { fontName?: unknown } | undefined)?.fontName;
    fonts.set(id, typeof name === 'string' && BOLD_FONT.test(name.replace(/^[A-Z]{6}\+/, '')));
  }
}

/**
 * What the page paints, as the text content of a worker patched for
 * graphics reports it (itaPath and itaImage items, each with the
 * transformation in force), in the shape of an operator list for
 * pageGraphics: each path or image between save/transform and restore.
 */
function paintedOps(items: readonly unknown[], ops: OpCodes): { fnArray: number[]; argsArray: unknown[] } {
  const fnArray: number[] = [];
  const argsArray: unknown[] = [];
  for (const it of items) {
    const g = it as { type?: unknown; fn?: number; ctm?: number[]; data?: Float32Array; fill?: number[] | null };
    if (g.type !== 'itaPath' && g.type !== 'itaImage') continue;
    fnArray.push(ops.save, ops.transform);
    argsArray.push(null, g.ctm);
    if (g.type === 'itaPath') {
      fnArray.push(ops.constructPath);
      // the fill colour in force (a worker patched before colours were followed gives none: the initial black)
      argsArray.push([g.fn, [g.data && g.data.length > 0 ? g.data : null], null, g.fill]);
    } else {
      fnArray.push(ops.paintImageXObject);
      argsArray.push(null);
    }
    fnArray.push(ops.restore);
    argsArray.push(null);
  }
  return { fnArray, argsArray };
}

/**
 * One page → layout. The page's graphics (ruling lines, image area, and the
 * fonts whose names tell bold) are used only when the page may hold a
 * table (a line with wide gaps), uses a font not seen before, or has next
 * to no text (a scan?). They come with the text content from a worker
 * patched for it; otherwise from the operator list, fetched then and
 * released before returning.
 */
async function readPage(page: PdfPage, n: number, ops: OpCodes, fonts: FontStyles, notes: PageNotes, afterTable = false): Promise<PageLayout> {
  try {
    const tc = await page.getTextContent(READER_TEXT_OPTIONS);
    const q = dominantQuarter(tc.items);
    const ids = new Set<string>();
    let chars = 0;
    for (const it of tc.items) {
      if ('str' in it && it.str.trim() !== '') {
        ids.add(it.fontName);
        chars += it.str.length;
      }
    }
    const boldOf = (id: string): boolean => fonts.get(id) ?? false;
    let runs = itemsToRuns(tc.items, q, boldOf);
    let lines: Line[] | undefined = runsToLines(runs);
    let graphics: PageGraphics = { horizontals: [], verticals: [], imageArea: 0, paths: 0 };
    const unknownFont = [...ids].some((id) => !fonts.has(id));
    // no text at all: the operators tell a scan (an image) or outlined text from a blank page;
    // after a ruled table, the rest of a cut row may stand alone in one cell (no line with gaps)
    if (chars < 40 || unknownFont || afterTable || lines.some((l) => l.segments.length >= 2)) {
      if (graphicsInText) {
        const painted = paintedOps(tc.items, ops);
        const largest = largestImage(tc.items);
        if (largest) notes.images.set(n, largest);
        graphics = pageGraphics(painted.fnArray, painted.argsArray, ops, q);
        if (unknownFont) learnFontsFromStyles(tc.styles, ids, fonts);
      } else {
        const ol = await page.getOperatorList();
        graphics = pageGraphics(ol.fnArray, ol.argsArray, ops, q);
        if (unknownFont) learnFonts(page, ids, fonts);
      }
      if (unknownFont) {
        runs = itemsToRuns(tc.items, q, boldOf);
        lines = undefined;
      }
    }
    const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
    const a = rotatePoint(vx0, vy0, q);
    const b = rotatePoint(vx1, vy1, q);
    const box = {
      left: Math.min(a[0], b[0]),
      right: Math.max(a[0], b[0]),
      bottom: Math.min(a[1], b[1]),
      top: Math.max(a[1], b[1]),
    };
    return layoutPage(n, runs, graphics, box, lines);
  } finally {
    page.cleanup();
  }
}

interface ImageSize {
  width: number;
  height: number;
}

/** What reading the pages learnt besides their layout: the largest image each declares. */
interface PageNotes {
  images: Map<number, ImageSize>;
}

/** The image XObject declaring the most pixels among the patched worker's itaImage items (their /Width and /Height), or null. */
function largestImage(items: readonly unknown[]): ImageSize | null {
  let best: ImageSize | null = null;
  for (const it of items) {
    const g = it as { type?: unknown; w?: unknown; h?: unknown };
    if (g.type !== 'itaImage' || typeof g.w !== 'number' || typeof g.h !== 'number') continue;
    if (!best || g.w * g.h > best.width * best.height) best = { width: g.w, height: g.h };
  }
  return best;
}

/** A page request that failed because the page draws more than the worker's budget allows (_pdf-worker.ts). */
function overBudget(e: unknown): boolean {
  return String((e as { message?: unknown } | null)?.message ?? '').includes(PAGE_BUDGET_MESSAGE);
}

const thousands = (n: number): string => n.toLocaleString('en-US');

function emptyPage(n: number): PageLayout {
  return { page: n, box: { left: 0, bottom: 0, right: 1, top: 1 }, items: [], raw: '', text: '', imageCoverage: 0, paths: 0, pitch: 1.2 };
}

/** Reads a PDF's text layer into blocks. Throws ReadError for encrypted, corrupt or empty PDFs. */
export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  const { pdfjs, assets } = await loadPdfjs();
  const doc = await openDocument(pdfjs, assets, bytes);
  try {
    const count = doc.numPages;
    if (count === 0) throw new ReadError('EMPTY_INPUT', 'the PDF has no pages');
    const ops = opCodes(pdfjs);
    const fonts: FontStyles = new Map();
    const pages: PageLayout[] = [];
    const unreadable: number[] = [];
    /** Pages past the work budget, and the largest image each page declares. */
    const tooMuch: number[] = [];
    const notes: PageNotes = { images: new Map() };
    let firstError = '';
    for (let n = 1; n <= count; n++) {
      let layout: PageLayout;
      try {
        const page = await doc.getPage(n);
        const before = pages[pages.length - 1];
        layout = await readPage(page, n, ops, fonts, notes, before?.items.some((it) => it.kind === 'table' && it.ruled) ?? false);
      } catch (e) {
        if (e instanceof ReadError) throw e;
        (overBudget(e) ? tooMuch : unreadable).push(n);
        firstError ||= `page ${n}: ${(e as { message?: unknown } | null)?.message ?? String(e)}`;
        layout = emptyPage(n);
      }
      pages.push(layout);
    }
    const diagnostics: Diagnostic[] = [];
    const note = (p: number, severity: Diagnostic['severity'], code: Diagnostic['code'], message: string): void => {
      diagnostics.push({ severity, code, message: `page ${p}: ${message}`, origin: 'readers/pdf', source: { page: p, line: null } });
    };
    for (const p of pages) {
      const image = notes.images.get(p.page);
      if (tooMuch.includes(p.page)) {
        note(p.page, 'error', 'PAGE_TOO_LARGE', `draws more than the limit of ${thousands(PAGE_BUDGET)} operations (form XObjects drawn within each other?): not read`);
        continue;
      }
      const verdict = unreadable.includes(p.page) ? 'the page could not be read' : pageQuality(p);
      if (verdict === null) continue;
      if (image && image.width * image.height > MAX_IMAGE_PIXELS) {
        // OCR would render it without the image: nothing to read, at a cost
        note(p.page, 'error', 'PAGE_TOO_LARGE', `${verdict}, and its image of ${thousands(image.width)} × ${thousands(image.height)} pixels is over the limit of ${thousands(MAX_IMAGE_PIXELS)}: not decoded, not OCRed`);
      } else {
        note(p.page, 'warning', 'TEXT_LAYER_BROKEN', verdict);
      }
    }
    if (unreadable.length + tooMuch.length === count) {
      if (tooMuch.length > 0) throw new ReadError('TOO_LARGE', tooLargeMessage(diagnostics, count));
      throw new ReadError('CORRUPT_FILE', `no page of the PDF could be read (${firstError})`);
    }
    const blocks = assemble(pages);
    // nothing to read, nothing OCR may read, and something refused for its size: say so
    if (blocks.length === 0 && !diagnostics.some((d) => d.code === 'TEXT_LAYER_BROKEN') && diagnostics.some((d) => d.code === 'PAGE_TOO_LARGE')) {
      throw new ReadError('TOO_LARGE', tooLargeMessage(diagnostics, count));
    }
    return { format: 'pdf', blocks, pages: count, ocr: false, diagnostics };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** The first PAGE_TOO_LARGE diagnostic's message, and how many pages were refused. */
function tooLargeMessage(diagnostics: Diagnostic[], count: number): string {
  const refused = diagnostics.filter((d) => d.code === 'PAGE_TOO_LARGE');
  const first = refused[0]?.message ?? 'too large';
  return refused.length > 1 ? `${first} (and ${refused.length - 1} more of ${count} pages)` : first;
}

/** Pages (1-based, ascending) that a reader marked TEXT_LAYER_BROKEN: the ones to OCR. */
export function pagesNeedingOcr(doc: ReadDocument): number[] {
  const pages = new Set<number>();
  for (const d of doc.diagnostics) {
    if (d.code === 'TEXT_LAYER_BROKEN' && d.source?.page != null) pages.add(d.source.page);
  }
  return [...pages].sort((a, b) => a - b);
}
