/**
 * `tsx bench/hostile.ts` (after `npm run build`): the hostile inputs of
 * test/batch/_hostile.ts through the built CLI (2 worker threads, OCR on,
 * --timeout 20), one table row per record: what came out, how long it took.
 * Peak RSS of the CLI process (VmHWM; worker threads share it) at the end.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../test/batch/_csv.js';
import { hostileFiles } from '../test/batch/_hostile.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const root = await mkdtemp(join(os.tmpdir(), 'ita-hostile-bench-'));
const folder = join(root, 'hostile');
await mkdir(folder);
const expected = new Map<string, string[]>();
for (const f of hostileFiles()) {
  await writeFile(join(folder, f.name), f.data);
  if (Array.isArray(f.expect)) expected.set(f.name, f.expect);
  else for (const [p, c] of Object.entries(f.expect)) expected.set(p, c);
}
const out = join(root, 'out.jsonl');
const summary = join(root, 'summary.csv');
let peak = 0;
const t0 = performance.now();
const child = spawn(process.execPath, [CLI, '-j', '2', '--timeout', '20', '-q', '-o', out, '--summary', summary, folder], { stdio: 'inherit' });
const poll = setInterval(() => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    if (m) peak = Math.max(peak, Number(m[1]) / 1024);
  } catch {
    /* gone */
  }
}, 50);
const code = await new Promise<number | null>((r) => child.on('exit', r));
clearInterval(poll);
const seconds = (performance.now() - t0) / 1000;
const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
const table = parseCsv((await readFile(summary, 'utf8')).replace(/^\uFEFF/, ''));
const col = table[0]!.indexOf('seconds');
const rows = table.slice(1);
console.log(`  ${'input'.padEnd(58)} ${'outcome'.padEnd(22)} ${'expected'.padEnd(30)} seconds`);
let ok = 0;
lines.forEach((l, i) => {
  const d = JSON.parse(l) as { status: string; error: { code: string } | null; source: { path: string }; entries: unknown[]; sections: unknown[] };
  const rel = d.source.path.slice(folder.length + 1);
  const got = d.status === 'ok' ? 'ok' : d.error!.code;
  const want = expected.get(rel) ?? [];
  if (want.includes(got)) ok++;
  const secs = Number(rows[i]?.[col] ?? NaN).toFixed(2);
  const shown = d.status === 'ok' ? `ok (${d.entries.length} entries, ${d.sections.length} sections)` : got;
  console.log(`  ${rel.slice(0, 58).padEnd(58)} ${shown.padEnd(22)} ${want.join('|').padEnd(30)} ${secs}`);
});
console.log(`  ${lines.length} records for ${expected.size} expected, ${ok} as expected; exit code ${code}; ${seconds.toFixed(1)} s; peak RSS ${peak.toFixed(0)} MB`);
await rm(root, { recursive: true, force: true });
