/**
 * The worker side of the pool: a thread that runs jobs as they come. The
 * CLI's own entry file is the worker script (bin.ts checks isBatchWorker),
 * so the built CLI needs no second file.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { setOcrTempParent } from '../ocr/temp.js';
import { type JobSettings, type Outcome, type Task, runJob } from './job.js';

export interface WorkerData {
  itaExtractWorker: true;
  settings: JobSettings;
  /** The run's temporary folder, made and removed by the main thread: this thread's temporary files go inside it. */
  tempDir: string | null;
}

export type WorkerMessage = { ready: true } | Outcome;

export function isBatchWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerData> | null)?.itaExtractWorker === true;
}

/** Serves jobs on this thread; `run` is the job (runJob; a test worker script may wrap it). */
export function serveWorker(run: (task: Task, s: JobSettings) => Promise<Outcome> = runJob): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker() runs in a worker thread');
  const { settings, tempDir } = workerData as WorkerData;
  if (tempDir) setOcrTempParent(tempDir);
  port.on('message', (task: Task) => {
    void run(task, settings).then((outcome) => port.postMessage(outcome));
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
