/**
 * Run in a child process with a small heap (see bounds.test.ts): extracts each
 * bomb in-process and prints one JSON line per bomb with its error and the
 * peak RSS so far. A bomb that spends its memory kills this process.
 */
import { extract } from '../../src/extract.js';
import { bombs } from './_bombs.js';

const list = await bombs();
const mb = (n: number) => Math.round(n / 2 ** 20);
// after the bombs are made and the modules loaded: what the reading adds is measured from here
globalThis.gc?.();
const base = process.memoryUsage().rss;
process.stdout.write(JSON.stringify({ base: mb(base), peak: mb(process.resourceUsage().maxRSS * 1024) }) + '\n');
for (const b of list) {
  const doc = await extract(b.data, { fileName: b.name });
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ name: b.name, size: typeof b.data === 'string' ? b.data.length : b.data.byteLength, error: doc.error, peak: mb(peak) }) + '\n');
}
