/** `npm run bench`: prints the figures; see bench/RESULTS.md for recorded ones. */
import os from 'node:os';
import { benchThai } from './thai.js';

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log('\nThai toolkit (corpus text, ~4 MB, one call per line, median of 5)');
for (const r of benchThai()) console.log(`  ${r.name.padEnd(38)} ${r.mbPerS.toFixed(2).padStart(8)} MB/s`);
