/**
 * Text-layer PDFs: ita-extract end to end (extract()) and the PDF reader
 * alone (readPdf) against the floor: plain pdfjs on the same bytes (open
 * the document, getPage + getTextContent() on every page, destroy), through
 * the same pdfjs instance and worker module (readers/pdf.ts loadPdfjs; its
 * patches act only on what the reader asks for) and pdfjs's own port.
 * Runs are interleaved (floor, readPdf, extract, floor, …) so that load on
 * the shared machine hits all of them alike; medians per file.
 *
 * A second floor, "floor′", makes the same pdfjs calls as the reader (its
 * port, which hands text content over instead of structuredCloning it;
 * marked content and graphics; no normalisation): extract/floor′ is the
 * cost of ita-extract's own code alone, while extract/floor includes what
 * the reader saves (and spends) inside pdfjs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/extract.js';
import { READER_TEXT_OPTIONS, documentParams, loadPdfjs, readPdf, readerDocumentParams } from '../src/readers/pdf.js';
import { type ProfileShares, profileShares } from './_profile.js';

const DIR = fileURLToPath(new URL('../fixtures/pdf/', import.meta.url));
/** Not text-layer PDFs: refused (corrupt, encrypted) or a scan. */
const SKIP = new Set(['corrupt.pdf', 'encrypted.pdf', 'image-only.pdf']);

export interface PdfRow {
  file: string;
  pages: number;
  /** Median milliseconds. */
  floor: number;
  /** The reader's own pdfjs calls, nothing else. */
  floorReader: number;
  read: number;
  extract: number;
}

/**
 * The floor: what any pdfjs-based reader must pay to get the text of every
 * page, pdfjs as it comes; with `asReader`, the reader's own pdfjs calls.
 */
export async function pdfjsFloor(bytes: Uint8Array, asReader = false): Promise<number> {
  const { pdfjs, assets } = await loadPdfjs();
  const task = pdfjs.getDocument(asReader ? readerDocumentParams(bytes, assets) : documentParams(bytes, assets));
  const doc = await task.promise;
  let items = 0;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      items += (await page.getTextContent(asReader ? READER_TEXT_OPTIONS : undefined)).items.length;
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return items;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function textPdfFiles(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.pdf') && !SKIP.has(f))
    .sort();
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function benchPdf(rounds = 9): Promise<PdfRow[]> {
  const rows: PdfRow[] = [];
  for (const f of textPdfFiles()) {
    const bytes = new Uint8Array(readFileSync(DIR + f));
    const doc = await extract(bytes, { fileName: f, ocr: 'never' }); // warm-up, and the page count
    if (doc.status !== 'ok') throw new Error(`${f}: ${doc.error?.code}`);
    await pdfjsFloor(bytes);
    await pdfjsFloor(bytes, true);
    await readPdf(bytes);
    const t = { floor: [] as number[], floorReader: [] as number[], read: [] as number[], extract: [] as number[] };
    for (let i = 0; i < rounds; i++) {
      // rotate the order too: no stage always runs first after a GC-heavy one
      const order = [
        ['floor', () => pdfjsFloor(bytes)],
        ['floorReader', () => pdfjsFloor(bytes, true)],
        ['read', () => readPdf(bytes)],
        ['extract', () => extract(bytes, { fileName: f, ocr: 'never' })],
      ] as const;
      for (let k = 0; k < order.length; k++) {
        const [name, fn] = order[(i + k) % order.length]!;
        t[name].push(await time(fn));
      }
    }
    rows.push({
      file: f,
      pages: doc.source.pages ?? 0,
      floor: median(t.floor),
      floorReader: median(t.floorReader),
      read: median(t.read),
      extract: median(t.extract),
    });
  }
  return rows;
}

export function printPdf(rows: PdfRow[]): void {
  const pad = (s: string, n: number) => s.padStart(n);
  const ratio = (a: number, b: number, n: number) => `${pad((a / b).toFixed(2), n)}×`;
  console.log(`  ${'file'.padEnd(58)} pages  floor ms  floor′ ms  readPdf ms  extract ms  read/floor  extract/floor  extract/floor′`);
  const line = (name: string, pages: number, r: Omit<PdfRow, 'file' | 'pages'>) =>
    console.log(
      `  ${name.padEnd(58)} ${pad(String(pages), 5)} ${pad(r.floor.toFixed(1), 9)} ${pad(r.floorReader.toFixed(1), 10)} ${pad(r.read.toFixed(1), 11)} ${pad(r.extract.toFixed(1), 11)} ${ratio(r.read, r.floor, 10)} ${ratio(r.extract, r.floor, 13)} ${ratio(r.extract, r.floorReader, 14)}`,
    );
  for (const r of rows) line(r.file, r.pages, r);
  const sum = (k: 'floor' | 'floorReader' | 'read' | 'extract') => rows.reduce((a, r) => a + r[k], 0);
  const pages = rows.reduce((a, r) => a + r.pages, 0);
  line('all (sum of medians)', pages, { floor: sum('floor'), floorReader: sum('floorReader'), read: sum('read'), extract: sum('extract') });
  console.log(
    `  median ratio over files: readPdf ${median(rows.map((r) => r.read / r.floor)).toFixed(2)}×, extract ${median(rows.map((r) => r.extract / r.floor)).toFixed(2)}× the floor (target ≤ 1.3×), ${median(rows.map((r) => r.extract / r.floorReader)).toFixed(2)}× floor′; pages/s: floor ${((1000 * pages) / sum('floor')).toFixed(0)}, extract ${((1000 * pages) / sum('extract')).toFixed(0)}`,
  );
}

/** Where extract()'s time goes on the text PDFs: self time by area, and the main functions (inclusive), sampled. */
export async function profilePdf(rounds = 3): Promise<ProfileShares> {
  const inputs = textPdfFiles().map((f) => ({ f, bytes: new Uint8Array(readFileSync(DIR + f)) }));
  for (const { f, bytes } of inputs) await extract(bytes, { fileName: f, ocr: 'never' });
  return profileShares(
    async () => {
      for (let r = 0; r < rounds; r++) for (const { f, bytes } of inputs) await extract(bytes, { fileName: f, ocr: 'never' });
    },
    ['readPage', 'layoutPage', 'assemble', 'gutterTables', 'linesToParagraphs', 'joinWrappedLines', 'runsToLines', 'pageGraphics', 'recognise', 'repairWrappedThai', 'segmentAt', 'safeParse'],
    200,
    [
      ['pdfjs (parsing, fonts, text content)', /^data:|pdfjs-dist/],
      ['ICU word segmentation (src/thai/segment.ts)', /\/src\/thai\/segment\.ts$/],
      ['Thai toolkit (src/thai, other)', /\/src\/thai\//],
      ['PDF reader layout (src/readers)', /\/src\/readers\//],
      ['recognition (src/ita)', /\/src\/ita\//],
      ['schema validation (zod)', /node_modules\/zod|\/src\/model\//],
      ['Node internals (streams, zlib, messaging)', /^node:/],
      ['native (GC, builtins)', /^$/],
    ],
  );
}

export function printPdfProfile(p: ProfileShares): void {
  console.log(`  where extract()'s time goes on these PDFs (sampled ${p.totalMs.toFixed(0)} ms; self time by area):`);
  for (const [area, share] of p.areas) console.log(`    ${area.padEnd(44)} ${(100 * share).toFixed(1).padStart(5)} %`);
  console.log(`  inclusive: ${[...p.inclusive].filter(([, v]) => v > 0.005).map(([k, v]) => `${k} ${(100 * v).toFixed(1)} %`).join(', ')}`);
}
