/**
 * OCR bench: seconds per page, character error rate against the text
 * version, and year / period accuracy before and after number repair.
 *
 *   npx tsx bench/ocr.ts                       committed fixtures (fixtures/scans)
 *   scripts/make-scan-fixtures.sh --bench /tmp/scans && npx tsx bench/ocr.ts --dir /tmp/scans
 *
 * Options: --workers N (default: cores), --dpi N (150), --unseen-fonts
 * (leave the digit templates of each file's own font out, as for a font
 * the templates never saw; needs the fonts.txt the script writes),
 * --files a,b (stems), --json FILE, --pdfjs-render (every page rendered by pdfjs,
 * not a scan's JPEG decoded natively).
 *
 * A file NAME.pdf is read with its text versions NAME.pN.txt (page N).
 * CER: edit distance / truth length, on normalised text without spaces,
 * page by page (metrics.ts pageErrors; pages read with tables not joined
 * across pages), the OCR side being the blocks' text (cells row by
 * row) and the truth pdftotext's (cell by cell), so table reading order
 * counts as errors.
 * Years: ๒๕xx tokens of the truth found in the OCR text (multiset), and
 * OCR years not in the truth ("wrong"). Periods: "ไตรมาสที่ ๑ - ๒" alike.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { matched, pageErrors, pageTexts, periodsIn, yearsIn } from '../src/ocr/metrics.js';
import { createOcrEngine } from '../src/ocr/engine.js';
import { ocrPdf } from '../src/ocr/pdf.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = opt('--dir') ?? new URL('../fixtures/scans/', import.meta.url).pathname;
const workers = Number(opt('--workers') ?? os.availableParallelism());
const dpi = Number(opt('--dpi') ?? 150);
const unseen = args.includes('--unseen-fonts');
const pdfjsRender = args.includes('--pdfjs-render');
const only = opt('--files')?.split(',');
const fonts = new Map<string, string>();
if (existsSync(join(dir, 'fonts.txt'))) {
  for (const line of readFileSync(join(dir, 'fonts.txt'), 'utf8').split('\n')) {
    const [stem, font] = line.trim().split(/\s+/);
    if (stem && font) fonts.set(stem, font);
  }
}

interface Tally {
  truth: number;
  found: number;
  wrong: number;
}
const add = (t: Tally, truth: number[] | string[], got: number[] | string[]): void => {
  const m = matched<number | string>(got, truth);
  t.truth += truth.length;
  t.found += m;
  t.wrong += got.length - m;
};
const pct = (a: number, b: number): string => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.pdf') && !f.endsWith('.text.pdf'))
  .filter((f) => !only || only.includes(f.replace(/\.pdf$/, '')))
  .sort();
const engine = createOcrEngine({ workers });
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load ${os.loadavg()[0]?.toFixed(1)}; ${workers} worker(s), ${dpi} dpi${unseen ? ', digit templates of the file\'s own font left out' : ''}`);
const all = { pages: 0, seconds: 0, cpu: 0, chars: 0, errs: 0, yearsBefore: { truth: 0, found: 0, wrong: 0 }, yearsAfter: { truth: 0, found: 0, wrong: 0 }, periodsBefore: { truth: 0, found: 0, wrong: 0 }, periodsAfter: { truth: 0, found: 0, wrong: 0 }, unsure: 0, repaired: 0, wrongFlagged: 0, wrongSilent: 0 };
const rows: unknown[] = [];
try {
  // warm-up: start the workers before timing
  await Promise.all(Array.from({ length: workers }, () => engine.recognise({ width: 8, height: 8, data: new Uint8Array(64).fill(255) }).catch(() => undefined)));
  for (const f of files) {
    const stem = f.replace(/\.pdf$/, '');
    const bytes = new Uint8Array(readFileSync(join(dir, f)));
    const truthPages = readdirSync(dir)
      .map((n) => new RegExp(`^${stem}\\.p(\\d+)\\.txt$`).exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    if (truthPages.length === 0) continue;
    const font = fonts.get(stem);
    const t0 = Date.now();
    const c0 = process.cpuUsage();
    const res = await ocrPdf(bytes, truthPages, engine, {
      dpi,
      alsoUnrepaired: true,
      pageImages: !pdfjsRender,
      // each page's own reading: joined, a row cut by a page break is one row of the page before (metrics.ts pageErrors)
      joinContinuedTables: false,
      numberOptions: unseen && font ? { excludeFonts: new RegExp(`^${font}(-Bold)?(/lo)?$`) } : {},
    });
    const cpu = process.cpuUsage(c0);
    const wall = (Date.now() - t0) / 1000;
    // per page, from the blocks' pages
    const afterPages = pageTexts(res.blocks);
    const beforePages = pageTexts(res.unrepairedBlocks ?? []);
    for (const p of truthPages) {
      const truth = readFileSync(join(dir, `${stem}.p${p}.txt`), 'utf8');
      const after = afterPages.get(p) ?? '';
      const before = beforePages.get(p) ?? '';
      const pe = pageErrors(res.blocks, new Map([[p, truth]]));
      const e = pe.errors / Math.max(1, pe.chars);
      all.chars += pe.chars;
      all.errs += pe.errors;
      add(all.yearsBefore, yearsIn(truth), yearsIn(before));
      add(all.yearsAfter, yearsIn(truth), yearsIn(after));
      // years read wrong: flagged (kept as read, with an OCR_NUMBER_UNCERTAIN diagnostic) or silent
      const unsure = new Set(
        res.numbers
          .filter((d) => d.candidate.page === p && !d.sure && !d.changed)
          .flatMap((d) => yearsIn(d.candidate.token.raw)),
      );
      const pool = [...yearsIn(truth)];
      for (const y of yearsIn(after)) {
        const i = pool.indexOf(y);
        if (i >= 0) pool.splice(i, 1);
        else if (unsure.has(y)) all.wrongFlagged++;
        else all.wrongSilent++;
      }
      add(all.periodsBefore, periodsIn(truth), periodsIn(before));
      add(all.periodsAfter, periodsIn(truth), periodsIn(after));
      const rep = res.pages.find((x) => x.page === p);
      rows.push({ file: stem, page: p, cer: e, confidence: rep?.confidence, truthYears: yearsIn(truth), yearsBefore: yearsIn(before), yearsAfter: yearsIn(after), periods: periodsIn(truth), periodsAfter: periodsIn(after) });
      console.log(`  ${stem} p${p}: CER ${(100 * e).toFixed(1)} %, conf ${rep?.confidence.toFixed(0)}, years ${JSON.stringify(yearsIn(truth))} → before ${JSON.stringify(yearsIn(before))} after ${JSON.stringify(yearsIn(after))}`);
    }
    all.pages += truthPages.length;
    all.seconds += wall;
    all.cpu += (cpu.user + cpu.system) / 1e6;
    all.unsure += res.diagnostics.filter((d) => d.code === 'OCR_NUMBER_UNCERTAIN').length;
    all.repaired += res.numbers.filter((n) => n.changed).length;
    console.log(`${stem}: ${truthPages.length} page(s), ${(wall / truthPages.length).toFixed(2)} s/page wall, ${((cpu.user + cpu.system) / 1e6 / truthPages.length).toFixed(2)} CPU-s/page, mean confidence ${res.meanConfidence}`);
  }
} finally {
  await engine.terminate();
}
console.log(`\nAll: ${all.pages} pages, ${(all.seconds / Math.max(1, all.pages)).toFixed(2)} s/page wall (${workers} workers), ${(all.cpu / Math.max(1, all.pages)).toFixed(2)} CPU-s/page`);
console.log(`CER ${(100 * all.errs / Math.max(1, all.chars)).toFixed(2)} % over ${all.chars} characters`);
console.log(`Years   before repair: ${all.yearsBefore.found}/${all.yearsBefore.truth} (${pct(all.yearsBefore.found, all.yearsBefore.truth)}), ${all.yearsBefore.wrong} wrong; after: ${all.yearsAfter.found}/${all.yearsAfter.truth} (${pct(all.yearsAfter.found, all.yearsAfter.truth)}), ${all.yearsAfter.wrong} wrong`);
console.log(`Wrong years after repair: ${all.wrongFlagged} kept as read with an OCR_NUMBER_UNCERTAIN diagnostic, ${all.wrongSilent} without (misread or mis-repaired)`);
console.log(`Periods before repair: ${all.periodsBefore.found}/${all.periodsBefore.truth} (${pct(all.periodsBefore.found, all.periodsBefore.truth)}), ${all.periodsBefore.wrong} wrong; after: ${all.periodsAfter.found}/${all.periodsAfter.truth} (${pct(all.periodsAfter.found, all.periodsAfter.truth)}), ${all.periodsAfter.wrong} wrong`);
console.log(`Numbers re-read: ${all.repaired}; left unsure with a diagnostic: ${all.unsure}`);
const jsonOut = opt('--json');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ all, rows }, null, 1));
