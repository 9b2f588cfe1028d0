/**
 * Test-only CLI entry for the fault tests: the real CLI, whose worker threads
 * answer three markers in a document's bytes before running it as usual.
 * Nothing here is reachable from the shipped CLI.
 *
 * - ITA-TEST-CRASH: kills the whole process (SIGKILL), every time: a document
 *   that takes its worker down, as a native crash would.
 * - ITA-TEST-HANG, when this process has ITA_TEST_HANG=1: never answers (a job
 *   that waits for something it is never given).
 * - ITA-TEST-WAIT, when this process has ITA_TEST_GATE=FILE: waits until FILE
 *   exists, then runs the document.
 */
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type Task } from '../../src/batch/job.js';
import { isBatchWorker, type WorkerData } from '../../src/batch/worker.js';
import { runCli } from '../../src/cli/main.js';

const has = (task: Task, marker: string) => Buffer.from(task.bytes).includes(marker);

if (isBatchWorker()) {
  const port = parentPort!;
  const { settings } = workerData as WorkerData;
  port.on('message', async (task: Task) => {
    if (has(task, 'ITA-TEST-CRASH')) process.kill(process.pid, 'SIGKILL');
    if (process.env.ITA_TEST_HANG === '1' && has(task, 'ITA-TEST-HANG')) return;
    const gate = process.env.ITA_TEST_GATE;
    if (gate && has(task, 'ITA-TEST-WAIT')) while (!existsSync(gate)) await new Promise((r) => setTimeout(r, 50));
    port.postMessage(await runJob(task, settings));
  });
  port.postMessage({ ready: true });
} else {
  const stop = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => (stop.signal.aborted ? process.exit(sig === 'SIGINT' ? 130 : 143) : stop.abort(sig)));
  }
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, workerScript: new URL(import.meta.url), signal: stop.signal });
}
