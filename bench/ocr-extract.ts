/**
 * Scans end to end: extract() on scanned renderings against extract() on the
 * text-layer PDF of the very same rendering (what the scan was made from),
 * per scan quality: entries recall/precision, sections, item-code F1,
 * organisation/district/province, fiscal year, periods, overall score,
 * character error rate and CPU-seconds per page (bench/_scan-score.ts).
 *
 *   scripts/make-scan-fixtures.sh --bench-q DIR     (DIR/QUALITY/NAME.pdf + NAME.text.pdf + NAME.pN.txt)
 *   npm run bench -- --only scans --scan-dir DIR [--scan-files 001,003]
 *   npx tsx bench/ocr-extract.ts --dir DIR [--workers N] [--files 000,001] [--json OUT] [--verbose]
 *
 * DIR is either one quality (NAME.pdf files in it) or a folder of quality
 * folders. CPU-seconds: process.cpuUsage() (this thread and tesseract.js's
 * worker threads) plus the children's (the native tesseract) from
 * /proc/self/stat. CER: the OCR text of each page (blocks in reading order,
 * cells row by row) against NAME.pN.txt (pdftotext's order, cell by cell,
 * so a table read row by row counts heavily), and "bag": the characters
 * compared as multisets (missing or extra, a substitution once), a lower
 * bound of the CER that leaves the reading order out. The OCR results of extract() are replayed for it, so it
 * costs no second recognition.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extract } from '../src/extract.js';
import { type OcrEngine, createOcrEngine } from '../src/ocr/engine.js';
import { imageKey, withRecognise } from './_engine.js';
import { comparable, pageErrors, pageTexts } from '../src/ocr/metrics.js';
import { ocrPdf } from '../src/ocr/pdf.js';
import type { GreyImage, OcrResult } from '../src/ocr/types.js';
import { type ScanFigures, type ScanTally, addTally, emptyScanTally, figures, scoreScan } from './_scan-score.js';

export interface ScanBenchOptions {
  dir: string;
  /** Stems to read (default all). */
  files?: string[];
  workers?: number;
  verbose?: boolean;
  log?: (line: string) => void;
}

export interface QualityResult {
  quality: string;
  figures: ScanFigures;
  files: Array<{ stem: string; figures: ScanFigures }>;
}

/** Quality folders under dir (or dir itself when it holds scans). */
export function qualityDirs(dir: string): string[] {
  const hasScans = (d: string) => readdirSync(d).some((f) => f.endsWith('.text.pdf'));
  if (hasScans(dir)) return [dir];
  return readdirSync(dir)
    .map((f) => join(dir, f))
    .filter((d) => !basename(d).startsWith('.') && statSync(d).isDirectory() && hasScans(d))
    .sort();
}

/** CPU seconds of this process (all threads) and of its waited-for children. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  let children = 0;
  try {
    // fields after the ")": state is 3rd; cutime and cstime are the 16th and 17th fields of the line
    const rest = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    children = (Number(rest[13]) + Number(rest[14])) / 100;
  } catch {
    // not Linux: children are not counted
  }
  return (u.user + u.system) / 1e6 + children;
}

/**
 * An engine that remembers every result by the image it was given, so a second pass over the same pages recognises nothing.
 * With cacheDir (OCR_BENCH_CACHE=DIR) results are also kept on disk, one JSON file per image and options, so a
 * later run replays what an earlier one recognised (development only: CPU-seconds then leave recognition out).
 */
export function replayingEngine(inner: OcrEngine, cacheDir = process.env.OCR_BENCH_CACHE): OcrEngine {
  const cache = new Map<string, Promise<OcrResult>>();
  return withRecognise(inner, async (image, options) => {
    const k = imageKey(image, options);
    let p = cache.get(k);
    if (!p) {
      const file = cacheDir ? join(cacheDir, `${k}.json`) : null;
      if (file && existsSync(file)) p = Promise.resolve(JSON.parse(readFileSync(file, 'utf8')) as OcrResult);
      else {
        p = inner.recognise(image, options);
        if (file) {
          mkdirSync(cacheDir!, { recursive: true });
          void p.then((r) => writeFileSync(file, JSON.stringify(r)), () => undefined);
        }
      }
      cache.set(k, p);
    }
    return structuredClone(await p);
  });
}

/** Pages' truth texts NAME.pN.txt, by page number. */
function truthPages(dir: string, stem: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const f of readdirSync(dir)) {
    const m = new RegExp(`^${stem}\\.p(\\d+)\\.txt$`).exec(f);
    if (m) out.set(Number(m[1]), readFileSync(join(dir, f), 'utf8'));
  }
  return out;
}

const f2 = (x: number) => x.toFixed(2);

/** Characters of `truth` missing from `got` or extra in it, counted as multisets: CER without the reading order (a lower bound of it). */
export function bagErrors(got: string, truth: string): number {
  const count = new Map<string, number>();
  for (const c of truth) count.set(c, (count.get(c) ?? 0) + 1);
  for (const c of got) count.set(c, (count.get(c) ?? 0) - 1);
  let missing = 0;
  let extra = 0;
  for (const v of count.values()) {
    if (v > 0) missing += v;
    else extra -= v;
  }
  // a substitution is one missing and one extra character: count it once
  return Math.max(missing, extra);
}

export function formatFigures(name: string, f: ScanFigures): string {
  return `  ${name.padEnd(8)} ${String(f.pages).padStart(4)}  ${f2(f.entryRecall)}/${f2(f.entryPrecision)}  ${f2(f.sections)}  ${Number.isNaN(f.codeF1) ? '  – ' : f2(f.codeF1)}  ${f2(f.organization)}/${f2(f.district)}/${f2(f.province)}  ${f2(f.fiscalYear)}  ${f2(f.periods)}  ${f2(f.overallScore)}  ${(100 * f.cer).toFixed(1).padStart(5)} % ${(100 * f.cerSorted).toFixed(1).padStart(5)} %  ${f.cpuPerPage.toFixed(1).padStart(5)}  ${f.wallPerPage.toFixed(1).padStart(5)}`;
}
export const FIGURES_HEADER = `  ${'quality'.padEnd(8)} ${'pages'.padStart(4)} entries R/P sect  codeF1 org/dist/prov   FY    period score  CER   bag     cpu-s/p wall-s/p`;

export async function benchScans(options: ScanBenchOptions): Promise<QualityResult[]> {
  const log = options.log ?? ((s: string) => console.log(s));
  const workers = options.workers ?? Math.min(2, os.availableParallelism());
  const inner = createOcrEngine({ workers });
  const results: QualityResult[] = [];
  try {
    for (const qdir of qualityDirs(options.dir)) {
      const quality = basename(qdir);
      const total = emptyScanTally();
      const files: QualityResult['files'] = [];
      const stems = readdirSync(qdir)
        .filter((f) => /^[^.]+\.pdf$/.test(f) && existsSync(join(qdir, f.replace(/\.pdf$/, '.text.pdf'))))
        .map((f) => f.replace(/\.pdf$/, ''))
        .filter((s) => !options.files || options.files.includes(s))
        .sort();
      for (const stem of stems) {
        const t: ScanTally = emptyScanTally();
        const engine = replayingEngine(inner);
        const text = await extract(new Uint8Array(readFileSync(join(qdir, `${stem}.text.pdf`))), { fileName: `${stem}.text.pdf`, ocr: 'never' });
        const bytes = new Uint8Array(readFileSync(join(qdir, `${stem}.pdf`)));
        const w0 = performance.now();
        const c0 = cpuSeconds();
        // OCR_BENCH_ALL_LANGUAGES=1 (development): every language at once, the one-pass path, to compare with the default
        const allLanguages = process.env.OCR_BENCH_ALL_LANGUAGES ? { ocrThaiFirst: false } : {};
        const scan = await extract(bytes, { fileName: `${stem}.pdf`, ocrEngine: engine, ...allLanguages });
        t.cpuSeconds = cpuSeconds() - c0;
        t.wallSeconds = (performance.now() - w0) / 1000;
        t.pages = scan.source.pages ?? 0;
        scoreScan(t, scan, text);
        const dump = process.env.OCR_BENCH_DUMP; // development: both extract() results, to compare entry by entry
        if (dump) {
          mkdirSync(dump, { recursive: true });
          writeFileSync(join(dump, `${quality}-${stem}.json`), JSON.stringify({ scan, text }, null, 1));
        }
        // CER per page, from the same recognition replayed
        const truth = truthPages(qdir, stem);
        if (truth.size > 0) {
          // tables continued across pages left unjoined: joined, a table's rows all count against its first page
          const read = await ocrPdf(bytes, [...truth.keys()], engine, { joinContinuedTables: false, ...(process.env.OCR_BENCH_ALL_LANGUAGES ? { thaiFirst: false } : {}) });
          const pe = pageErrors(read.blocks, truth);
          t.cerErrors += pe.errors;
          t.cerChars += pe.chars;
          const texts = pageTexts(read.blocks);
          for (const [page, want] of truth) {
            const got = texts.get(page) ?? '';
            const b = comparable(want);
            t.sortedErrors += bagErrors(comparable(got), b);
            t.sortedChars += b.length;
          }
        }
        const fig = figures(t);
        files.push({ stem, figures: fig });
        addTally(total, t);
        log(formatFigures(`${quality.slice(0, 3)}/${stem}`, fig));
        if (options.verbose) {
          log(`    org ${JSON.stringify(scan.organization)} vs ${JSON.stringify(text.organization)}`);
          log(`    FY ${scan.fiscalYear?.be} vs ${text.fiscalYear?.be}; score ${scan.assessment.overallScore} vs ${text.assessment.overallScore}; entries ${scan.entries.length}/${text.entries.length}`);
        }
      }
      const fig = figures(total);
      results.push({ quality, figures: fig, files });
      log(formatFigures(quality, fig));
    }
  } finally {
    await inner.terminate();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = opt('--dir');
  if (!dir || !existsSync(dir)) {
    console.log('  (no scan directory: run scripts/make-scan-fixtures.sh --bench-q DIR, then --dir DIR)');
    process.exit(0);
  }
  console.log(FIGURES_HEADER);
  const res = await benchScans({ dir, files: opt('--files')?.split(','), workers: opt('--workers') ? Number(opt('--workers')) : undefined, verbose: args.includes('--verbose') });
  const json = opt('--json');
  if (json) writeFileSync(json, JSON.stringify(res, null, 2));
}
