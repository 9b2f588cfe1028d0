/**
 * The layout bench's run (test/_support/layouts: runLayouts, tallyDoc, belowTargets, as `npm run bench -- --only
 * layouts` does it), with every tally kept a second time without the documents of one phenomenon (by default
 * table:borderless, whose PDFs are a work of their own), so the other gaps show:
 *
 *   nice -n 10 npx tsx bench/layouts-without.ts SEED0 SEEDS PDF CHROMIUM [producer,…] [phenomenon]
 *   nice -n 10 npx tsx bench/layouts-without.ts 84700 100 50 20 pandoc-plain table:borderless
 */
import { extract } from '../src/index.js';
import { type LayoutFormat, runLayouts } from '../test/_support/layouts/run.js';
import { belowTargets, formatTallies, tallyDoc, type Tally } from '../test/_support/layouts/score.js';
const [seed0, n, pdfN, chrN] = process.argv.slice(2, 6).map(Number) as [number, number, number, number];
const producers = (process.argv[6] ?? '').split(',').filter(Boolean) as LayoutFormat[];
const jobs: Array<{ seed: number; format: LayoutFormat }> = [];
for (let i = 0; i < n; i++) {
  for (const f of ['text', 'html', 'docx'] as const) jobs.push({ seed: seed0 + i, format: f });
  if (i < pdfN) jobs.push({ seed: seed0 + i, format: 'pdf' });
  if (i < chrN) jobs.push({ seed: seed0 + i, format: 'chromium' });
  for (const p of producers) jobs.push({ seed: seed0 + i, format: p });
}
const without = process.argv[7] ?? 'table:borderless';
const nb = new Map<string, Tally>();
const r = await runLayouts(extract, jobs, (g, format, doc) => {
  if (g.phenomena.includes(without)) return;
  tallyDoc(nb, ['all', `format:${format}`, ...g.phenomena.map((p) => `${format}/${p}`)], doc, g.expected, format);
}, producers.length ? 'bench/out/producers' : undefined);
const show = (t: Map<string, Tally>, title: string) => {
  const keys = [...t.keys()];
  console.log(`\n${title}\n`);
  console.log(formatTallies(t, ['all', ...keys.filter((k) => k.startsWith('format:')).sort()]));
  const below = keys.filter((k) => k.includes('/')).sort().map((k) => ({ k, t: t.get(k)!, m: belowTargets(t.get(k)!) })).filter((b) => b.m.length);
  console.log(`\n  format/phenomenon buckets under target: ${below.length} of ${keys.filter((k) => k.includes('/')).length}`);
  for (const b of below) console.log(`  ${b.k} (${b.t.expected} entries${b.t.docs ? `, ${b.t.docs} docs` : ''}): ${b.m.join(', ')}`);
};
console.log(`counts ${JSON.stringify(r.counts)} errors ${r.errors.length}`);
show(r.tallies, 'ALL documents');
show(nb, `WITHOUT ${without} documents`);
