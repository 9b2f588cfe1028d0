/**
 * `npm run bench`: prints the figures; bench/RESULTS.md records them with the machine.
 *
 *   npm run bench                              every section
 *   npm run bench -- --only pdf,ocr,text,scale  some of them (also: thai, accuracy, layouts, scans, db)
 *
 * Options: --rounds N (pdf section, default 9), --ocr-pages N (engines table, default 6; 0 leaves
 * it out), --ocr-dir DIR and --ocr-files a,b (the today-against-now table: scans NAME.pdf with
 * NAME.pN.txt and, for field accuracy, NAME.text.pdf, e.g. from scripts/make-scan-fixtures.sh
 * --bench DIR; default fixtures/scans, CER only),
 * --scale-docs N (throughput run, default 500), --scale-sizes a,b,… (memory
 * runs, default 100,250,500,1000), --layout-seeds N (layouts section: seeds, each
 * written as text, HTML and DOCX, default 100), --layout-seed0 N (first seed; default 10000, the seeds recognition was developed on), --layout-chromium N (of those also printed
 * to PDF by Chromium, default 60), --layout-pdf N (of those also as
 * PDF through LibreOffice, default 60), --layout-producers a,b (every seed also through other
 * producers: pandoc-gfm, pandoc-md, pandoc-plain, pandoc-html, pandoc-docx, lo-html, lo-docx;
 * skipped with a note when pandoc or soffice is missing), --scan-dir DIR and --scan-files a,b (scans
 * section: the quality folders scripts/make-scan-fixtures.sh --bench-q made; default
 * $ITA_SCAN_DIR or bench/out/scans). Only when named in --only: layout-scans (generated layouts
 * printed and scanned, bench/layout-scans.ts; --layout-scan-seeds N, default 12,
 * --layout-scan-seed0 N, default 99000, --layout-scan-qualities a,b, default q200,q150) and heldout-scans (the hand-written held-out reports printed and scanned, bench/heldout-scans.ts; --heldout-scan-qualities, default q200,g4; --heldout-scan-sets, default heldout,heldout2,heldout3). BENCH_INSTALL=1 lets the OCR section
 * apt-get install the native tesseract when it is missing.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { benchAccuracy } from './accuracy.js';
import { benchLayoutScans } from './layout-scans.js';
import { benchHeldoutScans } from './heldout-scans.js';
import { benchLayouts } from './layouts.js';
import { benchDb, printDb } from './db.js';
import { benchOcrEngines, printOcrEngines } from './ocr-engines.js';
import { FIGURES_HEADER, benchScans } from './ocr-extract.js';
import { benchOcrSpeed, printOcrSpeed } from './ocr-speed.js';
import { benchPdf, printPdf, printPdfProfile, profilePdf } from './pdf.js';
import { benchScale, printScale } from './scale.js';
import { benchText, printText } from './text.js';
import { benchThai } from './thai.js';

const SECTIONS = ['thai', 'accuracy', 'layouts', 'layout-scans', 'heldout-scans', 'pdf', 'ocr', 'scans', 'text', 'scale', 'db'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('--only')?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s)) ?? [];
if (unknown.length > 0) {
  console.error(`bench: unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const run = (s: Section): boolean => !only || only.includes(s);

console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${os.loadavg()[0]?.toFixed(1)}`,
);

if (run('thai')) {
  console.log('\nThai toolkit (corpus text, ~4 MB, one call per line, median of 5)');
  for (const r of benchThai()) console.log(`  ${r.name.padEnd(38)} ${r.mbPerS.toFixed(2).padStart(8)} MB/s`);
}

if (run('accuracy')) {
  console.log('\nAccuracy against fixtures/expected (matched/expected; +extra entries)');
  console.log(`  ${'file'.padEnd(34)} ${'entries'.padEnd(12)} ${'codes'.padEnd(18)} F1     sections periods responsible header`);
  for (const r of await benchAccuracy()) {
    console.log(
      `  ${r.file.padEnd(34)} ${r.entries.padEnd(12)} ${r.codes.padEnd(18)} ${r.codeF1.toFixed(3)}  ${r.sections.padEnd(8)} ${r.periods.padEnd(7)} ${r.responsible.padEnd(11)} ${r.header}`,
    );
  }
}

if (run('layouts')) {
  const seeds = Number(opt('--layout-seeds') ?? 100);
  const pdfDocs = Number(opt('--layout-pdf') ?? 60);
  const chromiumDocs = Number(opt('--layout-chromium') ?? 60);
  // the first seed: the default 10000 is the one recognition was developed on; another start gives documents never seen
  const seed0 = opt('--layout-seed0') === undefined ? undefined : Number(opt('--layout-seed0'));
  // other producers than our writers: pandoc-gfm, pandoc-md, pandoc-plain, pandoc-html, pandoc-docx, lo-html, lo-docx (write-producers.ts)
  const producers = opt('--layout-producers')?.split(',').map((s) => s.trim()).filter(Boolean);
  console.log('\nGenerated layouts (test/_support/layouts): extract() scored against the expected output known by construction');
  await benchLayouts({ seeds, pdfDocs, chromiumDocs, seed0, producers });
}

if (only?.includes('layout-scans')) {
  // only when asked for by name: ~5 CPU-s a page, LibreOffice, ImageMagick
  const seeds = Number(opt('--layout-scan-seeds') ?? 12);
  const seed0 = Number(opt('--layout-scan-seed0') ?? 99_000);
  const qualities = (opt('--layout-scan-qualities') ?? 'q200,q150').split(',');
  console.log(`\nGenerated layouts scanned (${qualities.join(', ')}; seeds ${seed0}…${seed0 + seeds - 1}): extract() with OCR scored against the output known by construction`);
  await benchLayoutScans({ seeds, seed0, qualities });
}

if (only?.includes('heldout-scans')) {
  // only when asked for by name: the hand-written held-out reports printed and scanned, ~3 CPU-s a page
  const qualities = (opt('--heldout-scan-qualities') ?? 'q200,g4').split(',');
  const sets = (opt('--heldout-scan-sets') ?? 'heldout,heldout2,heldout3').split(',');
  console.log(`\nHand-written held-out reports scanned (${sets.join(', ')}; ${qualities.join(', ')}): extract() with OCR against their expected files`);
  await benchHeldoutScans({ qualities, sets });
}

if (run('pdf')) {
  const rounds = Number(opt('--rounds') ?? 9);
  console.log(`\nText-layer PDFs: extract() and readPdf against the pdfjs floor (open + getTextContent on every page), median of ${rounds} interleaved runs`);
  printPdf(await benchPdf(rounds));
  printPdfProfile(await profilePdf());
}

if (run('ocr')) {
  const pages = Number(opt('--ocr-pages') ?? 6);
  if (pages > 0) {
    console.log(`\nOCR engines on the same rendered pages (at most ${pages}): seconds per page and character error rate`);
    printOcrEngines(await benchOcrEngines(pages));
  }
  console.log("\nOCR cost and accuracy: today's path against the current one, same documents, same run");
  printOcrSpeed(await benchOcrSpeed({ dir: opt('--ocr-dir'), files: opt('--ocr-files')?.split(',') }));
}

if (run('scans')) {
  // scans in several qualities (scripts/make-scan-fixtures.sh --bench-q DIR): not generated here, ~20 CPU-minutes
  const dir = opt('--scan-dir') ?? process.env.ITA_SCAN_DIR ?? 'bench/out/scans';
  console.log(`\nScans per quality against their text versions (${dir}): extract() of both compared; CER per page; CPU-s per page (all threads and children)`);
  if (!existsSync(dir)) console.log(`  (no ${dir}: run scripts/make-scan-fixtures.sh --bench-q ${dir}, or pass --scan-dir DIR)`);
  else {
    console.log(FIGURES_HEADER);
    await benchScans({ dir, files: opt('--scan-files')?.split(','), workers: opt('--workers') ? Number(opt('--workers')) : undefined });
  }
}

if (run('text')) {
  console.log('\nText inputs (fixtures/corpus/*.txt): throughput and the share of each stage');
  printText(await benchText());
}

if (run('scale')) {
  const docs = Number(opt('--scale-docs') ?? 500);
  const sizes = (opt('--scale-sizes') ?? '100,250,500,1000').split(',').map(Number);
  console.log('\nBatch CLI scaling on generated documents (bench/out/cli.js, built from the sources)');
  printScale(await benchScale({ throughputDocs: docs, sizes }));
}

if (run('db')) {
  const docs = Number(opt('--db-docs') ?? 500);
  console.log(`\nPostgreSQL archive against file mode on ${docs} generated documents (worker processes of -j 1 each; ITA_TEST_DATABASE_URL or a throwaway server)`);
  printDb(await benchDb({ docs }));
}
