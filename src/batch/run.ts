/**
 * The batch loop: takes inputs in order, reads each (files are read here, on
 * the main thread, and hashed), hands it to the runner, and gives the
 * outcomes back in input order. Memory stays bounded: an input is taken only
 * when a slot is free and fewer than `window` records wait to be written, so
 * at most `capacity` documents are in memory at once. On abort no new input
 * is taken; finished records up to the first unfinished one are written, and
 * the rest dropped, so an interrupted output is a whole prefix of the run.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { sniffFormat } from '../readers/sniff.js';
import { type JobSettings, type Outcome, failedOutcome } from './job.js';
import type { ResumeState, Status } from './resume.js';
import type { Runner } from './runners.js';
import type { Input } from './types.js';

export interface BatchOptions {
  settings: JobSettings;
  runner: Runner;
  signal?: AbortSignal;
  resume?: ResumeState | null;
  /** Records that may wait for an earlier one before input-taking pauses (default 8 × capacity, at least 16). */
  window?: number;
}

export interface BatchHooks {
  /** Each record, in input order; awaited (backpressure). */
  onRecord(outcome: Outcome): void | Promise<void>;
  /** An input the output file already has (--resume). */
  onResumed?(path: string, status: Status): void;
}

export interface BatchResult {
  ok: number;
  failed: number;
  resumedOk: number;
  resumedFailed: number;
  interrupted: boolean;
}

type Result = { kind: 'record'; outcome: Outcome } | { kind: 'resumed'; path: string; status: Status } | { kind: 'dropped' };

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
export const placeholder = (path: string) => ({ path, sha256: null, format: sniffFormat(new Uint8Array(), path), pages: null, ocr: false });

export async function load(path: string, maxBytes: number): Promise<Uint8Array | { code: 'READ_FAILED' | 'TOO_LARGE'; message: string }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { code: 'READ_FAILED', message: `cannot read ${path}: not a regular file` };
    if (info.size > maxBytes) return { code: 'TOO_LARGE', message: `file is ${info.size} bytes; the limit is ${maxBytes}` };
    const b = await readFile(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    return { code: 'READ_FAILED', message: `cannot read ${path}: ${(e as Error).message}` };
  }
}

async function handle(index: number, input: Input, o: BatchOptions): Promise<Result> {
  const s = o.settings;
  const loaded = input.kind === 'file' ? await load(input.path, s.maxBytes) : input.kind === 'bytes' ? input.bytes : input;
  if (!(loaded instanceof Uint8Array)) {
    const status = o.resume?.take(null, input.path);
    if (status) return { kind: 'resumed', path: input.path, status };
    return { kind: 'record', outcome: failedOutcome(index, placeholder(input.path), loaded.code, loaded.message, s) };
  }
  const task = { index, path: input.path, bytes: loaded, sha256: sha256(loaded), format: sniffFormat(loaded, input.path) };
  const status = o.resume?.take(task.sha256, task.path);
  if (status) return { kind: 'resumed', path: input.path, status };
  const outcome = await o.runner.run(task);
  return outcome ? { kind: 'record', outcome } : { kind: 'dropped' };
}

export async function runBatch(inputs: AsyncIterable<Input>, o: BatchOptions, hooks: BatchHooks): Promise<BatchResult> {
  const result: BatchResult = { ok: 0, failed: 0, resumedOk: 0, resumedFailed: 0, interrupted: false };
  const window = o.window ?? Math.max(16, 8 * o.runner.capacity);
  const it = inputs[Symbol.asyncIterator]();
  const finished = new Map<number, Result>();
  const running = new Set<Promise<void>>();
  let next = 0;
  let written = 0;
  const aborted = () => o.signal?.aborted === true;
  const onAbort = () => o.runner.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const abortedWait = new Promise<void>((resolve) => o.signal?.addEventListener('abort', () => resolve(), { once: true }));

  async function flush(): Promise<void> {
    for (let r = finished.get(written); r && r.kind !== 'dropped'; r = finished.get(written)) {
      finished.delete(written++);
      if (r.kind === 'resumed') {
        if (r.status === 'ok') result.resumedOk++;
        else result.resumedFailed++;
        hooks.onResumed?.(r.path, r.status);
        continue;
      }
      if (r.outcome.row.status === 'ok') result.ok++;
      else result.failed++;
      await hooks.onRecord(r.outcome);
    }
  }

  try {
    for (;;) {
      if (aborted()) break;
      if (running.size < o.runner.capacity && next - written < window) {
        const step = await it.next();
        if (step.done || aborted()) break;
        const index = next++;
        const input = step.value;
        const p: Promise<void> = handle(index, input, o)
          .catch((e: unknown): Result => {
            const message = `the batch failed on this input: ${(e as Error)?.message ?? e}`;
            return { kind: 'record', outcome: failedOutcome(index, placeholder(input.path), 'INTERNAL_ERROR', message, o.settings) };
          })
          .then((r) => void finished.set(index, r))
          .finally(() => running.delete(p));
        running.add(p);
      } else {
        await Promise.race([...running, abortedWait]);
      }
      await flush();
    }
    while (running.size > 0) {
      await Promise.race(running);
      await flush();
    }
    await flush();
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    await it.return?.(undefined);
  }
  result.interrupted = aborted();
  return result;
}
