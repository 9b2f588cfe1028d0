/**
 * Worker threads (the CLI entry bundled from source, and once the .ts itself):
 * the same records as in-process, time limits that really stop a job, and a
 * fallback to in-process work when threads cannot start. Jobs that hang or
 * grow do so by construction (test/batch/_test-worker.ts), whatever the
 * machine's speed.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSettings, Task } from '../../src/batch/job.js';
import { inProcessRunner, type Runner, workerRunner } from '../../src/batch/runners.js';
import { CORPUS_STEMS, corpusPath } from '../_support/variants.js';
import { bundledWorkerScript, removeBundledWorkerScript, testWorkerScript } from './_worker-script.js';

const settings: JobSettings = { format: 'jsonl', pretty: false, maxBytes: 256 * 2 ** 20 };

function task(index: number, path: string, bytes: Uint8Array): Task {
  return { index, path, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), format: null };
}
const corpusTasks = () => CORPUS_STEMS.map((s, i) => task(i, corpusPath(s), new Uint8Array(readFileSync(corpusPath(s)))));
/** A job of the test worker script's: its file name says how it misbehaves. */
const odd = (index: number, name: string) => task(index, name, new TextEncoder().encode('x'));
const threadOf = (o: { row: { error_message: unknown } } | null) => /^thread (\d+)$/.exec(String(o?.row.error_message))?.[1];

const runners: Runner[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
  removeBundledWorkerScript();
});

describe('workerRunner', () => {
  const notes: string[] = [];
  let pool: Runner;
  beforeAll(async () => {
    pool = workerRunner({ settings, timeoutMs: null, size: 2, script: await bundledWorkerScript(), onOutput: (t) => notes.push(t) });
    runners.push(pool);
  });

  it('gives, two threads at once, the same records as in-process work', async () => {
    const viaWorkers = await Promise.all(corpusTasks().map((t) => pool.run(t)));
    const local = inProcessRunner({ settings, timeoutMs: null });
    const inProcess = await Promise.all(corpusTasks().map((t) => local.run(t)));
    expect(notes).toEqual([]);
    expect(viaWorkers.map((o) => o?.record)).toEqual(inProcess.map((o) => o?.record));
    expect(viaWorkers.map((o) => o?.row.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  }, 60_000);

  it('terminates a job past its time limit (TIMEOUT) and goes on with a new thread', async () => {
    // the limit runs from when the thread is up; which-thread jobs take microseconds
    const one = workerRunner({ settings, timeoutMs: 1500, size: 1, script: await testWorkerScript() });
    runners.push(one);
    const before = threadOf(await one.run(odd(0, 'which-thread.txt')));
    expect(before).toMatch(/^\d+$/);
    const stuck = await one.run(odd(1, 'never-ends.txt'));
    expect(stuck?.row).toMatchObject({ status: 'error', error_code: 'TIMEOUT', path: 'never-ends.txt' });
    expect(String(stuck?.row.error_message)).toMatch(/^exceeded the 1\.5 s limit \(--timeout\); stopped after \d+(\.\d)? s$/);
    const after = threadOf(await one.run(odd(2, 'which-thread.txt')));
    expect(after).toMatch(/^\d+$/);
    expect(after).not.toBe(before);
  }, 60_000);

  it('stops synchronous work too (a loop that never yields) at the limit', async () => {
    const one = workerRunner({ settings, timeoutMs: 1000, size: 1, script: await testWorkerScript() });
    runners.push(one);
    const spun = await one.run(odd(0, 'spins.txt'));
    expect(spun?.row).toMatchObject({ status: 'error', error_code: 'TIMEOUT' });
    expect(threadOf(await one.run(odd(1, 'which-thread.txt')))).toMatch(/^\d+$/);
  }, 60_000);

  it('drops in-flight jobs on abort, and every later one', async () => {
    const one = workerRunner({ settings, timeoutMs: null, size: 1, script: await testWorkerScript() });
    runners.push(one);
    const pending = one.run(odd(0, 'never-ends.txt'));
    setTimeout(() => one.abort(), 100);
    expect(await pending).toBeNull();
    expect(await one.run({ ...corpusTasks()[0]!, index: 1 })).toBeNull();
  }, 60_000);

  it('turns a thread that runs out of its heap (--max-memory) into TOO_LARGE, and goes on', async () => {
    const small = workerRunner({ settings, timeoutMs: null, size: 1, script: await testWorkerScript(), maxMemoryMb: 64 });
    runners.push(small);
    const o = await small.run(odd(0, 'grows.txt'));
    expect(o?.row).toMatchObject({ status: 'error', error_code: 'TOO_LARGE' });
    expect(String(o?.row.error_message)).toMatch(/ran out of memory \(64 MB per worker, --max-memory\)/);
    expect((await small.run({ ...corpusTasks()[0]!, index: 1 }))?.row).toMatchObject({ status: 'ok' });
  }, 60_000);

  it('runs the .ts entry from source too, registering tsx in the thread', async () => {
    const fromSource = workerRunner({ settings, timeoutMs: null, size: 1, script: new URL('../../src/cli/bin.ts', import.meta.url) });
    runners.push(fromSource);
    const [t] = corpusTasks();
    expect((await fromSource.run(t!))?.row.status).toBe('ok');
  }, 60_000);

  it('falls back to in-process work when threads cannot start', async () => {
    const said: string[] = [];
    const broken = workerRunner({ settings, timeoutMs: null, size: 2, script: new URL('./no-such-worker.js', import.meta.url), onOutput: (t) => said.push(t) });
    runners.push(broken);
    const out = await Promise.all(corpusTasks().slice(0, 2).map((t) => broken.run(t)));
    expect(out.map((o) => o?.row.status)).toEqual(['ok', 'ok']);
    expect(said.join('')).toMatch(/worker threads unavailable/);
  }, 60_000);
});
