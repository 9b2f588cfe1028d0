#!/usr/bin/env node
import { runCli } from './main.js';

// a closed pipe (ita-extract … | head) is the reader's choice, not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await runCli(process.argv.slice(2));
