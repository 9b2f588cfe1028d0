/**
 * Where jobs run. Workers (every CLI run, -j 1 included): one thread per
 * slot, a job at a time each; a job past its time limit has its thread
 * terminated (and replaced), and a thread that runs out of its heap
 * (--max-memory) gives TOO_LARGE. The threads' temporary files (OCR) go in
 * one folder of the run's, made and removed by this thread, so a terminated
 * thread leaves nothing behind. In-process: one slot, only where worker
 * threads cannot start (no worker script, or the thread fails to load); a
 * job past its time limit is reported as TIMEOUT, but its work cannot be
 * stopped (extract runs mostly synchronously, so the limit is only checked
 * when the job yields or ends) and its memory is not capped.
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { makeTempDir } from '../ocr/temp.js';
import { type JobSettings, type Outcome, type Task, closeJobs, failedOutcome, runJob, sourceOf } from './job.js';
import type { WorkerData, WorkerMessage } from './worker.js';
import { timeoutMessage } from './_words.js';

export interface Runner {
  readonly kind: 'workers' | 'in-process';
  readonly capacity: number;
  /** The job's outcome; null when the batch was aborted and the job dropped. */
  run(task: Task): Promise<Outcome | null>;
  /** Stop what can be stopped now (workers are terminated; in-process work runs to its end). */
  abort(): void;
  close(): Promise<void>;
}

export interface RunnerOptions {
  settings: JobSettings;
  timeoutMs: number | null;
  /** Workers only. */
  size?: number;
  script?: URL;
  maxMemoryMb?: number;
  /** Worker console output and notes. */
  onOutput?: (text: string) => void;
}

/**
 * The record of a job past its limit: the limit, and how long the job really
 * ran (in-process, where it may run well past it and cannot be stopped).
 */
function timeoutOutcome(task: Task, o: Pick<RunnerOptions, 'timeoutMs' | 'settings'>, seconds: number, stopped: boolean): Outcome {
  const limit = (o.timeoutMs ?? 0) / 1000;
  return failedOutcome(task.index, sourceOf(task), 'TIMEOUT', timeoutMessage(limit, seconds, stopped), o.settings, seconds);
}

/**
 * The run's temporary folder, made on first use and removed by remove(),
 * and, should the process end first (a second Ctrl-C, a crash), on exit.
 */
function runTempDir(): { path(): string | null; remove(): void } {
  let dir: string | null = null;
  const remove = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
    process.off('exit', remove);
  };
  return {
    path() {
      if (!dir) {
        try {
          dir = makeTempDir('ita-extract-', tmpdir());
        } catch {
          return null; // no temporary folder to be had: OCR will say so, per document
        }
        process.once('exit', remove);
      }
      return dir;
    },
    remove,
  };
}

export function inProcessRunner(o: RunnerOptions): Runner {
  return {
    kind: 'in-process',
    capacity: 1,
    async run(task) {
      const t0 = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<null>((resolve) => {
        if (o.timeoutMs) timer = setTimeout(() => resolve(null), o.timeoutMs);
      });
      const outcome = await Promise.race([runJob(task, o.settings), limit]);
      clearTimeout(timer);
      const seconds = (performance.now() - t0) / 1000;
      if (outcome === null || (o.timeoutMs && seconds * 1000 > o.timeoutMs)) return timeoutOutcome(task, o, seconds, false);
      return outcome;
    },
    abort() {},
    async close() {
      await closeJobs();
    },
  };
}

/**
 * The thread's entry: the script itself, or, for a .ts script (running from
 * source, in development), a bootstrap that registers tsx in the thread
 * first (Node 20 applies no --import hooks to a worker's entry module).
 */
function workerEntry(script: URL): { entry: string | URL; eval: boolean } {
  if (!script.pathname.endsWith('.ts')) return { entry: script, eval: false };
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => m.register()).then(() => import(${JSON.stringify(script.href)}))`;
  return { entry: code, eval: true };
}

interface Slot {
  worker: Worker;
  /** Resolves true once the thread has loaded its modules, false (with the error) when it cannot. */
  started: Promise<true | Error>;
  busy: boolean;
}

export function workerRunner(o: RunnerOptions & { script: URL; size: number }): Runner {
  const slots = new Set<Slot>();
  const fallback = inProcessRunner(o);
  const temp = runTempDir();
  /** Threads being terminated: close() waits for them before removing the temporary folder. */
  const ending = new Set<Promise<number>>();
  let broken = false;
  let aborted = false;

  function end(worker: Worker): void {
    const p = worker.terminate().catch(() => 0);
    ending.add(p);
    void p.finally(() => ending.delete(p));
  }

  function spawn(): Slot {
    const data: WorkerData = { itaExtractWorker: true, settings: o.settings, tempDir: temp.path() };
    const { entry, eval: isCode } = workerEntry(o.script);
    const worker = new Worker(entry, {
      eval: isCode,
      workerData: data,
      stdout: true,
      stderr: true,
      resourceLimits: o.maxMemoryMb ? { maxOldGenerationSizeMb: o.maxMemoryMb } : undefined,
    });
    // anything a reader prints must not reach the data on stdout
    worker.stdout.on('data', (d: Buffer) => o.onOutput?.(d.toString()));
    worker.stderr.on('data', (d: Buffer) => o.onOutput?.(d.toString()));
    worker.on('error', () => {}); // reported per job below; never an unhandled 'error'
    const started = new Promise<true | Error>((resolve) => {
      const onMessage = (m: WorkerMessage) => 'ready' in m && done(true);
      const onError = (e: Error) => done(e);
      const onExit = (code: number) => done(new Error(`exited with code ${code}`));
      const done = (r: true | Error) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve(r);
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    const slot: Slot = { worker, started, busy: false };
    slots.add(slot);
    return slot;
  }

  function retire(slot: Slot): void {
    slots.delete(slot);
    end(slot.worker);
  }

  async function runOn(slot: Slot, task: Task): Promise<Outcome | null> {
    slot.busy = true;
    const started = await slot.started;
    if (started !== true) {
      // the thread could not even start: run this job and every later one here
      retire(slot);
      if (!broken) o.onOutput?.(`ita-extract: worker threads unavailable (${started.message}); running in-process\n`);
      broken = true;
      return aborted ? null : fallback.run(task);
    }
    const t0 = performance.now();
    const seconds = () => (performance.now() - t0) / 1000;
    return new Promise((resolve) => {
      const w = slot.worker;
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: Outcome | null) => {
        clearTimeout(timer);
        w.off('message', onMessage).off('error', onError).off('exit', onExit);
        slot.busy = false;
        resolve(outcome);
      };
      const onMessage = (m: WorkerMessage) => {
        if (!('ready' in m) && m.index === task.index) finish(m);
      };
      const onError = (e: Error & { code?: string }) => {
        retire(slot);
        if (aborted) return finish(null);
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          return finish(failedOutcome(task.index, sourceOf(task), 'TOO_LARGE', `ran out of memory (${o.maxMemoryMb} MB per worker, --max-memory)`, o.settings, seconds()));
        }
        finish(failedOutcome(task.index, sourceOf(task), 'INTERNAL_ERROR', `the worker failed: ${e.message}`, o.settings, seconds()));
      };
      const onExit = (code: number) => {
        slots.delete(slot);
        if (aborted) return finish(null);
        finish(failedOutcome(task.index, sourceOf(task), 'INTERNAL_ERROR', `the worker exited (code ${code})`, o.settings, seconds()));
      };
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      if (o.timeoutMs) {
        timer = setTimeout(() => {
          w.off('exit', onExit);
          retire(slot);
          finish(timeoutOutcome(task, o, seconds(), true));
        }, o.timeoutMs);
      }
      const { bytes } = task;
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      w.postMessage(task, whole ? [bytes.buffer as ArrayBuffer] : []);
    });
  }

  return {
    kind: 'workers',
    capacity: o.size,
    run(task) {
      if (aborted) return Promise.resolve(null);
      if (broken) return fallback.run(task);
      const slot = [...slots].find((s) => !s.busy) ?? spawn();
      return runOn(slot, task);
    },
    abort() {
      aborted = true;
      for (const s of slots) end(s.worker);
    },
    async close() {
      for (const s of slots) end(s.worker);
      slots.clear();
      await Promise.all([...ending]);
      temp.remove();
      await fallback.close();
    },
  };
}
