/**
 * Run by pdf-hostile.test.ts in a fresh process: extract on a PDF whose one
 * image declares argv[2] × argv[3] RGB pixels (its bytes a few KB of
 * compressed zeros), OCR on with an engine that reads nothing. Prints one
 * JSON line: the record's error, and how much the process's peak resident
 * memory (getrusage maxRSS: the high-water mark, whatever the timing) grew
 * during the call, after a warm-up that loads pdfjs and renders a page.
 */
import { readFile } from 'node:fs/promises';
import { blindOcr as blind } from '../../_support/blind-ocr.js';
import { hugeImagePdf } from '../../_support/hostile-pdf.js';

const root = new URL('../../../', import.meta.url);
const { extract } = (await import(new URL('src/index.ts', root).href)) as typeof import('../../../src/index.js');
const [w, h] = process.argv.slice(2).map(Number) as [number, number];
const bomb = new Uint8Array(hugeImagePdf(w, h));
// warm-up: pdfjs loaded, a scanned page rendered for OCR
await extract(new Uint8Array(await readFile(new URL('fixtures/pdf/image-only.pdf', root))), { ocrEngine: blind });
const before = process.resourceUsage().maxRSS;
const doc = await extract(bomb, { fileName: 'bomb.pdf', ocrEngine: blind });
const after = process.resourceUsage().maxRSS;
console.log(JSON.stringify({ bytes: bomb.length, error: doc.error, diagnostics: doc.diagnostics.map((d) => d.code), peakGrowthMB: Math.round((after - before) / 1024) }));
