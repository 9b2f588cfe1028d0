import { extractFile } from './src/extract.ts';
import { globSync } from 'node:fs';
const files = process.argv.slice(2);
for (const f of files) {
  const d = await extractFile(f, { ocr: 'never' });
  for (const x of d.diagnostics.filter((x) => x.code === 'PERIOD_YEAR_IMPLAUSIBLE' || x.code === 'PERIOD_REVERSED')) console.log(f, x.code, x.message);
  if (d.reportingPeriod?.reversed) console.log(f, 'RP reversed');
}
