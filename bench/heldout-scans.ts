/**
 * `npm run bench -- --only heldout-scans`: the hand-written held-out reports
 * (fixtures/heldout*, each with its expected output written by hand before
 * the library read it) printed to PDF, scanned in the qualities of
 * scripts/make-scan-qualities.py and read back by OCR, scored against the
 * same expected files, entries aligned with OCR's misreadings allowed
 * (test/_support/expected.ts, fuzzy). These are scans of reports in
 * layouts the generator does not write: the figure nearest to a user's
 * unseen scanned archive.
 *
 *   npm run bench -- --only heldout-scans [--heldout-scan-qualities q200,g4] [--heldout-scan-sets heldout2,heldout3]
 *
 * HTML is printed by Chromium, DOCX by LibreOffice, Markdown as pandoc's HTML and text as its author saw
 * it (lines with tabs a ruled table, textAsHtml) by Chromium. ITA_HELDOUT_SCAN_CACHE=DIR keeps the scans and the OCR results (development).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/index.js';
import { createOcrEngine } from '../src/ocr/engine.js';
import { type Expected, type Score, compare, f1, fixturesDir } from '../test/_support/expected.js';
import { cpuMark, cpuSince } from './_cpu.js';
import { replayingEngine } from './ocr-extract.js';

const QUALITY_SCRIPT = fileURLToPath(new URL('../scripts/make-scan-qualities.py', import.meta.url));

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A hand-written text report as its author's word processor showed it: runs of lines with tabs are
 * the rows of a ruled table (cells at the tabs), the other lines paragraphs. Printing the text file
 * itself would set the cells at tab stops, overprinted and wrapped across the page: a rendering no
 * office prints.
 */
function textAsHtml(text: string): string {
  const out: string[] = [];
  let table: string[] = [];
  const flush = () => {
    if (table.length) out.push(`<table>${table.join('')}</table>`);
    table = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) table.push(`<tr>${line.split('\t').map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
    else {
      flush();
      if (line.trim()) out.push(`<p>${esc(line)}</p>`);
    }
  }
  flush();
  return page(out.join('\n'));
}

const page = (body: string) =>
  `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>body{font-family:Garuda,Loma,sans-serif;font-size:13px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:3px;vertical-align:top}</style></head><body>${body}</body></html>`;

/** The report printed to a text PDF at `out`, as a user's office would print it. */
function print(src: string, out: string, work: string): void {
  const ext = extname(src).toLowerCase();
  if (ext === '.docx') {
    // LibreOffice names its output after the input: convert a copy named after the output
    const stem = basename(out, '.pdf');
    copyFileSync(src, join(work, `${stem}.docx`));
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, join(work, `${stem}.docx`)], { stdio: 'ignore', timeout: 300_000 });
    copyFileSync(join(work, `${stem}.pdf`), out);
    return;
  }
  let html = src;
  if (ext === '.md' || ext === '.txt') {
    html = join(work, `${basename(out, '.pdf')}.html`);
    const body = ext === '.md' ? page(execFileSync('pandoc', ['-f', 'gfm', '-t', 'html', src], { encoding: 'utf8' })) : textAsHtml(readFileSync(src, 'utf8'));
    writeFileSync(html, body);
  }
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(work, 'chromium')}`, '--no-pdf-header-footer', `--print-to-pdf=${out}`, `file://${html}`], { stdio: 'ignore', timeout: 120_000 });
}

interface Row { set: string; file: string; quality: string; pages: number; cpu: number; s: Score; status: string }

export async function benchHeldoutScans(opts: { qualities: string[]; sets: string[] }): Promise<void> {
  const cacheDir = process.env.ITA_HELDOUT_SCAN_CACHE || null;
  const dir = cacheDir ?? mkdtempSync(join(tmpdir(), 'ita-heldout-scans-'));
  const work = mkdtempSync(join(tmpdir(), 'ita-heldout-print-'));
  mkdirSync(dir, { recursive: true });
  const engine = cacheDir ? replayingEngine(createOcrEngine({ workers: 1 }), join(cacheDir, 'ocr')) : undefined;
  const rows: Row[] = [];
  try {
    for (const set of opts.sets) {
      const folder = join(fixturesDir, set);
      for (const f of readdirSync(folder).filter((x) => x.endsWith('.expected.json')).sort()) {
        const expected = JSON.parse(readFileSync(join(folder, f), 'utf8')) as Expected;
        const stem = `${set}-${basename(expected.file).replace(/\.[^.]+$/, '').slice(0, 2)}`;
        if (!opts.qualities.every((q) => existsSync(join(dir, q, `${stem}.pdf`)))) {
          const textPdf = join(dir, `${stem}.text.pdf`);
          try {
            print(join(folder, expected.file), textPdf, work);
            execFileSync('python3', [QUALITY_SCRIPT, textPdf, dir, stem, '1', ...opts.qualities], { stdio: 'ignore', timeout: 30 * 60_000 });
          } catch (e) {
            console.log(`  ${stem}: not printed or scanned (${(e as Error).message.split('\n')[0]})`);
            continue;
          }
        }
        // the printed text PDF first: what the scans' figures would be with perfect OCR
        for (const q of ['text-pdf', ...opts.qualities]) {
          const mark = cpuMark();
          const path = q === 'text-pdf' ? join(dir, `${stem}.text.pdf`) : join(dir, q, `${stem}.pdf`);
          const doc = await extract(new Uint8Array(readFileSync(path)), { fileName: `${stem}.pdf`, ...(engine ? { ocrEngine: engine } : {}) });
          const row: Row = { set, file: stem, quality: q, pages: doc.source.pages ?? 0, cpu: cpuSince(mark).total, s: compare(doc, expected, true), status: doc.status };
          rows.push(row);
          console.log(`  ${line(row)}`);
          if (process.env.ITA_HELDOUT_SCAN_VERBOSE) for (const m of row.s.misses.slice(0, 30)) console.log(`      ${m}`);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (!cacheDir) rmSync(dir, { recursive: true, force: true });
    await engine?.terminate();
  }
  console.log('\n  Per quality (entries matched/expected/extra; fields right of expected entries; header fields right)\n');
  console.log('| quality | docs | pages | entries | recall | precision | code F1 | sections | periods | responsible | seq | score | header | CPU-s/page |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const q of ['text-pdf', ...opts.qualities]) console.log(total(q, rows.filter((r) => r.quality === q)));
}

const r2 = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(3));

function line(r: Row): string {
  const s = r.s;
  const h = Object.entries(s.header).filter(([, v]) => !v).map(([k]) => k);
  return `${r.file} ${r.quality}: ${r.status}, ${r.pages} pages, entries ${s.matchedEntries}/${s.expectedEntries}/${s.actualEntries - s.matchedEntries}, codes ${s.codes.correct}/${s.codes.found}/${s.codes.expected}, sections ${s.sectionRight}, periods ${s.periodsRight}, responsible ${s.responsibleRight}, seq ${s.seqRight}, score ${s.scoreRight}, header wrong: ${h.join(' ') || '-'}; ${(r.cpu / Math.max(1, r.pages)).toFixed(2)} CPU-s/page`;
}

function total(q: string, rows: Row[]): string {
  const sum = (k: (s: Score) => number) => rows.reduce((n, r) => n + k(r.s), 0);
  const exp = sum((s) => s.expectedEntries);
  const matched = sum((s) => s.matchedEntries);
  const actual = sum((s) => s.actualEntries);
  const codes = { expected: sum((s) => s.codes.expected), found: sum((s) => s.codes.found), correct: sum((s) => s.codes.correct) };
  const header = rows.reduce((n, r) => n + Object.values(r.s.header).filter(Boolean).length, 0);
  const headerAll = rows.reduce((n, r) => n + Object.keys(r.s.header).length, 0);
  const pages = rows.reduce((n, r) => n + r.pages, 0);
  const cpu = rows.reduce((n, r) => n + r.cpu, 0);
  return `| ${q} | ${rows.length} | ${pages} | ${matched}/${exp}/${actual - matched} | ${r2(matched, exp)} | ${r2(matched, actual)} | ${f1(codes).toFixed(3)} | ${r2(sum((s) => s.sectionRight), exp)} | ${r2(sum((s) => s.periodsRight), exp)} | ${r2(sum((s) => s.responsibleRight), exp)} | ${r2(sum((s) => s.seqRight), exp)} | ${r2(sum((s) => s.scoreRight), exp)} | ${header}/${headerAll} | ${(cpu / Math.max(1, pages)).toFixed(2)} |`;
}
