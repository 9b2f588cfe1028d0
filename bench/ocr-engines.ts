/**
 * OCR engines on the same page images: tesseract.js (createOcrEngine, one
 * worker) against the native `tesseract` command (createNativeOcrEngine,
 * one process at a time) with Debian's Thai model and, for a like-for-like
 * engine comparison, with the model tesseract.js uses (the
 * @tesseract.js-data 4.0.0_best_int files, unzipped to a temporary
 * tessdata folder).
 *
 * The pages of fixtures/scans/*.pdf that have a committed text version
 * (NAME.pN.txt) are rendered once (src/ocr/render.ts, 150 dpi); each engine
 * recognises each image, runs interleaved (seconds per page, wall). The
 * character error rate is then measured on the whole OCR pipeline
 * (ocrPdf: number repair, layout, re-reading empty cells with the same
 * engine), each engine's page result reused (not recognised again), as in
 * bench/ocr.ts: CER on normalised text without spaces, the OCR side being
 * the blocks' text.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { type OcrEngine, createOcrEngine } from '../src/ocr/engine.js';
import { cer, matched, pageTexts, yearsIn } from '../src/ocr/metrics.js';
import { createNativeOcrEngine, nativeTesseractAvailable } from '../src/ocr/native.js';
import { ocrPdf } from '../src/ocr/pdf.js';
import { type RenderedPage, openPdfRenderer } from '../src/ocr/render.js';
import type { GreyImage, OcrResult } from '../src/ocr/types.js';
import { withRecognise } from './_engine.js';

const DIR = fileURLToPath(new URL('../fixtures/scans/', import.meta.url));

interface Page {
  file: string;
  page: number;
  bytes: Uint8Array;
  image: RenderedPage;
  truth: string;
  renderS: number;
}

export interface EngineFigures {
  name: string;
  /** Seconds per page image (recognise() alone), per page. */
  seconds: number[];
  /** Seconds per page of the whole pipeline (ocrPdf, the page result reused: layout, number repair, cell re-reads). */
  pipelineSeconds: number;
  cer: number[];
  chars: number[];
  years: { truth: number; found: number };
  confidence: number[];
}

export interface OcrBench {
  pages: Array<{ file: string; page: number; width: number; height: number; renderS: number }>;
  engines: EngineFigures[];
  /** Why the native engine is missing, when it is. */
  nativeNote: string | null;
}

/** Tries `apt-get install` for the native engine: only when asked (BENCH_INSTALL=1) and apt-get exists. */
function maybeInstall(): string | null {
  if (process.env.BENCH_INSTALL !== '1') return null;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
  } catch {
    return 'BENCH_INSTALL=1 but no apt-get here';
  }
  try {
    console.log('  installing tesseract-ocr tesseract-ocr-tha (BENCH_INSTALL=1)…');
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', 'tesseract-ocr', 'tesseract-ocr-tha'], { stdio: 'ignore' });
    return null;
  } catch (e) {
    return `apt-get install failed: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** The tesseract.js models (gzip in @tesseract.js-data) unzipped into a tessdata folder for the native engine. */
function bundledTessdata(dir: string, langs: string[]): string | null {
  const require = createRequire(import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const lang of langs) {
    try {
      const pkg = require.resolve(`@tesseract.js-data/${lang}/package.json`).replace(/package\.json$/, '');
      const gz = [join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`), join(pkg, '4.0.0', `${lang}.traineddata.gz`)].find(existsSync);
      if (!gz) return null;
      writeFileSync(join(dir, `${lang}.traineddata`), gunzipSync(readFileSync(gz)));
    } catch {
      return null;
    }
  }
  return dir;
}

function key(img: GreyImage): string {
  return `${img.width}x${img.height}:${createHash('sha1').update(img.data).digest('hex')}`;
}

/** The engine, with the full-page results already known: ocrPdf re-renders the page, gets them back instantly, and re-reads cells for real. */
function primed(engine: OcrEngine, known: Map<string, OcrResult>): OcrEngine {
  return withRecognise(engine, (image, opts) => {
    if (typeof image === 'object' && 'width' in image && 'data' in image && opts?.psm === undefined) {
      const hit = known.get(key(image as GreyImage));
      if (hit) return Promise.resolve(hit);
    }
    return engine.recognise(image, opts);
  });
}

export async function benchOcrEngines(maxPages = 6): Promise<OcrBench> {
  const pages: Page[] = [];
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.pdf')).sort()) {
    const stem = f.replace(/\.pdf$/, '');
    const nums = readdirSync(DIR)
      .map((n) => new RegExp(`^${stem}\\.p(\\d+)\\.txt$`).exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    if (nums.length === 0) continue;
    const bytes = new Uint8Array(readFileSync(join(DIR, f)));
    const r = await openPdfRenderer(bytes);
    try {
      for (const n of nums) {
        if (pages.length >= maxPages) break;
        const t0 = performance.now();
        const image = await r.render(n, 150);
        pages.push({ file: f, page: n, bytes, image, truth: readFileSync(join(DIR, `${stem}.p${n}.txt`), 'utf8'), renderS: (performance.now() - t0) / 1000 });
      }
    } finally {
      await r.close();
    }
  }

  let nativeNote: string | null = null;
  let native = await nativeTesseractAvailable();
  if (!native) {
    nativeNote = maybeInstall();
    native = await nativeTesseractAvailable();
    nativeNote ??= native ? null : 'native tesseract (with Thai) not installed: apt-get install tesseract-ocr tesseract-ocr-tha, or run with BENCH_INSTALL=1';
  }
  const tmp = mkdtempSync(join(os.tmpdir(), 'ita-bench-ocr-'));
  try {
    const engines: Array<{ name: string; engine: OcrEngine }> = [{ name: 'tesseract.js 7 (wasm), best_int model', engine: createOcrEngine({ workers: 1 }) }];
    if (native) {
      engines.push({ name: `tesseract ${native.version} (native), Debian model`, engine: createNativeOcrEngine({ workers: 1 }) });
      const td = bundledTessdata(join(tmp, 'tessdata'), ['tha', 'eng']);
      if (td) engines.push({ name: `tesseract ${native.version} (native), best_int model`, engine: createNativeOcrEngine({ workers: 1, tessdataDir: td }) });
    }
    const figures: EngineFigures[] = engines.map((e) => ({ name: e.name, seconds: [], pipelineSeconds: 0, cer: [], chars: [], years: { truth: 0, found: 0 }, confidence: [] }));
    const results = engines.map(() => new Map<string, OcrResult>());
    try {
      // start-up (worker and model loading) is not a page's cost
      const blank = { width: 64, height: 32, data: new Uint8Array(64 * 32).fill(255) };
      for (const e of engines) await e.engine.recognise(blank);
      // interleaved, the order rotating page by page
      pages.forEach(() => undefined);
      for (let p = 0; p < pages.length; p++) {
        const page = pages[p]!;
        for (let k = 0; k < engines.length; k++) {
          const i = (p + k) % engines.length;
          const t0 = performance.now();
          const r = await engines[i]!.engine.recognise(page.image, { dpi: page.image.dpi });
          figures[i]!.seconds.push((performance.now() - t0) / 1000);
          figures[i]!.confidence.push(r.confidence);
          results[i]!.set(key(page.image), r);
        }
      }
      for (let i = 0; i < engines.length; i++) {
        const eng = primed(engines[i]!.engine, results[i]!);
        const byFile = new Map<string, Page[]>();
        for (const p of pages) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
        for (const [, ps] of byFile) {
          const t0 = performance.now();
          const res = await ocrPdf(ps[0]!.bytes, ps.map((p) => p.page), eng, { legacyPageReading: true, joinContinuedTables: false }); // whole pages: the results above are reused; each page its own text
          figures[i]!.pipelineSeconds += (performance.now() - t0) / 1000;
          const texts = pageTexts(res.blocks); // a joined table's rows on their own pages
          for (const p of ps) {
            const text = texts.get(p.page) ?? '';
            figures[i]!.cer.push(cer(text, p.truth));
            figures[i]!.chars.push(p.truth.replace(/\s+/g, '').length);
            const truthYears = yearsIn(p.truth);
            figures[i]!.years.truth += truthYears.length;
            figures[i]!.years.found += matched(yearsIn(text), truthYears);
          }
        }
        figures[i]!.pipelineSeconds /= pages.length;
      }
    } finally {
      await Promise.allSettled(engines.map((e) => e.engine.terminate()));
    }
    return {
      pages: pages.map((p) => ({ file: p.file, page: p.page, width: p.image.width, height: p.image.height, renderS: p.renderS })),
      engines: figures,
      nativeNote,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function printOcrEngines(r: OcrBench): void {
  const renderS = r.pages.reduce((a, p) => a + p.renderS, 0) / Math.max(1, r.pages.length);
  console.log(`  ${r.pages.length} page(s) of fixtures/scans at 150 dpi (${r.pages.map((p) => `${p.file} p${p.page} ${p.width}×${p.height}`).join(', ')}); rendering ${renderS.toFixed(2)} s/page, once`);
  if (r.nativeNote) console.log(`  native engine skipped: ${r.nativeNote}`);
  const base = r.engines[0];
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(`  ${'engine (1 worker / 1 process)'.padEnd(44)} recognise s/page  ×js    pipeline s/page  CER (per page)                     CER all   years`);
  for (const e of r.engines) {
    const s = mean(e.seconds);
    const chars = e.chars.reduce((a, b) => a + b, 0);
    const all = e.cer.reduce((a, c, i) => a + c * (e.chars[i] ?? 0), 0) / Math.max(1, chars);
    const perPage = e.cer.map((c) => `${(100 * c).toFixed(1)} %`).join(', ');
    console.log(
      `  ${e.name.padEnd(44)} ${s.toFixed(2).padStart(16)}  ${base ? (mean(base.seconds) / s).toFixed(2).padStart(4) : ' –'}×  ${e.pipelineSeconds.toFixed(2).padStart(15)}  ${perPage.padEnd(33)}  ${(100 * all).toFixed(2).padStart(5)} %  ${e.years.found}/${e.years.truth}`,
    );
  }
  console.log('  (×js: tesseract.js seconds / this engine\'s, > 1 = faster; pipeline: ocrPdf with the page result reused — layout, number repair, empty-cell re-reads)');
}
