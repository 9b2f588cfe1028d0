#!/usr/bin/env node
import { isBatchWorker, serveWorker } from '../batch/worker.js';
import { runCli } from './main.js';

if (isBatchWorker()) {
  // this same file is the worker threads' script
  serveWorker();
} else {
  // a closed pipe (ita-extract … | head) is the reader's choice, not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  // first Ctrl-C / kill: stop cleanly (whole records, exit 130/143); a second one: stop now
  const stop = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => (stop.signal.aborted ? process.exit(sig === 'SIGINT' ? 130 : 143) : stop.abort(sig)));
  }
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    workerScript: new URL(import.meta.url),
    signal: stop.signal,
  });
}
