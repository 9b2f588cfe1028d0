/**
 * The worker side of the pool: a thread that runs jobs as they come. The
 * CLI's own entry file is the worker script (bin.ts checks isBatchWorker),
 * so the built CLI needs no second file.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { type JobSettings, type Task, runJob } from './job.js';

export interface WorkerData {
  itaExtractWorker: true;
  settings: JobSettings;
}

export type WorkerMessage = { ready: true } | import('./job.js').Outcome;

export function isBatchWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerData> | null)?.itaExtractWorker === true;
}

export function serveWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker() runs in a worker thread');
  const { settings } = workerData as WorkerData;
  port.on('message', (task: Task) => {
    void runJob(task, settings).then((outcome) => port.postMessage(outcome));
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
