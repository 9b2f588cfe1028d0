/**
 * Run by pdf-hostile.test.ts in a fresh process: extract on byte-damaged
 * copies of fixture PDFs (argv: name:count pairs; seeds 1..count), OCR on,
 * with an engine that reads nothing (the pages are still rendered). Prints
 * one JSON line: each variant's status and error code, and every unhandled
 * rejection and uncaught exception seen (pdfjs runs its worker in this thread).
 */
import { readFile } from 'node:fs/promises';
import { blindOcr as blind } from '../../_support/blind-ocr.js';
import { damaged } from '../../_support/hostile-pdf.js';

const root = new URL('../../../', import.meta.url);
const unhandled: string[] = [];
process.on('unhandledRejection', (r) => unhandled.push(`unhandledRejection: ${String((r as Error)?.message ?? r)}`));
process.on('uncaughtException', (e) => unhandled.push(`uncaughtException: ${e.message}`));

const { extract } = (await import(new URL('src/index.ts', root).href)) as typeof import('../../../src/index.js');
const records: { file: string; seed: number; status: string; code: string | null; rejectionsAfter: number }[] = [];
for (const arg of process.argv.slice(2)) {
  const [file, count] = arg.split(':') as [string, string];
  const bytes = new Uint8Array(await readFile(new URL(`fixtures/${file}`, root)));
  for (let seed = 1; seed <= Number(count); seed++) {
    const doc = await extract(damaged(bytes, seed), { fileName: 'damaged.pdf', ocrEngine: blind });
    // a rejection pdfjs leaves behind surfaces after a turn of the event loop
    await new Promise((r) => setImmediate(r));
    records.push({ file, seed, status: doc.status, code: doc.error?.code ?? null, rejectionsAfter: unhandled.length });
  }
}
await new Promise((r) => setTimeout(r, 200));
console.log(JSON.stringify({ records, unhandled }));
