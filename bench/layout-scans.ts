/**
 * `npm run bench -- --only layout-scans`: generated reports in layouts
 * never developed on (test/_support/layouts), printed to PDF by LibreOffice,
 * scanned in the qualities of scripts/make-scan-qualities.py, then read back
 * by extract() (OCR) and scored against the output known by construction:
 * how the scanned-table path does on tables it was not built on, per
 * quality and per phenomenon. CPU-s per page: every thread and child.
 *
 *   npm run bench -- --only layout-scans --layout-scan-seeds 12 --layout-scan-seed0 99000 --layout-scan-qualities q200,q150
 *
 * Needs soffice, python3, ImageMagick, img2pdf and poppler-utils (as
 * scripts/make-scan-fixtures.sh); about 5 CPU-s a page.
 *
 * Development: ITA_LAYOUT_SCAN_CACHE=DIR keeps the scans (DIR/<quality>/<id>.pdf) and the OCR results
 * (DIR/ocr, as OCR_BENCH_CACHE) and reuses them, so a later run only re-reads the recognised words;
 * CPU-seconds then leave recognition out. ITA_LAYOUT_SCAN_DUMP=1 also writes DIR/<quality>/<id>.json
 * (what extract() gave and what was expected).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/index.js';
import { generate } from '../test/_support/layouts/generate.js';
import { type Tally, figures, formatTallies, tallyDoc } from '../test/_support/layouts/score.js';
import { docxToPdf, writeDocx } from '../test/_support/layouts/write-docx.js';
import { cpuMark, cpuSince } from './_cpu.js';
import { replayingEngine } from './ocr-extract.js';
import { createOcrEngine } from '../src/ocr/engine.js';

const QUALITY_SCRIPT = fileURLToPath(new URL('../scripts/make-scan-qualities.py', import.meta.url));

export async function benchLayoutScans(opts: { seeds: number; seed0: number; qualities: string[] }): Promise<void> {
  const docs = Array.from({ length: opts.seeds }, (_, i) => generate(opts.seed0 + i));
  const cacheDir = process.env.ITA_LAYOUT_SCAN_CACHE || null;
  const cached = (id: string) => cacheDir !== null && opts.qualities.every((q) => existsSync(join(cacheDir, q, `${id}.pdf`)));
  const toPrint = docs.filter((g) => !cached(g.id));
  const pdfs = toPrint.length ? await docxToPdf(await Promise.all(toPrint.map(async (g) => ({ name: g.id, docx: await writeDocx(g.blocks) })))) : new Map<string, Uint8Array>();
  const dir = cacheDir ?? mkdtempSync(join(tmpdir(), 'ita-layout-scans-'));
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const engine = cacheDir ? replayingEngine(createOcrEngine({ workers: 1 }), join(cacheDir, 'ocr')) : undefined;
  const tallies = new Map<string, Tally>();
  const cost = new Map<string, { pages: number; cpu: number }>();
  try {
    for (const g of docs) {
      if (!cached(g.id)) {
        const pdf = pdfs.get(g.id);
        if (!pdf) continue;
        const textPdf = join(dir, `${g.id}.text.pdf`);
        writeFileSync(textPdf, pdf);
        execFileSync('python3', [QUALITY_SCRIPT, textPdf, dir, g.id, String(g.seed), ...opts.qualities], { stdio: 'ignore', timeout: 30 * 60_000 });
      }
      for (const q of opts.qualities) {
        const scan = readFileSync(join(dir, q, `${g.id}.pdf`));
        const mark = cpuMark();
        const doc = await extract(new Uint8Array(scan), { fileName: `${g.id}.pdf`, ...(engine ? { ocrEngine: engine } : {}) });
        if (cacheDir && process.env.ITA_LAYOUT_SCAN_DUMP) writeFileSync(join(dir, q, `${g.id}.json`), JSON.stringify({ got: doc, expected: g.expected, phenomena: g.phenomena }, null, 1));
        const c = cost.get(q) ?? { pages: 0, cpu: 0 };
        c.pages += doc.source.pages ?? 0;
        c.cpu += cpuSince(mark).total;
        cost.set(q, c);
        tallyDoc(tallies, ['all', `quality:${q}`, ...g.phenomena], doc, g.expected);
        const one = new Map<string, Tally>();
        tallyDoc(one, ['doc'], doc, g.expected);
        const f = figures(one.get('doc') as Tally);
        const r = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
        console.log(
          `  ${g.id} ${q}: ${doc.entries.length} entries (expected ${g.expected.entries.length}), ${doc.source.pages} pages, status ${doc.status}; recall ${r(f.recall)} precision ${r(f.precision)} periods ${r(f.periods)} sections ${r(f.sections)} codes ${r(f.codeF1)} — ${g.phenomena.join(' ')}`,
        );
      }
    }
  } finally {
    if (!cacheDir) rmSync(dir, { recursive: true, force: true });
    await engine?.terminate();
  }
  console.log('\n  Per quality\n');
  console.log(formatTallies(tallies, ['all', ...opts.qualities.map((q) => `quality:${q}`)]));
  for (const [q, c] of cost) console.log(`  ${q}: ${c.pages} pages, ${(c.cpu / Math.max(1, c.pages)).toFixed(2)} CPU-s/page`);
  console.log('\n  Per phenomenon (all qualities)\n');
  const keys = [...tallies.keys()].filter((k) => k !== 'all' && !k.startsWith('quality:')).sort();
  console.log(formatTallies(tallies, keys));
}
