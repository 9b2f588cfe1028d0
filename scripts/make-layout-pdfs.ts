/**
 * Writes generated layout documents (test/_support/layouts) as text PDF
 * through LibreOffice, with the generator's expected output beside each:
 * fixtures/layout-pdf/SEED.pdf and SEED.expected.json. The PDF tests read
 * them, so CI (no soffice) tests the PDF reader on what LibreOffice writes.
 *
 *   npx tsx scripts/make-layout-pdfs.ts 20004 20009 20038 20076 91008 91039
 *
 * With --chromium, the HTML printed by Chromium instead (SEED.chromium.pdf):
 *
 *   npx tsx scripts/make-layout-pdfs.ts --chromium 96327
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { generate } from '../test/_support/layouts/generate.js';
import { htmlToPdfChromium } from '../test/_support/layouts/write-chromium.js';
import { docxToPdf, writeDocx } from '../test/_support/layouts/write-docx.js';

const chromium = process.argv.includes('--chromium');
const seeds = process.argv.slice(2).filter((a) => a !== '--chromium').map(Number).filter((n) => Number.isInteger(n));
if (seeds.length === 0) {
  console.error('usage: tsx scripts/make-layout-pdfs.ts SEED…');
  process.exit(2);
}
const dir = 'fixtures/layout-pdf';
mkdirSync(dir, { recursive: true });
const docs = seeds.map((s) => generate(s));
const pdfs = chromium
  ? await htmlToPdfChromium(docs)
  : await docxToPdf(await Promise.all(docs.map(async (g) => ({ name: g.id, docx: await writeDocx(g.blocks) }))));
for (const g of docs) {
  const pdf = pdfs.get(g.id);
  if (!pdf) {
    console.error(`seed ${g.seed}: not converted`);
    process.exitCode = 1;
    continue;
  }
  const name = chromium ? `${g.seed}.chromium` : String(g.seed);
  writeFileSync(`${dir}/${name}.pdf`, pdf);
  writeFileSync(`${dir}/${g.seed}.expected.json`, `${JSON.stringify({ seed: g.seed, phenomena: g.phenomena, expected: g.expected }, null, 1)}\n`);
  console.log(`${dir}/${name}.pdf ${(pdf.length / 1024).toFixed(0)} KB, ${g.expected.entries.length} entries`);
}
