/**
 * Per-page CER of ocrPdf with one engine (issue 16, point 2: where an engine loses a page's text).
 *
 *   npx tsx bench/ocr-pages.ts FILE.pdf [--engine js|native] [--pages 6,7] [--dump DIR]
 *
 * Each page is read alone (joinContinuedTables off) and compared with FILE.pN.txt next to the PDF;
 * prints per page: CER, words, confidence, recognitions (size, psm, languages, words) and CPU.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chooseOcrEngine } from '../src/ocr/choose.js';
import type { OcrEngine } from '../src/ocr/engine.js';
import { cer, pageTexts } from '../src/ocr/metrics.js';
import { ocrPdf } from '../src/ocr/pdf.js';
import type { GreyImage } from '../src/ocr/types.js';
import { toPgm } from '../src/ocr/render.js';
import { cpuMark, cpuSince } from './_cpu.js';
import { withRecognise } from './_engine.js';

const args = process.argv.slice(2);
const file = args[0] as string;
const opt = (k: string): string | undefined => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
const kind = (opt('--engine') ?? 'js') as 'js' | 'native';
const dump = opt('--dump');
const bytes = new Uint8Array(readFileSync(file));
const base: OcrEngine = await chooseOcrEngine({ kind, workers: 1 });
const { openPdfRenderer } = await import('../src/ocr/render.js');
const r0 = await openPdfRenderer(bytes);
const n = r0.numPages;
await r0.close();
const pages = opt('--pages')?.split(',').map(Number) ?? Array.from({ length: n }, (_, i) => i + 1);
let calls: string[] = [];
let k = 0;
const engine = withRecognise(base, async (image, o) => {
  const g = image as GreyImage;
  const res = await base.recognise(image, o);
  if (dump) {
    mkdirSync(dump, { recursive: true });
    writeFileSync(`${dump}/${kind}-${k++}-${g.width}x${g.height}-psm${o?.psm ?? 'd'}-${o?.languages ?? 'all'}.pgm`, toPgm(g));
  }
  calls.push(`    ${g.width}x${g.height} psm ${o?.psm ?? '-'} ${o?.languages ?? 'all'} dpi ${o?.dpi ?? '-'}: ${res.words.length} words, conf ${res.confidence.toFixed(0)}`);
  return res;
});
for (const p of pages) {
  calls = [];
  const m = cpuMark();
  const res = await ocrPdf(bytes, [p], engine, { joinContinuedTables: false });
  const c = cpuSince(m);
  const tf = file.replace(/\.pdf$/, `.p${p}.txt`);
  const got = pageTexts(res.blocks).get(p) ?? '';
  const e = existsSync(tf) ? cer(got, readFileSync(tf, 'utf8')) : NaN;
  const rep = res.pages[0];
  console.log(`p${p}: CER ${(100 * e).toFixed(2)} %, words ${rep?.words}, conf ${rep?.confidence.toFixed(0)}, dpi ${rep?.dpi}, CPU ${c.total.toFixed(2)} (children ${c.children.toFixed(2)})`);
  console.log(calls.join('\n'));
  if (dump) writeFileSync(`${dump}/${kind}-p${p}.txt`, got);
}
await base.terminate();
