/**
 * `npm run bench -- --only layouts`: generated reports (test/_support/layouts)
 * in every format, extracted and scored per phenomenon and per format.
 * The same seeds are written as text, HTML and DOCX (so formats compare on
 * identical content), and the first `pdfDocs` of them as text PDF through
 * LibreOffice when `soffice` is on the PATH, and the first `chromiumDocs`
 * as text PDF printed by Chromium from the HTML (another PDF writer: cell
 * borders sliced at page breaks, Thai clusters in ActualText spans) when
 * its binary is there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { extract } from '../src/index.js';
import { type LayoutFormat, runLayouts } from '../test/_support/layouts/run.js';
import { belowTargets, formatTallies } from '../test/_support/layouts/score.js';
import { CHROMIUM } from '../test/_support/layouts/write-chromium.js';
import { PRODUCERS, type Producer, producerMissing } from '../test/_support/layouts/write-producers.js';

export const LAYOUT_SEED0 = 10_000;

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

export async function benchLayouts(opts: {
  seeds: number;
  pdfDocs: number;
  chromiumDocs: number;
  seed0?: number;
  /** Other producers (write-producers.ts), each writing every seed; skipped with a note when their tool is missing. */
  producers?: string[];
}): Promise<void> {
  const seed0 = opts.seed0 ?? LAYOUT_SEED0;
  const producers: Producer[] = [];
  for (const p of opts.producers ?? []) {
    if (!(PRODUCERS as readonly string[]).includes(p)) console.log(`  (unknown producer ${p}: producers are ${PRODUCERS.join(', ')})`);
    else if (producerMissing(p as Producer)) console.log(`  (${p} skipped: ${producerMissing(p as Producer)} not found)`);
    else producers.push(p as Producer);
  }
  const pdf = opts.pdfDocs > 0 && hasSoffice();
  const chromium = opts.chromiumDocs > 0 && existsSync(CHROMIUM);
  const jobs: Array<{ seed: number; format: LayoutFormat }> = [];
  for (let i = 0; i < opts.seeds; i++) {
    for (const format of ['text', 'html', 'docx'] as const) jobs.push({ seed: seed0 + i, format });
    if (pdf && i < opts.pdfDocs) jobs.push({ seed: seed0 + i, format: 'pdf' });
    if (chromium && i < opts.chromiumDocs) jobs.push({ seed: seed0 + i, format: 'chromium' });
    for (const p of producers) jobs.push({ seed: seed0 + i, format: p });
  }
  const t0 = performance.now();
  // conversions kept between runs (bench/out is not committed): a before/after comparison converts once
  const r = await runLayouts(extract, jobs, undefined, producers.length > 0 ? 'bench/out/producers' : undefined);
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  console.log(
    `  ${jobs.length} documents from ${opts.seeds} seeds (${seed0}…): text ${r.counts.text}, HTML ${r.counts.html}, DOCX ${r.counts.docx}, PDF ${r.counts.pdf}${pdf ? '' : ' (soffice not found: no PDF)'}, Chromium PDF ${r.counts.chromium}${chromium || opts.chromiumDocs === 0 ? '' : ` (no ${CHROMIUM})`}${producers.map((p) => `, ${p} ${r.counts[p] ?? 0}`).join('')}; ${s} s; extraction errors ${r.errors.length}${r.errors.length ? `: ${r.errors.slice(0, 5).join(', ')}` : ''}`,
  );
  console.log('  recall/precision over entries; periods, sections, responsible over matched entries; status/budget/parentSeq over entries that have one');
  const keys = [...r.tallies.keys()];
  console.log('\n  Per format\n');
  console.log(formatTallies(r.tallies, ['all', ...keys.filter((k) => k.startsWith('format:')).sort()]));
  console.log('\n  Per phenomenon (document-level ones: docs > 0; entry-level ones: docs 0, precision not attributable)\n');
  console.log(formatTallies(r.tallies, keys.filter((k) => k !== 'all' && !k.startsWith('format:') && !k.includes('/')).sort()));
  // every phenomenon in every format, listed where a figure misses issue 13's targets
  const below = keys
    .filter((k) => k.includes('/'))
    .sort()
    .map((k) => ({ k, t: r.tallies.get(k)!, misses: belowTargets(r.tallies.get(k)!) }))
    .filter((b) => b.misses.length > 0);
  console.log(`\n  Per format and phenomenon under the targets (recall, precision >= 0.97, periods >= 0.95, sections >= 0.97, code F1 >= 0.98): ${below.length} of ${keys.filter((k) => k.includes('/')).length}\n`);
  for (const b of below) console.log(`  ${b.k} (${b.t.expected} entries${b.t.docs ? `, ${b.t.docs} docs` : ''}): ${b.misses.join(', ')}`);
}
