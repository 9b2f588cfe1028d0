/**
 * The batch loop: input order kept whatever order jobs finish in, memory
 * bounded by slots and window, aborts leave a whole prefix, --resume skips.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { failedOutcome, type JobSettings, type Outcome, sourceOf, type Task } from '../../src/batch/job.js';
import type { ResumeState } from '../../src/batch/resume.js';
import { type BatchResult, runBatch } from '../../src/batch/run.js';
import { inProcessRunner, type Runner } from '../../src/batch/runners.js';
import type { Input } from '../../src/batch/types.js';
import { corpusPath } from '../_support/variants.js';

const settings: JobSettings = { format: 'jsonl', pretty: false, maxBytes: 2 ** 20 };

/** A runner whose job n takes delays[n] ms and reports how many ran at once. */
function fakeRunner(capacity: number, delay: (t: Task) => number) {
  const stats = { running: 0, maxRunning: 0, started: [] as number[] };
  let aborted = false;
  const runner: Runner = {
    kind: 'in-process',
    capacity,
    async run(task) {
      stats.started.push(task.index);
      stats.maxRunning = Math.max(stats.maxRunning, ++stats.running);
      await sleep(delay(task));
      stats.running--;
      if (aborted) return null;
      return failedOutcome(task.index, sourceOf(task), 'NOT_ITA_REPORT', `job ${task.index}`, settings);
    },
    abort: () => void (aborted = true),
    close: async () => {},
  };
  return { runner, stats };
}

async function* bytesInputs(n: number): AsyncGenerator<Input> {
  for (let i = 0; i < n; i++) yield { kind: 'bytes', path: `doc${i}.txt`, bytes: new TextEncoder().encode(`document ${i}`) };
}

async function collect(inputs: AsyncIterable<Input>, runner: Runner, extra: { signal?: AbortSignal; resume?: ResumeState; window?: number; onRecord?: (o: Outcome) => void } = {}) {
  const records: Outcome[] = [];
  const resumed: string[] = [];
  const result: BatchResult = await runBatch(inputs, { settings, runner, ...extra }, {
    onRecord: (o) => {
      records.push(o);
      extra.onRecord?.(o);
    },
    onResumed: (p) => resumed.push(p),
  });
  return { records, resumed, result, paths: records.map((r) => r.row.path) };
}

describe('runBatch', () => {
  it('writes records in input order although later jobs finish first', async () => {
    const { runner, stats } = fakeRunner(4, (t) => (t.index % 4 === 0 ? 40 : 2));
    const r = await collect(bytesInputs(12), runner);
    expect(r.paths).toEqual(Array.from({ length: 12 }, (_, i) => `doc${i}.txt`));
    expect(r.records.map((o) => o.index)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(stats.maxRunning).toBe(4);
    expect(r.result).toMatchObject({ ok: 0, failed: 12, interrupted: false });
  });

  it('takes no input beyond the window while an early job is slow', async () => {
    const { runner, stats } = fakeRunner(3, (t) => (t.index === 0 ? 80 : 1));
    const taken: number[] = [];
    async function* counted(): AsyncGenerator<Input> {
      for (let i = 0; i < 30; i++) {
        taken.push(i);
        yield { kind: 'bytes', path: `d${i}`, bytes: new Uint8Array([i]) };
      }
    }
    let takenWhenFirstWritten = -1;
    await collect(counted(), runner, { window: 5, onRecord: (o) => void (o.index === 0 && (takenWhenFirstWritten = taken.length)) });
    // job 0 blocks the output: at most `window` inputs are taken before it is written
    expect(takenWhenFirstWritten).toBeLessThanOrEqual(5);
    expect(stats.started).toHaveLength(30);
  });

  it('on abort takes no more input and writes only a whole prefix', async () => {
    const { runner } = fakeRunner(3, (t) => 5 + (t.index % 3) * 10);
    const ac = new AbortController();
    const r = await collect(bytesInputs(50), runner, { signal: ac.signal, onRecord: (o) => void (o.index === 4 && ac.abort('SIGINT')) });
    expect(r.result.interrupted).toBe(true);
    expect(r.records.length).toBeGreaterThanOrEqual(5);
    expect(r.records.length).toBeLessThan(50);
    expect(r.records.map((o) => o.index)).toEqual(Array.from({ length: r.records.length }, (_, i) => i));
  });

  it('reads files itself, and a missing one becomes a READ_FAILED record in its place', async () => {
    const runner = inProcessRunner({ settings, timeoutMs: null });
    async function* files(): AsyncGenerator<Input> {
      yield { kind: 'file', path: corpusPath('003_592d1508f0de56c3') };
      yield { kind: 'file', path: '/nonexistent/ita-batch-x.txt' };
      yield { kind: 'failed', path: 'x.zip!/../evil.txt', code: 'READ_FAILED', message: 'unsafe' };
    }
    const r = await collect(files(), runner);
    expect(r.records.map((o) => [o.row.status, o.row.error_code])).toEqual([['ok', null], ['error', 'READ_FAILED'], ['error', 'READ_FAILED']]);
    expect(JSON.parse(r.records[0]!.record).organization.name).toBe('องค์การบริหารส่วนตำบลคลองประสัก');
    expect(r.result).toMatchObject({ ok: 1, failed: 2 });
  });

  it('skips what the resume state already has, by content and, for unreadable inputs, by path', async () => {
    const { runner, stats } = fakeRunner(2, () => 1);
    const taken: Array<[string | null, string]> = [];
    const resume: ResumeState = {
      records: 2,
      truncated: 0,
      take: (sha, path) => {
        taken.push([sha, path]);
        return path === 'doc1.txt' || path === 'gone.txt' ? 'ok' : null;
      },
    };
    async function* mixed(): AsyncGenerator<Input> {
      yield* bytesInputs(3);
      yield { kind: 'failed', path: 'gone.txt', code: 'READ_FAILED', message: 'x' };
    }
    const r = await collect(mixed(), runner, { resume });
    expect(r.paths).toEqual(['doc0.txt', 'doc2.txt']);
    expect(r.resumed).toEqual(['doc1.txt', 'gone.txt']);
    expect(stats.started).toEqual([0, 2]);
    expect(taken.find(([, p]) => p === 'doc0.txt')![0]).toMatch(/^[0-9a-f]{64}$/);
    expect(taken.find(([, p]) => p === 'gone.txt')![0]).toBeNull();
    expect(r.result).toMatchObject({ resumedOk: 2, failed: 2 });
  });
});
