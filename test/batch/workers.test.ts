/**
 * Worker threads (the CLI entry bundled from source, and once the .ts itself):
 * the same records as in-process, time limits that really stop a job, and a
 * fallback to in-process work when threads cannot start.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSettings, Task } from '../../src/batch/job.js';
import { inProcessRunner, type Runner, workerRunner } from '../../src/batch/runners.js';
import { CORPUS_STEMS, corpusPath } from '../_support/variants.js';
import { bundledWorkerScript, removeBundledWorkerScript } from './_worker-script.js';

const settings: JobSettings = { format: 'jsonl', pretty: false, maxBytes: 256 * 2 ** 20 };

function task(index: number, path: string, bytes: Uint8Array): Task {
  return { index, path, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), format: null };
}
const corpusTasks = () => CORPUS_STEMS.map((s, i) => task(i, corpusPath(s), new Uint8Array(readFileSync(corpusPath(s)))));
/** Thai paragraphs that take the recognisers seconds: a job to time out. */
const slowHtml = () => new TextEncoder().encode(`<html><body>${'<p>ข้อความภาษาไทยที่ไม่เกี่ยวข้องกับการประเมิน lorem ipsum</p>\n'.repeat(200_000)}</body></html>`);

const runners: Runner[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
  removeBundledWorkerScript();
});

describe('workerRunner', () => {
  const notes: string[] = [];
  let pool: Runner;
  beforeAll(async () => {
    pool = workerRunner({ settings, timeoutMs: 4000, size: 2, script: await bundledWorkerScript(), onOutput: (t) => notes.push(t) });
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
    const [slow, fine] = await Promise.all([pool.run(task(0, 'slow.html', slowHtml())), pool.run({ ...corpusTasks()[0]!, index: 1 })]);
    expect(slow?.row).toMatchObject({ status: 'error', error_code: 'TIMEOUT', path: 'slow.html' });
    expect(Number(slow?.row.seconds)).toBeLessThan(60);
    expect(fine?.row).toMatchObject({ status: 'ok' });
    const next = await pool.run({ ...corpusTasks()[1]!, index: 2 });
    expect(next?.row).toMatchObject({ status: 'ok' });
  }, 60_000);

  it('drops in-flight jobs on abort, and every later one', async () => {
    const pending = pool.run(task(0, 'slow.html', slowHtml()));
    setTimeout(() => pool.abort(), 100);
    expect(await pending).toBeNull();
    expect(await pool.run({ ...corpusTasks()[0]!, index: 1 })).toBeNull();
  }, 60_000);

  it('turns a thread that runs out of its heap (--max-memory) into TOO_LARGE', async () => {
    const small = workerRunner({ settings, timeoutMs: 30_000, size: 1, script: await bundledWorkerScript(), maxMemoryMb: 64 });
    runners.push(small);
    const html = new TextEncoder().encode(`<html><body>${'<p>ข้อความภาษาไทยที่ไม่เกี่ยวข้อง lorem ipsum</p>\n'.repeat(200_000)}</body></html>`);
    const o = await small.run(task(0, 'heavy.html', html));
    expect(o?.row).toMatchObject({ status: 'error', error_code: 'TOO_LARGE' });
    expect(String(o?.row.error_message)).toMatch(/ran out of memory/);
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
