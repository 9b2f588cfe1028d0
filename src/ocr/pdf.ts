/**
 * OCR of PDF pages: render → recognise → repair numbers → layout → blocks.
 *
 * Pages are rendered one after the other in this thread and recognised by
 * the engine's workers in parallel (as many pages in flight as the engine
 * has workers, plus one being rendered), then finished in page order, so
 * the years learnt on earlier pages (the title's fiscal year) help read
 * the later ones; memory stays bounded by the pages in flight.
 */
import type { Block } from '../model/blocks.js';
import type { OcrEngine } from './engine.js';
import { normalizeThai } from '../thai/normalize.js';
import { type OcrLayout, baseHeight, dropDebris, ocrLayout } from './layout.js';
import { type NumberCandidate, type NumberDecision, type ReadOptions, applyDecisions, decide, documentYears, numberCandidates, readDigitsIn } from './numbers.js';
import { type PageImage, type PageReading, readPage } from './page.js';
import { languageSplit } from './second-pass.js';
import { type RenderedPage, openPdfRenderer, renderForOcr } from './render.js';
import { joinContinuedTables, keepGrid } from './continued.js';
import type { RuledGrid } from './grid.js';
import { type PreparedPage, prepareRuledPage } from './tablepage.js';
import { recogniseTables, rereadPoorCells } from './cells.js';
import type { BBox, GreyImage, OcrDiagnostic, OcrResult, OcrWord } from './types.js';
import { withDateNoiseUndone, withMonthDots } from '../thai/_months.js';

export interface OcrPdfOptions {
  /** Rendering resolution (default: chosen per page from its text height and image resolution, render.ts renderForOcr). */
  dpi?: number;
  /** Pages whose mean confidence is below this get an OCR_LOW_CONFIDENCE warning (default 70). */
  lowConfidence?: number;
  /** Repair numbers (default true). */
  repairNumbers?: boolean;
  /** For measurements: leave these fonts' digit templates out. */
  numberOptions?: ReadOptions;
  /** Called after each page. */
  onPage?: (page: OcrPageReport) => void;
  /** Read pages lying on their side or upside down the right way up (default true; see ocr/page.ts). */
  tryRotations?: boolean;
  /** For measurements: today's page reading before the speed work (whole pages; turned only after reading poorly, each turn a full recognition). */
  legacyPageReading?: boolean;
  /** Read pages in Thai first, only Latin-looking places again in English (page.ts thaiFirst; default true; false: every language at once). */
  thaiFirst?: boolean;
  /** Also lay out the words as read, before number repair (result.unrepairedBlocks; for measurements). */
  alsoUnrepaired?: boolean;
  /**
   * How the cells of ruled tables found in the image are read: 'page' (default) takes the words of
   * the one whole-page recognition and puts each in its grid cell; 'columns' reads every table
   * column again on its own (cells.ts; one more recognition per column and merged cell).
   */
  tableReading?: 'page' | 'columns';
  /**
   * Draw a page that is one JPEG (a scan) from the JPEG decoded natively instead of rendering it
   * with pdfjs (render.ts; default true, false with legacyPageReading: today's path renders every page).
   */
  pageImages?: boolean;
  /** Join ruled tables continued across pages (default true; off for measurements page by page). */
  joinContinuedTables?: boolean;
}

export interface OcrPageReport {
  page: number;
  /** Tesseract's page confidence, 0–100 (0 for a failed or empty page). */
  confidence: number;
  words: number;
  blocks: number;
  /** Wall time spent on the page's render, recognition and layout, seconds. */
  seconds: number;
  dpi: number;
  /** Numbers changed / left unsure by the repair. */
  repaired: number;
  unsure: number;
}

export interface OcrPdfResult {
  blocks: Block[];
  /** Mean recognition confidence of each block, 0–100 (same order as blocks). */
  confidence: number[];
  diagnostics: OcrDiagnostic[];
  /** Word-weighted mean confidence over the pages read, 0–100 (0 when nothing was read). */
  meanConfidence: number;
  pages: OcrPageReport[];
  /** Every number decision (for measurements and audits). */
  numbers: NumberDecision[];
  /** With options.alsoUnrepaired: the blocks as read, before number repair. */
  unrepairedBlocks: Block[] | null;
  /** The engine that read the pages (its name: "tesseract (native)", "tesseract.js"), null when it has none. */
  engine?: string | null;
}

const ORIGIN = 'ocr/pdf';

/**
 * Thai marks OCR strands after a dot or a dash ("ก.ุย."). In a block's text a mark after a space
 * is left alone (numbers.ts's withoutStrayMarks, for the text before a number, drops those too).
 */
const STRAY_AFTER_PUNCTUATION = /(?<=[.\-–])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+/g;

/**
 * A block without the marks OCR strands after dots and dashes, its month abbreviations' dots read as ุ given back ("กุย."),
 * and its dates without the letters and spaces OCR puts around a month and its year (thai/_months.ts withDateNoiseUndone).
 */
export function blockWithoutStrayMarks(b: Block): Block {
  const fix = (t: string): string => withDateNoiseUndone(withMonthDots(t.replace(STRAY_AFTER_PUNCTUATION, '')));
  if (b.type === 'table') return keepGrid(b, { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map(fix) })) })) });
  return { ...b, text: fix(b.text) };
}

function diag(
  severity: OcrDiagnostic['severity'],
  code: OcrDiagnostic['code'],
  message: string,
  page: number | null,
  extra: { actual?: string; expected?: string } = {},
): OcrDiagnostic {
  return { severity, code, message, origin: ORIGIN, source: page === null ? null : { page, line: null }, ...extra };
}

export { rotateGrey } from './orientation.js';

interface InFlight {
  page: number;
  started: number;
  image: RenderedPage | null;
  reading: Promise<PageReading<RenderedPage> | null>;
  /** Ruled tables found before recognition, per page image read (null: let the layout look). */
  prepared: Map<PageImage, PreparedPage<PageImage>>;
  grids: RuledGrid[] | null;
  skew: number;
  error: unknown;
}

/**
 * OCRs the given pages (1-based; out-of-range and repeated ones are
 * skipped) of a PDF with `engine`. A page that cannot be rendered or
 * recognised yields an OCR_FAILED error diagnostic; the others go on.
 * Throws only when the PDF cannot be opened at all.
 */
export async function ocrPdf(
  pdfBytes: Uint8Array,
  pages: readonly number[],
  engine: OcrEngine,
  options: OcrPdfOptions = {},
): Promise<OcrPdfResult> {
  const dpi = options.dpi ?? 150;
  const low = options.lowConfidence ?? 70;
  const repair = options.repairNumbers ?? true;
  const renderer = await openPdfRenderer(pdfBytes, { pageImages: options.pageImages ?? !options.legacyPageReading });
  const wanted = [...new Set(pages)].filter((p) => Number.isInteger(p) && p >= 1 && p <= renderer.numPages).sort((a, b) => a - b);
  const blocks: Block[] = [];
  const confidence: number[] = [];
  const diagnostics: OcrDiagnostic[] = [];
  const reports: OcrPageReport[] = [];
  const decisions: NumberDecision[] = [];
  const yearCands: NumberCandidate[] = [];
  const unrepaired: Block[] | null = options.alsoUnrepaired ? [] : null;
  let confSum = 0;
  let confWords = 0;

  const window = Math.max(1, engine.workers);
  const queue: InFlight[] = [];
  let next = 0;

  const launch = async (): Promise<void> => {
    const page = wanted[next++] as number;
    const started = Date.now();
    const item: InFlight = { page, started, image: null, reading: Promise.resolve(null), prepared: new Map(), grids: null, skew: 0, error: null };
    try {
      item.image = await renderForOcr(renderer, page, options.dpi);
      // once the orientation is settled, ruled tables are found and their rules erased (tablepage.ts);
      // the page is read as rendered, or its tables column by column (cells.ts); the page image read
      // is remembered with its tables
      const recognise = (img: PageImage, languages?: string): Promise<OcrResult> => {
        const prepared = prepareRuledPage(img);
        item.prepared.set(img, prepared);
        if (options.tableReading === 'columns') return recogniseTables(engine, prepared);
        return engine.recognise(prepared.read, { dpi: img.dpi, languages }).then((r) => rereadPoorCells(engine, prepared, r, undefined, languages));
      };
      // the code words read again are cut from the page with its table rules erased (page.ts cutFrom)
      const cutFrom = (img: PageImage): PageImage | undefined => {
        const p = item.prepared.get(img);
        return p && p.grids.length > 0 ? { ...p.image, dpi: img.dpi } : undefined;
      };
      item.reading = readPage(engine, item.image, { rotations: options.tryRotations, legacy: options.legacyPageReading, thaiFirst: options.thaiFirst, recognise, cutFrom });
      item.reading.catch(() => undefined); // handled when the page is finished
    } catch (e) {
      item.error = e;
    }
    queue.push(item);
  };

  try {
    while (next < wanted.length && queue.length < window) await launch();
    while (queue.length > 0) {
      const item = queue.shift() as InFlight;
      let result: OcrResult | null = null;
      if (!item.error) {
        try {
          const reading = await item.reading;
          if (reading) {
            result = reading.result;
            const prepared = item.prepared.get(reading.image);
            item.image = (prepared?.image as RenderedPage | undefined) ?? reading.image;
            item.grids = prepared?.grids ?? null;
            item.skew = prepared?.skew ?? 0;
            item.prepared.clear();
            // a page scanned on its side (a landscape table in a portrait scan) or upside down
            if (reading.degrees !== 0) {
              const how = reading.degrees === 180 ? 'upside down' : 'on its side';
              diagnostics.push(diag('info', 'OCR_PAGE_ROTATED', `page ${item.page}: read turned ${reading.degrees}° (the scan lies ${how})`, item.page));
            }
          }
        } catch (e) {
          item.error = e;
        }
      }
      // keep the workers busy while this page is finished
      if (next < wanted.length) await launch();
      const report: OcrPageReport = { page: item.page, confidence: 0, words: 0, blocks: 0, seconds: 0, dpi: item.image?.dpi ?? dpi, repaired: 0, unsure: 0 };
      if (item.error || !result || !item.image) {
        diagnostics.push(diag('error', 'OCR_FAILED', `page ${item.page}: OCR failed: ${message(item.error)}`, item.page));
      } else {
        let words: OcrWord[] = result.words;
        const H = baseHeight(words);
        if (words.length === 0 || H <= 0) {
          diagnostics.push(diag('info', 'OCR_EMPTY_PAGE', `page ${item.page}: no text found by OCR`, item.page));
        } else {
          words = dropDebris(words, H);
          if (unrepaired) unrepaired.push(...ocrLayout(words, item.page, { image: item.image, grids: item.grids, skew: item.skew }).blocks);
          if (repair) {
            const cands = numberCandidates(item.page, words, item.image, options.numberOptions);
            yearCands.push(...cands.filter((c) => c.kind === 'year'));
            const years = documentYears(yearCands);
            const ds = cands.map((c) => decide(c, years));
            decisions.push(...ds);
            words = applyDecisions(words, ds);
            report.repaired = ds.filter((d) => d.changed).length;
            const unsure = ds.filter((d) => !d.sure && d.candidate.kind !== 'number');
            report.unsure = unsure.length;
            for (const d of unsure) {
              diagnostics.push(
                diag(
                  'warning',
                  'OCR_NUMBER_UNCERTAIN',
                  `page ${item.page}: ${d.candidate.kind} "${d.candidate.token.raw}" could not be read with confidence (${d.reason ?? 'unsure'}); kept as read`,
                  item.page,
                  { actual: d.candidate.token.raw, expected: d.best },
                ),
              );
            }
            for (const d of ds) {
              if (!d.doubt) continue;
              diagnostics.push(
                diag(
                  'warning',
                  'OCR_NUMBER_UNCERTAIN',
                  `page ${item.page}: ${d.candidate.kind} "${d.candidate.token.raw}" read as ${d.text}, but ${d.doubtReason ?? '๔ and ๕ look alike there'}${d.doubt.length > 0 ? `: it may be ${d.doubt.join(' or ')}` : ''}`,
                  item.page,
                  { actual: d.text, ...(d.doubt[0] !== undefined ? { expected: d.doubt[0] } : {}) },
                ),
              );
            }
            if (report.repaired > 0) {
              const list = ds.filter((d) => d.changed).map((d) => `${d.candidate.token.raw}→${d.text}`);
              diagnostics.push(diag('info', 'OCR_NUMBER_REPAIRED', `page ${item.page}: ${list.length} number(s) re-read from the glyphs: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''}`, item.page));
            }
          }
          const layout = ocrLayout(words, item.page, { image: item.image, grids: item.grids, skew: item.skew });
          // in the page's language (the Thai-first reading's, page.ts), not all the engine's
          const cellLanguages = options.thaiFirst !== false && !options.legacyPageReading ? languageSplit(engine)?.first : undefined;
          await fillEmptyCells(layout.emptyCells, item.image, engine, layout.scale, options.numberOptions, cellLanguages);
          blocks.push(...layout.blocks.map(blockWithoutStrayMarks));
          confidence.push(...layout.confidence);
          report.blocks = layout.blocks.length;
        }
        report.confidence = result.words.length > 0 ? result.confidence : 0;
        report.words = result.words.length;
        confSum += result.confidence * result.words.length;
        confWords += result.words.length;
        if (result.words.length > 0 && result.confidence < low) {
          diagnostics.push(
            diag('warning', 'OCR_LOW_CONFIDENCE', `page ${item.page}: OCR confidence ${Math.round(result.confidence)} is below ${low}; text may be wrong`, item.page),
          );
        }
      }
      item.image = null;
      report.seconds = (Date.now() - item.started) / 1000;
      reports.push(report);
      options.onPage?.(report);
    }
  } finally {
    // let recognitions still running finish (their results are dropped) before closing
    await Promise.allSettled(queue.map((q) => q.reading));
    await renderer.close();
  }
  const joined = options.joinContinuedTables === false ? { blocks, confidence } : joinContinuedTables(blocks, confidence);
  return {
    blocks: joined.blocks,
    confidence: joined.confidence,
    diagnostics,
    meanConfidence: confWords > 0 ? Math.round((confSum / confWords) * 10) / 10 : 0,
    pages: reports,
    numbers: decisions,
    unrepairedBlocks: unrepaired,
    engine: engine.name ?? null,
  };
}

/**
 * Ruled cells with ink but no word (Tesseract drops a lone digit in a
 * narrow cell): each is cropped and read again as a single line; what
 * {@link emptyCellText} takes of it goes into the cell.
 */
async function fillEmptyCells(
  cells: OcrLayout['emptyCells'],
  image: GreyImage,
  engine: OcrEngine,
  H: number,
  numberOptions: ReadOptions | undefined,
  languages?: string,
): Promise<void> {
  await Promise.all(
    cells.slice(0, 50).map(async ({ cell, bbox, numbering }) => {
      // short ink (a few characters): most likely a number; the templates read Thai digits Tesseract cannot
      if (bbox.x1 - bbox.x0 < 5 * H) {
        const d = readDigitsIn(image, bbox, numberOptions);
        if (/[๐-๙]/.test(d.text) && d.distance < 0.4) {
          cell.paragraphs = [d.text];
          return;
        }
      }
      const crop = cropPadded(image, bbox, 12);
      try {
        const r = await engine.recognise(crop, { psm: 7, languages });
        const text = emptyCellText(r.words, numbering);
        if (text !== null) cell.paragraphs = [text];
      } catch {
        // left empty
      }
    }),
  );
}

/** A cell holding a row number and nothing else: "3", "12.", "(4)", "2.1". */
const ROW_NUMBER_ONLY = /^[([]?[0-9]{1,3}(?:[.)\]]|[.][0-9]{1,2})?$/;

/**
 * What an empty cell read again on its own holds (null: nothing to take):
 * its words read with confidence ≥ 50, when they average 60 and are Thai.
 * Latin letters alone in a Thai table cell are a misread, not text; Arabic
 * digits alone are taken in a column numbering the rows (`numbering`: a "3"
 * where the other rows read "1", "2", "4"), nowhere else (a tick read "7").
 */
export function emptyCellText(read: readonly OcrWord[], numbering: boolean): string | null {
  const words = read.filter((w) => w.confidence >= 50);
  const text = normalizeThai(words.map((w, i) => (i > 0 && w.spaceBefore ? ' ' : '') + w.text).join('')).trim();
  const taken = /[\u0e01-\u0e5b]/.test(text) || (numbering && ROW_NUMBER_ONLY.test(text));
  return text !== '' && taken && mean(words.map((w) => w.confidence)) >= 60 ? text : null;
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The box of the image on a white margin of `pad` pixels. */
function cropPadded(img: GreyImage, b: BBox, pad: number): GreyImage {
  const x0 = Math.max(0, Math.floor(b.x0));
  const y0 = Math.max(0, Math.floor(b.y0));
  const x1 = Math.min(img.width, Math.ceil(b.x1));
  const y1 = Math.min(img.height, Math.ceil(b.y1));
  const w = Math.max(1, x1 - x0) + 2 * pad;
  const h = Math.max(1, y1 - y0) + 2 * pad;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) data[(y - y0 + pad) * w + (x - x0 + pad)] = img.data[y * img.width + x] ?? 255;
  }
  return { width: w, height: h, data };
}

function message(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e ?? 'unknown error');
}
