/** `npm run bench`: prints the figures; bench/RESULTS.md records them with the machine. */
import os from 'node:os';
import { benchAccuracy } from './accuracy.js';
import { benchThai } from './thai.js';

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);

console.log('\nThai toolkit (corpus text, ~4 MB, one call per line, median of 5)');
for (const r of benchThai()) console.log(`  ${r.name.padEnd(38)} ${r.mbPerS.toFixed(2).padStart(8)} MB/s`);

console.log('\nAccuracy against fixtures/expected (matched/expected; +extra entries)');
console.log(`  ${'file'.padEnd(34)} ${'entries'.padEnd(12)} ${'codes'.padEnd(18)} F1     sections periods responsible header`);
for (const r of await benchAccuracy()) {
  console.log(
    `  ${r.file.padEnd(34)} ${r.entries.padEnd(12)} ${r.codes.padEnd(18)} ${r.codeF1.toFixed(3)}  ${r.sections.padEnd(8)} ${r.periods.padEnd(7)} ${r.responsible.padEnd(11)} ${r.header}`,
  );
}
