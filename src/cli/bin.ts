#!/usr/bin/env node
import { isBatchWorker, serveWorker } from '../batch/worker.js';
import { runCli } from './main.js';
import { stopOnSignals } from './_signals.js';

if (isBatchWorker()) {
  // this same file is the worker threads' script
  serveWorker();
} else {
  // a closed pipe (ita-extract … | head) is the reader's choice, not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  // first Ctrl-C / kill: stop cleanly (whole records, exit 130/143); another one later: stop now
  const signal = stopOnSignals({ on: (sig, handler) => process.on(sig, handler), stderr: process.stderr, exit: (code) => process.exit(code) });
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    workerScript: new URL(import.meta.url),
    signal,
  });
}
