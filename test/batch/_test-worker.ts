/**
 * A worker script for tests only (bundled by _worker-script.ts; nothing in
 * src/ loads it): the CLI's worker, plus jobs that misbehave by
 * construction, chosen by the input's file name, so time limits, heap caps
 * and clean-up can be tested without depending on how fast the machine is.
 *
 *   …never-ends…     waits for a promise nobody will ever settle
 *   …spins…          a synchronous loop that never ends (no await, no timer can run)
 *   …grows…          keeps allocating and holding memory, without bound
 *   …ocr-dir…        makes the tesseract.js engine (its temporary language
 *                    folder), then waits forever
 *   …which-thread…   an error record whose message names the thread it ran on
 * Any other input is an ordinary job.
 */
import { threadId } from 'node:worker_threads';
import { createOcrEngine } from '../../src/ocr/engine.js';
import { type JobSettings, type Outcome, type Task, failedOutcome, runJob, sourceOf } from '../../src/batch/job.js';
import { serveWorker } from '../../src/batch/worker.js';

const forever = () => new Promise<never>(() => {});

async function misbehave(task: Task, s: JobSettings): Promise<Outcome> {
  const name = task.path.slice(task.path.lastIndexOf('/') + 1);
  if (name.includes('never-ends')) return forever();
  if (name.includes('spins')) {
    let n = 0;
    for (;;) n = (n + 1) % 1_000_003;
  }
  if (name.includes('grows')) {
    const held: number[][] = [];
    for (;;) held.push(new Array<number>(1 << 16).fill(held.length));
  }
  if (name.includes('which-thread')) return failedOutcome(task.index, sourceOf(task), 'INTERNAL_ERROR', `thread ${threadId}`, s);
  if (name.includes('ocr-dir')) {
    createOcrEngine({ workers: 1 });
    return forever();
  }
  return runJob(task, s);
}

serveWorker(misbehave);
