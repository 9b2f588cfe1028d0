/**
 * OCR cost and accuracy, today's path against the current one, on the same
 * scanned documents in the same run (issue 16, point 2).
 *
 *   today: tesseract.js (one worker), whole pages in "tha+eng", its blocks
 *          tree taken (blocksOutput), a page that reads poorly read again
 *          whole turned 90°, 270°, 180° (extract's ocrLegacyPageReading, the
 *          reading before the speed work)
 *   now:   the engine extract uses by default (tesseract.js, one worker,
 *          TSV output), the page turned before reading, read in Thai alone,
 *          the places that look Latin read again in English in one stacked
 *          image (ocr/second-pass.ts); and, when installed, the same with the
 *          native tesseract (tesseract.js's models)
 *
 * Each document is extracted with each configuration, the order alternating
 * from one document to the next. CPU: user + system time of this process
 * (every thread, tesseract.js's workers included) and of its waited-for
 * children (native tesseract processes; /proc/self/stat), around extract():
 * rendering, recognition, number repair, layout, recognition of the report.
 * Accuracy: the character error rate of the OCR'd blocks against NAME.pN.txt
 * (as bench/ocr.ts; the OCR stage replayed with the recognitions recorded
 * during extract(), so it costs nothing more), and, when NAME.text.pdf is
 * there, extract() of the scan against extract() of the text PDF of the
 * same rendering (as bench/ocr-extract.ts): header fields, entries, item
 * codes and periods (precision / recall over multisets).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/extract.js';
import type { ItaDocument } from '../src/model/schema.js';
import { chooseOcrEngine, nativeInstalled } from '../src/ocr/choose.js';
import { type OcrEngine, createOcrEngine } from '../src/ocr/engine.js';
import { imageKey, withRecognise } from './_engine.js';
import { matched, pageErrors } from '../src/ocr/metrics.js';
import { ocrPdf } from '../src/ocr/pdf.js';
import type { GreyImage, OcrResult } from '../src/ocr/types.js';
import { cpuMark, cpuSince } from './_cpu.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/scans/', import.meta.url));

interface Config {
  name: string;
  legacy: boolean;
  engine: () => Promise<OcrEngine>;
}

export interface SpeedFigures {
  name: string;
  engine: string;
  pages: number;
  cpu: number;
  /** CPU of child processes (native tesseract), included in cpu. */
  childCpu: number;
  /** recognise() calls, and of them full pages (images of at least a quarter of a page). */
  calls: number;
  pageCalls: number;
  megapixels: number;
  chars: number;
  errors: number;
  header: [number, number];
  entries: [number, number];
  codes: [number, number, number];
  periods: [number, number, number];
}

export interface SpeedBench {
  dir: string;
  files: string[];
  configs: SpeedFigures[];
}

const codes = (d: ItaDocument) => d.entries.flatMap((e) => e.itemCodes.map((c) => c.code));
const periods = (d: ItaDocument) => d.entries.flatMap((e) => e.periods.map((p) => `${p.start}..${p.end}`));
const HEADER_FIELDS = ['organisation', 'province', 'fiscal year', 'assessment year', 'overall score', 'level', 'period start'];
const header = (d: ItaDocument) => [d.organization?.name, d.organization?.province, d.fiscalYear?.be, d.assessment.year, d.assessment.overallScore, d.assessment.level, d.reportingPeriod?.start];

/** `engine`, counting what it is sent and keeping each result (for the replay). */
function recording(engine: OcrEngine, pageArea: number, tally: SpeedFigures, memo: Map<string, OcrResult>): OcrEngine {
  return withRecognise(engine, async (image, o) => {
    const grey = 'width' in image && 'data' in image && !Buffer.isBuffer(image) ? (image as GreyImage) : null;
    tally.calls++;
    if (grey) {
      tally.megapixels += (grey.width * grey.height) / 1e6;
      if (grey.width * grey.height >= pageArea / 4) tally.pageCalls++;
    }
    const r = await engine.recognise(image, o);
    memo.set(imageKey(image, o), r);
    return r;
  });
}

/** Answers from the recordings; recognises for real what was not recorded. */
function replaying(engine: OcrEngine, memo: Map<string, OcrResult>): OcrEngine {
  return withRecognise(engine, (image, o) => Promise.resolve(memo.get(imageKey(image, o)) ?? engine.recognise(image, o)));
}

export async function benchOcrSpeed(options: { dir?: string; files?: string[] } = {}): Promise<SpeedBench> {
  const dir = options.dir ?? FIXTURES;
  const stems = readdirSync(dir)
    .filter((f) => /^[^.]+\.pdf$/.test(f))
    .map((f) => f.replace(/\.pdf$/, ''))
    .filter((s) => (options.files ? options.files.includes(s) : true))
    .sort();
  const configs: Config[] = [
    { name: "today's path", legacy: true, engine: async () => createOcrEngine({ workers: 1, blocksOutput: true }) },
    { name: 'now', legacy: false, engine: () => chooseOcrEngine({ workers: 1 }) },
  ];
  if (await nativeInstalled()) configs.push({ name: 'now, native engine', legacy: false, engine: () => chooseOcrEngine({ kind: 'native', workers: 1 }) });
  const engines = await Promise.all(configs.map((c) => c.engine()));
  const figures: SpeedFigures[] = configs.map((c, i) => ({
    name: c.name,
    engine: engines[i]?.name ?? '?',
    pages: 0,
    cpu: 0,
    childCpu: 0,
    calls: 0,
    pageCalls: 0,
    megapixels: 0,
    chars: 0,
    errors: 0,
    header: [0, 0],
    entries: [0, 0],
    codes: [0, 0, 0],
    periods: [0, 0, 0],
  }));
  try {
    // start-up (workers, models) is not a page's cost: every language list a configuration may read with
    // (all at once; Thai first: "tha", then "eng") has its workers started before timing
    const blank = { width: 64, height: 32, data: new Uint8Array(64 * 32).fill(255) };
    for (const e of engines) {
      const langs = e.languages.split('+');
      for (const languages of [undefined, langs[0], langs.slice(1).join('+') || undefined]) await e.recognise(blank, { languages }).catch(() => undefined);
    }
    for (const [k, stem] of stems.entries()) {
      const bytes = new Uint8Array(readFileSync(join(dir, `${stem}.pdf`)));
      const textPdf = join(dir, `${stem}.text.pdf`);
      const text = existsSync(textPdf) ? await extract(new Uint8Array(readFileSync(textPdf)), { fileName: `${stem}.text.pdf`, ocr: 'never' }) : null;
      for (let j = 0; j < configs.length; j++) {
        const i = (j + k) % configs.length;
        const config = configs[i] as Config;
        const engine = engines[i] as OcrEngine;
        const f = figures[i] as SpeedFigures;
        const memo = new Map<string, OcrResult>();
        // a page's area, for telling whole-page recognitions from crops
        const rec = recording(engine, await ocrPageArea(bytes), f, memo);
        const m = cpuMark();
        const doc = await extract(bytes, { fileName: `${stem}.pdf`, ocrEngine: rec, ocrLegacyPageReading: config.legacy });
        const c = cpuSince(m);
        const pages = doc.source.pages ?? 0;
        f.pages += pages;
        f.cpu += c.total;
        f.childCpu += c.children;
        // the OCR stage again, from the recordings: its blocks, for the character error rate
        const all = Array.from({ length: pages }, (_, p) => p + 1);
        // tables not joined across pages: joined, a row cut by a page break counts on the page before (metrics.ts pageErrors)
        const replay = await ocrPdf(bytes, all, replaying(engine, memo), { legacyPageReading: config.legacy, joinContinuedTables: false });
        const truth = new Map<number, string>();
        for (const p of all) {
          const tf = join(dir, `${stem}.p${p}.txt`);
          if (existsSync(tf)) truth.set(p, readFileSync(tf, 'utf8'));
        }
        const pe = pageErrors(replay.blocks, truth);
        f.chars += pe.chars;
        f.errors += pe.errors;
        if (text) {
          const h = header(doc);
          const ht = header(text);
          f.header[0] += h.filter((x, n) => x !== undefined && x !== null && x === ht[n]).length;
          f.header[1] += ht.filter((x) => x !== undefined && x !== null).length;
          f.entries[0] += doc.entries.length;
          f.entries[1] += text.entries.length;
          f.codes[0] += matched(codes(doc), codes(text));
          f.codes[1] += codes(doc).length;
          f.codes[2] += codes(text).length;
          f.periods[0] += matched(periods(doc), periods(text));
          f.periods[1] += periods(doc).length;
          f.periods[2] += periods(text).length;
          // what a configuration read differently from the text PDF, per document (which header field, which codes)
          const wrong = HEADER_FIELDS.flatMap((name, n) => (ht[n] !== undefined && ht[n] !== null && h[n] !== ht[n] ? [`${name} ${JSON.stringify(h[n] ?? null)} (text ${JSON.stringify(ht[n])})`] : []));
          const missing = codes(text).filter((c) => !codes(doc).includes(c));
          const extra = codes(doc).filter((c) => !codes(text).includes(c));
          if (wrong.length + missing.length + extra.length > 0) {
            console.error(`  ${stem} ${config.name}: ${[...wrong, ...(missing.length ? [`codes missed ${missing.join(' ')}`] : []), ...(extra.length ? [`codes extra ${extra.join(' ')}`] : [])].join('; ')}`);
          }
        }
      }
    }
  } finally {
    await Promise.allSettled(engines.map((e) => e.terminate()));
  }
  return { dir, files: stems, configs: figures };
}

/** Pixels of the first page at 150 dpi (what ocrPdf renders). */
async function ocrPageArea(bytes: Uint8Array): Promise<number> {
  const { openPdfRenderer } = await import('../src/ocr/render.js');
  const r = await openPdfRenderer(bytes);
  try {
    const img = await r.render(1, 150);
    return img.width * img.height;
  } finally {
    await r.close();
  }
}

export function printOcrSpeed(r: SpeedBench): void {
  const pr = (hit: number, got: number, want: number) => `${got ? (hit / got).toFixed(2) : '–'} / ${want ? (hit / want).toFixed(2) : '–'}`;
  console.log(`  ${r.files.length} document(s) of ${r.dir} (${r.files.join(', ')}); each extracted with each configuration, the order alternating`);
  console.log(`  ${'configuration'.padEnd(22)} ${'engine'.padEnd(20)} pages  CPU-s/page (children)  ×today  full-page reads  crops  Mpx sent  CER      header  entries   codes P / R   periods P / R`);
  const base = r.configs[0];
  for (const f of r.configs) {
    const per = f.cpu / Math.max(1, f.pages);
    const ratio = base ? per / Math.max(1e-9, base.cpu / Math.max(1, base.pages)) : 1;
    console.log(
      `  ${f.name.padEnd(22)} ${f.engine.padEnd(20)} ${String(f.pages).padStart(5)}  ${per.toFixed(2).padStart(10)} (${(f.childCpu / Math.max(1, f.pages)).toFixed(2).padStart(5)})  ${ratio.toFixed(2).padStart(6)}  ${String(f.pageCalls).padStart(15)}  ${String(f.calls - f.pageCalls).padStart(5)}  ${f.megapixels.toFixed(1).padStart(8)}  ${`${((100 * f.errors) / Math.max(1, f.chars)).toFixed(2)} %`.padEnd(7)}  ${`${f.header[0]}/${f.header[1]}`.padEnd(6)}  ${`${f.entries[0]}/${f.entries[1]}`.padEnd(8)}  ${pr(...f.codes).padEnd(12)}  ${pr(...f.periods)}`,
    );
  }
  console.log('  (CPU: this process, every thread, + its tesseract processes, around extract(); ×today: CPU per page against today\'s path; CER against NAME.pN.txt; the rest against extract() of NAME.text.pdf)');
}
