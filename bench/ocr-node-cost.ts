/**
 * The CPU of the OCR stage outside the recogniser (rendering, ruled-table preparation, number repair,
 * layout), per page (issue 16, point 2): each document is read once with the engine (its recognitions
 * kept), then read again ROUNDS times replaying them, warm, and the replays' CPU is this process's alone.
 *
 *   npx tsx bench/ocr-node-cost.ts DIR a,b [--engine js|native] [--rounds 3] [--extract]
 *
 * --extract: the replays run the whole extract() (the report's recognition too), not only ocrPdf.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/extract.js';
import { chooseOcrEngine } from '../src/ocr/choose.js';
import { imageKey, withRecognise } from './_engine.js';
import { ocrPdf } from '../src/ocr/pdf.js';
import type { OcrResult } from '../src/ocr/types.js';

const args = process.argv.slice(2);
const dir = args[0] as string;
const files = (args[1] ?? '001').split(',');
const opt = (k: string): string | undefined => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
const kind = (opt('--engine') ?? 'native') as 'js' | 'native';
const rounds = Number(opt('--rounds') ?? 3);
const whole = args.includes('--extract');

const base = await chooseOcrEngine({ kind, workers: 1 });
const memo = new Map<string, OcrResult>();
const recording = withRecognise(base, async (image, o) => {
  const r = await base.recognise(image, o);
  memo.set(imageKey(image, o), r);
  return r;
});
let missed = 0;
const replaying = withRecognise(base, (image, o) => {
  const r = memo.get(imageKey(image, o));
  if (r) return Promise.resolve(r);
  missed++;
  return base.recognise(image, o);
});
const docs = files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, `${f}.pdf`))) }));
let pages = 0;
for (const d of docs) {
  const r = whole ? await extract(d.bytes, { fileName: `${d.name}.pdf`, ocrEngine: recording }) : await ocrPdf(d.bytes, Array.from({ length: 200 }, (_, i) => i + 1), recording);
  pages += 'source' in r ? (r.source.pages ?? 0) : r.pages.length;
}
for (let k = 0; k < rounds; k++) {
  const u = process.cpuUsage();
  for (const d of docs) {
    if (whole) await extract(d.bytes, { fileName: `${d.name}.pdf`, ocrEngine: replaying });
    else await ocrPdf(d.bytes, Array.from({ length: 200 }, (_, i) => i + 1), replaying);
  }
  const c = process.cpuUsage(u);
  console.log(`round ${k + 1}: ${((c.user + c.system) / 1e6 / pages).toFixed(3)} CPU-s/page over ${pages} pages (${whole ? 'extract' : 'ocrPdf'}, recognitions replayed; ${missed} not in the recording)`);
}
await base.terminate();
