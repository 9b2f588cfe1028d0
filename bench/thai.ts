/**
 * Thai toolkit throughput: normalizeThai and repairWrappedThai over the
 * corpus, repeated to about 4 MB, line by line as the readers call them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeThai, repairWrappedThai, parseThaiPeriod } from '../src/index.js';

const dir = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(dir + f, 'utf8'))
  .join('\n');

function timeIt(name: string, mb: number, fn: () => void): { name: string; mbPerS: number } {
  fn(); // warm up
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const ms = runs[2]!;
  return { name, mbPerS: mb / (ms / 1000) };
}

export function benchThai(): Array<{ name: string; mbPerS: number }> {
  const text = corpus.repeat(Math.ceil(4_000_000 / Buffer.byteLength(corpus)));
  const lines = text.split('\n');
  const mb = Buffer.byteLength(text) / 1e6;
  return [
    timeIt('normalizeThai', mb, () => lines.forEach((l) => normalizeThai(l))),
    timeIt('repairWrappedThai', mb, () => lines.forEach((l) => repairWrappedThai(l))),
    timeIt('normalizeThai + repairWrappedThai', mb, () => lines.forEach((l) => repairWrappedThai(normalizeThai(l)))),
    timeIt('parseThaiPeriod', mb, () => lines.forEach((l) => parseThaiPeriod(l, { fiscalYear: 2568 }))),
  ];
}
