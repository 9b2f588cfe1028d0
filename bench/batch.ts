/**
 * `tsx bench/batch.ts [N=200] [BIG=500]` (after `npm run build`): batch
 * throughput of the built CLI on N copies of the corpus texts, in-process
 * (-j 1) and with 2 worker threads (-j 2), and peak memory over BIG files.
 * Peak RSS is the child's VmHWM, polled from /proc (Linux only).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_STEMS, corpusPath } from '../test/_support/variants.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const n = Number(process.argv[2] ?? 200);
const big = Number(process.argv[3] ?? 500);

function peakRss(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function runCli(args: string[]): Promise<{ seconds: number; rssMb: number | null; code: number | null }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  let rss: number | null = null;
  const poll = setInterval(() => {
    const r = peakRss(child.pid!);
    if (r !== null) rss = Math.max(rss ?? 0, r);
  }, 10);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  return { seconds: (performance.now() - t0) / 1000, rssMb: rss, code };
}

async function corpusCopies(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) await copyFile(corpusPath(CORPUS_STEMS[i % CORPUS_STEMS.length]!), join(dir, `${String(i).padStart(5, '0')}.txt`));
}

if (!existsSync(CLI)) {
  console.error('bench/batch.ts runs the built CLI: npm run build first');
  process.exit(2);
}
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
const root = await mkdtemp(join(os.tmpdir(), 'ita-bench-batch-'));
try {
  await corpusCopies(join(root, 'n'), n);
  console.log(`\nBatch throughput: ${n} corpus text files (wall time of the whole CLI run, start-up included)`);
  for (const j of [1, 2]) {
    const r = await runCli([join(root, 'n'), '-j', String(j), '-q', '-o', join(root, `out-${j}.jsonl`)]);
    const how = j === 1 ? 'in-process (-j 1)' : `${j} worker threads (-j ${j})`;
    console.log(`  ${how.padEnd(26)} ${r.seconds.toFixed(1).padStart(6)} s  ${(n / r.seconds).toFixed(1).padStart(6)} files/s  peak RSS ${r.rssMb?.toFixed(0) ?? '?'} MB`);
  }
  await corpusCopies(join(root, 'big'), big);
  console.log(`\nPeak memory: ${big} files`);
  for (const j of [1, 2]) {
    const r = await runCli([join(root, 'big'), '-j', String(j), '-q', '-o', join(root, 'big.jsonl'), '--summary', join(root, 'big.csv')]);
    console.log(`  -j ${j}: ${r.seconds.toFixed(1)} s, ${(big / r.seconds).toFixed(1)} files/s, peak RSS ${r.rssMb?.toFixed(0) ?? '?'} MB (exit ${r.code})`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
