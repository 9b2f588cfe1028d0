/**
 * Where the CPU of one scanned page goes, stage by stage (issue 16, point 2):
 *
 *   npx tsx bench/ocr-stages.ts FILE.pdf PAGE [--engine js|native] [--legacy] [--all-languages]
 *
 * --legacy: today's path (pdfjs rendering, tesseract.js's blocks tree, whole pages in every
 * language); --all-languages: the current path without the Thai-first reading.
 *
 * Rendering (renderForOcr), the ruled-table preparation, then ocrPdf of the
 * page with every recognition listed (size, psm, languages, CPU from call to
 * answer), and the rest (number repair, layout, empty cells) as the
 * difference. CPU: this process's user + system (tesseract.js's worker
 * threads included) + waited-for children (native tesseract).
 */
import { readFileSync } from 'node:fs';
import { chooseOcrEngine } from '../src/ocr/choose.js';
import { createOcrEngine, type OcrEngine } from '../src/ocr/engine.js';
import { ocrPdf } from '../src/ocr/pdf.js';
import { openPdfRenderer, renderForOcr } from '../src/ocr/render.js';
import { prepareRuledPage } from '../src/ocr/tablepage.js';
import type { GreyImage } from '../src/ocr/types.js';
import { cpuMark, cpuSince } from './_cpu.js';
import { withRecognise } from './_engine.js';

const args = process.argv.slice(2);
const file = args[0] as string;
const page = Number(args[1] ?? 1);
const kind = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : 'js';
const legacy = args.includes('--legacy');
const thaiFirst = args.includes('--all-languages') ? false : undefined;
const bytes = new Uint8Array(readFileSync(file));

const base: OcrEngine = legacy ? createOcrEngine({ workers: 1, blocksOutput: true }) : await chooseOcrEngine({ kind: kind as 'js' | 'native', workers: 1 });
const blank = { width: 64, height: 32, data: new Uint8Array(64 * 32).fill(255) };
await base.recognise(blank).catch(() => undefined);
await base.recognise(blank, { languages: 'tha' }).catch(() => undefined);
// every language's workers started before timing (the second pass reads in the rest: "eng")
await base.recognise(blank, { languages: base.languages.split('+').slice(1).join('+') || undefined }).catch(() => undefined);

const r = await openPdfRenderer(bytes, { pageImages: !legacy });
let m = cpuMark();
const img = await renderForOcr(r, page);
const render = cpuSince(m).total;
m = cpuMark();
const prep = prepareRuledPage(img);
const prepare = cpuSince(m).total;
await r.close();
console.log(`render ${img.width}x${img.height} @${img.dpi.toFixed(0)} dpi: ${render.toFixed(2)} CPU-s; prepareRuledPage: ${prepare.toFixed(2)} (${prep.grids.length} grids)`);

const calls: string[] = [];
let recCpu = 0;
const engine = withRecognise(base, async (image, o) => {
  const g = image as GreyImage;
  const c = cpuMark();
  const res = await base.recognise(image, o);
  const t = cpuSince(c).total;
  recCpu += t;
  calls.push(`  ${g.width}x${g.height} psm ${o?.psm ?? '-'} ${o?.languages ?? 'all'}: ${t.toFixed(2)} CPU-s, ${res.words.length} words`);
  return res;
});
m = cpuMark();
const res = await ocrPdf(bytes, [page], engine, { legacyPageReading: legacy, thaiFirst });
const total = cpuSince(m).total;
console.log(calls.join('\n'));
console.log(`ocrPdf page ${page} (${base.name}${legacy ? ', legacy' : ''}${thaiFirst === false ? ', all languages at once' : ''}): ${total.toFixed(2)} CPU-s; recognitions ${calls.length}, ${recCpu.toFixed(2)} CPU-s (overlapping calls counted twice); words ${res.pages[0]?.words}`);
await base.terminate();
