/**
 * OCR end to end: extract() on scanned renderings against extract() on the
 * text-layer PDF of the very same rendering (what the scan was made from),
 * field by field: header, entries, item codes, periods, sections.
 *
 *   scripts/make-scan-fixtures.sh --bench /tmp/scans     (NAME.pdf scans + NAME.text.pdf)
 *   npx tsx bench/ocr-extract.ts --dir /tmp/scans [--workers N] [--files 000,001]
 *
 * Multisets are compared (codes, periods as start..end, section numbers), so
 * an entry split or merged differently costs only what it changes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/extract.js';
import type { ItaDocument } from '../src/model/schema.js';
import { createOcrEngine } from '../src/ocr/engine.js';
import { comparable, matched } from '../src/ocr/metrics.js';
import levenshtein from 'fast-levenshtein';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = opt('--dir');
if (!dir || !existsSync(dir)) {
  console.log('  (no scan directory: run scripts/make-scan-fixtures.sh --bench DIR, then --dir DIR)');
  process.exit(0);
}
const workers = Number(opt('--workers') ?? os.availableParallelism());
const only = opt('--files')?.split(',');

const codes = (d: ItaDocument) => d.entries.flatMap((e) => e.itemCodes.map((c) => c.code));
const periods = (d: ItaDocument) => d.entries.flatMap((e) => e.periods.map((p) => `${p.start}..${p.end}`));
const responsible = (d: ItaDocument) => d.entries.flatMap((e) => e.responsible);
const header = (d: ItaDocument) => [d.organization?.name, d.organization?.province, d.fiscalYear?.be, d.assessment.year, d.assessment.overallScore, d.assessment.level, d.reportingPeriod?.start];

/**
 * Entries of the scan matched one to one with the text version's: the
 * pair with the most similar text first (1 − edit distance / length, on
 * comparable text, the first 200 characters), kept when at least 0.6.
 */
function matchedEntries(scan: ItaDocument, text: ItaDocument): number {
  const key = (t: string) => comparable(t).slice(0, 200);
  const a = scan.entries.map((e) => key(e.text));
  const b = text.entries.map((e) => key(e.text));
  const pairs: Array<[number, number, number]> = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      const len = Math.max(x.length, y.length);
      if (len === 0 || Math.min(x.length, y.length) < 0.6 * len) return;
      const sim = 1 - levenshtein.get(x, y) / len;
      if (sim >= 0.6) pairs.push([sim, i, j]);
    }),
  );
  pairs.sort((p, q) => q[0] - p[0]);
  const ua = new Set<number>();
  const ub = new Set<number>();
  for (const [, i, j] of pairs) {
    if (ua.has(i) || ub.has(j)) continue;
    ua.add(i);
    ub.add(j);
  }
  return ua.size;
}

const engine = createOcrEngine({ workers });
const stems = readdirSync(dir)
  .filter((f) => /^[^.]+\.pdf$/.test(f) && existsSync(join(dir, f.replace(/\.pdf$/, '.text.pdf'))))
  .map((f) => f.replace(/\.pdf$/, ''))
  .filter((s) => !only || only.includes(s))
  .sort();
console.log(`  ${'file'.padEnd(6)} pages  s/page  header  entries(ocr/text)  codes P/R      periods P/R    responsible P/R  sections`);
const tot = { entriesHit: 0, sectHit: 0, sectText: 0, sectOcr: 0, pages: 0, seconds: 0, codesHit: 0, codesOcr: 0, codesText: 0, perHit: 0, perOcr: 0, perText: 0, entriesOcr: 0, entriesText: 0, hdr: 0, hdrN: 0 };
for (const stem of stems) {
  const text = await extract(new Uint8Array(readFileSync(join(dir, `${stem}.text.pdf`))), { fileName: `${stem}.text.pdf`, ocr: 'never' });
  const t0 = performance.now();
  const scan = await extract(new Uint8Array(readFileSync(join(dir, `${stem}.pdf`))), { fileName: `${stem}.pdf`, ocrEngine: engine });
  const seconds = (performance.now() - t0) / 1000;
  const pages = scan.source.pages ?? 0;
  const h = header(scan);
  const ht = header(text);
  const hdr = h.filter((x, i) => x === ht[i]).length;
  const pr = (a: string[], b: string[]) => {
    const hit = matched(a, b);
    return `${a.length ? (hit / a.length).toFixed(2) : '-'}/${b.length ? (hit / b.length).toFixed(2) : '-'} (${hit}/${b.length})`;
  };
  const sect = `${matched(scan.sections.map((s) => String(s.number)), text.sections.map((s) => String(s.number)))}/${text.sections.length}`;
  console.log(
    `  ${stem.padEnd(6)} ${String(pages).padStart(5)} ${(seconds / Math.max(1, pages)).toFixed(2).padStart(7)}  ${`${hdr}/${ht.length}`.padEnd(6)}  ${`${scan.entries.length}/${text.entries.length}`.padEnd(17)}  ${pr(codes(scan), codes(text)).padEnd(13)}  ${pr(periods(scan), periods(text)).padEnd(13)}  ${pr(responsible(scan), responsible(text)).padEnd(15)}  ${sect}`,
  );
  const eh = matchedEntries(scan, text);
  console.log(`         entries matched ${eh}: P ${(eh / Math.max(1, scan.entries.length)).toFixed(2)} R ${(eh / Math.max(1, text.entries.length)).toFixed(2)}`);
  if (args.includes('--verbose')) {
    console.log('    header ocr ', JSON.stringify(h), '\n    header text', JSON.stringify(ht));
    console.log('    codes ocr ', codes(scan).join(' '), '\n    codes text', codes(text).join(' '));
  }
  tot.pages += pages;
  tot.seconds += seconds;
  tot.codesHit += matched(codes(scan), codes(text));
  tot.codesOcr += codes(scan).length;
  tot.codesText += codes(text).length;
  tot.perHit += matched(periods(scan), periods(text));
  tot.perOcr += periods(scan).length;
  tot.perText += periods(text).length;
  tot.entriesHit += matchedEntries(scan, text);
  tot.sectHit += matched(scan.sections.map((s) => String(s.number)), text.sections.map((s) => String(s.number)));
  tot.sectText += text.sections.length;
  tot.sectOcr += scan.sections.length;
  tot.entriesOcr += scan.entries.length;
  tot.entriesText += text.entries.length;
  tot.hdr += hdr;
  tot.hdrN += ht.length;
}
await engine.terminate();
const f1 = (hit: number, got: number, truth: number) => (got + truth === 0 ? 1 : (2 * hit) / (got + truth));
console.log(
  `  entries P ${(tot.entriesHit / Math.max(1, tot.entriesOcr)).toFixed(2)} R ${(tot.entriesHit / Math.max(1, tot.entriesText)).toFixed(2)}  sections P ${(tot.sectHit / Math.max(1, tot.sectOcr)).toFixed(2)} R ${(tot.sectHit / Math.max(1, tot.sectText)).toFixed(2)}  codes F1 ${f1(tot.codesHit, tot.codesOcr, tot.codesText).toFixed(2)}  periods F1 ${f1(tot.perHit, tot.perOcr, tot.perText).toFixed(2)}`,
);
console.log(
  `  all    ${String(tot.pages).padStart(5)} ${(tot.seconds / Math.max(1, tot.pages)).toFixed(2).padStart(7)}  ${tot.hdr}/${tot.hdrN}  entries ${tot.entriesOcr}/${tot.entriesText}  codes P ${(tot.codesHit / Math.max(1, tot.codesOcr)).toFixed(2)} R ${(tot.codesHit / Math.max(1, tot.codesText)).toFixed(2)}  periods P ${(tot.perHit / Math.max(1, tot.perOcr)).toFixed(2)} R ${(tot.perHit / Math.max(1, tot.perText)).toFixed(2)}  (${workers} workers; s/page is wall time)`,
);
